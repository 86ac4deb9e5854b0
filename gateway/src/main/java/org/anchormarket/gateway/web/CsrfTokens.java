package org.anchormarket.gateway.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import io.quarkus.oidc.IdToken;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.anchormarket.gateway.config.GatewayConfig;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The CSRF token of the signed-in user's session ({@code inject:csrf} in templates, the {@code {#csrf /}} tag in
 * forms): an HMAC-SHA256, under the gateway's session secret, of the user and their Keycloak session id. Another
 * site cannot read it (same-origin policy), so it cannot forge a form the gateway accepts; it needs no storage, and
 * it changes when the user signs in again. {@link CsrfCheck} verifies it on every state-changing page request.
 * (Written here because the quarkus-rest-csrf extension of this Quarkus version does not resolve from the mirror
 * this project builds from; see docs/web.md.)
 */
@RequestScoped
@Named("csrf")
public class CsrfTokens {

    /** The form field (and {@code X-CSRF-Token} header) the token travels in. */
    public static final String FIELD = "csrf-token";

    private final SecurityIdentity identity;
    private final byte[] key;
    private String token;

    /** The sign-in's ID token, whose {@code sid} names the Keycloak session (a field: @IdToken is not for parameters). */
    @Inject
    @IdToken
    JsonWebToken idToken;

    CsrfTokens(SecurityIdentity identity, GatewayConfig config) {
        this.identity = identity;
        this.key = ("csrf|" + config.sessionSecret()).getBytes(StandardCharsets.UTF_8);
    }

    public String getParameterName() {
        return FIELD;
    }

    /**
     * This session's token; "" (which no check accepts) for a visitor who is not signed in or a sign-in without a
     * Keycloak session id.
     */
    public String getToken() {
        if (token == null) {
            String session = identity.isAnonymous() ? null : session();
            token = session == null ? "" : sign(identity.getPrincipal().getName() + "|" + session);
        }
        return token;
    }

    /** Whether a token sent back is this session's. */
    boolean matches(String sent) {
        String expected = getToken();
        return sent != null && !expected.isEmpty() && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), sent.strip().getBytes(StandardCharsets.US_ASCII));
    }

    private String session() {
        Object sid = idToken == null || idToken.getRawToken() == null ? null : idToken.getClaim("sid");
        return sid == null || sid.toString().isBlank() ? null : sid.toString();
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(("csrf|" + value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
