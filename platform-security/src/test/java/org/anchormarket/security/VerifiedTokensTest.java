package org.anchormarket.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The cache of verified tokens on its own, with a clock the test moves. (That Quarkus asks it first and that an
 * expired token is refused through the real OIDC stack is GatewayTest's, against Keycloak.)
 */
class VerifiedTokensTest {

    private static final long START = 1_800_000_000_000L;
    private final AtomicLong now = new AtomicLong(START);
    private final VerifiedTokens tokens = new VerifiedTokens(now::get,
            () -> TimeUnit.MILLISECONDS.toNanos(now.get() - START));
    private final AuthenticationRequestContext context = new AuthenticationRequestContext() {
        @Override
        public Uni<SecurityIdentity> runBlocking(Supplier<SecurityIdentity> function) {
            return Uni.createFrom().item(function);
        }
    };

    @Test
    void shouldAnswerWithTheVerifiedIdentityBoundToTheNewRequest() {
        RoutingContext first = request("Default");
        assertNull(tokens.find(bearer(jwt("token-a"), first), context), "not verified yet: OIDC verifies it");
        SecurityIdentity verified = verifiedBy("alice", jwt("token-a"), first, START / 1000 + 300);
        tokens.keep(verified);

        RoutingContext second = request("Default");
        SecurityIdentity found = tokens.find(bearer(jwt("token-a"), second), context);
        assertNotNull(found, "the same token again is answered from the cache");
        assertEquals(1, tokens.answered());
        assertEquals("alice", found.getPrincipal().getName());
        assertEquals(verified.getRoles(), found.getRoles());
        assertSame(second, found.getAttribute(RoutingContext.class.getName()), "bound to the request it serves");
        assertSame(context, found.getAttribute(AuthenticationRequestContext.class.getName()));
        assertSame(first, verified.getAttribute(RoutingContext.class.getName()), "the kept identity is not changed");

        tokens.keep(found); // the augmentor sees the cached answer too: not kept again, nothing breaks
        assertTrue(tokens.holds("Default", jwt("token-a")));
        assertNull(tokens.held("Default", jwt("token-a")).getAttribute(RoutingContext.class.getName()),
                "the first request's routing context is not kept alive with the token");
        assertEquals("Default", tokens.held("Default", jwt("token-a")).getAttribute(VerifiedTokens.TENANT));
    }

    @Test
    void shouldVerifyAgainOnceTheTokenHasExpired() {
        RoutingContext first = request("Default");
        tokens.find(bearer(jwt("token-b"), first), context);
        tokens.keep(verifiedBy("bob", jwt("token-b"), first, START / 1000 + 10));
        assertNotNull(tokens.find(bearer(jwt("token-b"), request("Default")), context));

        now.addAndGet(9_999);
        assertNotNull(tokens.find(bearer(jwt("token-b"), request("Default")), context), "a millisecond before expiry");
        now.addAndGet(1);
        assertNull(tokens.find(bearer(jwt("token-b"), request("Default")), context), "at expiry OIDC decides (refuses)");
        assertFalse(tokens.holds("Default", jwt("token-b")));
    }

    @Test
    void shouldHoldATokenAtMostAMinuteWhateverItsLifetime() {
        assertEquals(Duration.ofSeconds(VerifiedTokens.HELD_FOR_SECONDS), tokens.heldFor(START / 1000 + 3600));
        assertEquals(Duration.ofSeconds(10), tokens.heldFor(START / 1000 + 10));
        assertEquals(Duration.ZERO, tokens.heldFor(START / 1000 - 1));

        RoutingContext first = request("Default");
        tokens.find(bearer(jwt("token-c"), first), context);
        tokens.keep(verifiedBy("carol", jwt("token-c"), first, START / 1000 + 3600));
        now.addAndGet(TimeUnit.SECONDS.toMillis(VerifiedTokens.HELD_FOR_SECONDS));
        assertNull(tokens.find(bearer(jwt("token-c"), request("Default")), context), "verified again after a minute");
    }

    /** What OIDC checks on the request (step-up, DPoP proof, client certificate) is never answered from the cache. */
    @Test
    void shouldLeaveRequestsWithPerRequestChecksToOidc() {
        RoutingContext first = request("Default");
        tokens.find(bearer(jwt("token-n"), first), context);
        tokens.keep(verifiedBy("nina", jwt("token-n"), first, START / 1000 + 300));
        assertNotNull(tokens.find(bearer(jwt("token-n"), request("Default")), context));
        for (String check : VerifiedTokens.CHECKED_PER_REQUEST) {
            RoutingContext checked = request("Default");
            checked.put(check, "present");
            assertNull(tokens.find(bearer(jwt("token-n"), checked), context), check);
        }
    }

    @Test
    void shouldKeepTokensApartByTenant() {
        RoutingContext first = request("Default");
        tokens.find(bearer(jwt("token-d"), first), context);
        tokens.keep(verifiedBy("dave", jwt("token-d"), first, START / 1000 + 300));
        assertNull(tokens.find(bearer(jwt("token-d"), request("web")), context), "another tenant verifies for itself");
        assertNotNull(tokens.find(bearer(jwt("token-d"), request("Default")), context));
    }

    @Test
    void shouldKeepOnlyWhatItWasAskedForAndOnlyBearerAccessTokens() {
        // An identity the cache was never asked about (a sign-in session's, say) is not kept
        RoutingContext unasked = request("Default");
        tokens.keep(verifiedBy("erin", jwt("token-e"), unasked, START / 1000 + 300));
        assertFalse(tokens.holds("Default", jwt("token-e")));

        // An ID token (a browser's sign-in) is never looked up, so never kept
        RoutingContext browser = request("web");
        TokenAuthenticationRequest idToken = new TokenAuthenticationRequest(new IdTokenCredential(jwt("token-f")));
        HttpSecurityUtils.setRoutingContextAttribute(idToken, browser);
        assertNull(tokens.find(idToken, context));
        tokens.keep(verifiedBy("frank", jwt("token-f"), browser, START / 1000 + 300));
        assertFalse(tokens.holds("web", jwt("token-f")));

        // An identity made for another token than the one asked for is not kept under the asked one
        RoutingContext asked = request("Default");
        tokens.find(bearer(jwt("token-g"), asked), context);
        tokens.keep(verifiedBy("grace", jwt("token-other"), asked, START / 1000 + 300));
        assertFalse(tokens.holds("Default", jwt("token-g")));

        // Without a tenant on the request (not an OIDC request) nothing is looked up or kept
        RoutingContext noTenant = request(null);
        assertNull(tokens.find(bearer(jwt("token-h"), noTenant), context));
        tokens.keep(verifiedBy("heidi", jwt("token-h"), noTenant, START / 1000 + 300));
        assertFalse(tokens.holds("Default", jwt("token-h")));

        // An opaque token (not a JWT) is left to OIDC
        RoutingContext opaque = request("Default");
        assertNull(tokens.find(bearer("opaque-token", opaque), context));
        tokens.keep(verifiedBy("judy", "opaque-token", opaque, START / 1000 + 300));
        assertFalse(tokens.holds("Default", "opaque-token"));

        // Accepted by another tenant than the one that asked (and refused it): not kept under the one that asked
        RoutingContext refused = request("Default");
        tokens.find(bearer(jwt("token-k"), refused), context);
        tokens.keep(verifiedBy(new QuarkusPrincipal("karl"), jwt("token-k"), refused, START / 1000 + 300, "web"));
        assertFalse(tokens.holds("Default", jwt("token-k")));
        assertFalse(tokens.holds("web", jwt("token-k")));

        // A browser sign-in's identity (it carries an ID token) is not kept, whatever asked
        RoutingContext session = request("Default");
        tokens.find(bearer(jwt("token-l"), session), context);
        tokens.keep(QuarkusSecurityIdentity.builder(verifiedBy("lena", jwt("token-l"), session, START / 1000 + 300))
                .addCredential(new IdTokenCredential(jwt("id-token-l"))).build());
        assertFalse(tokens.holds("Default", jwt("token-l")));

        // A token bound to a key or certificate (cnf) is not kept: its proof is checked on every request
        RoutingContext bound = request("Default");
        tokens.find(bearer(jwt("token-m"), bound), context);
        org.jose4j.jwt.JwtClaims claims = new org.jose4j.jwt.JwtClaims();
        claims.setSubject("mia");
        claims.setClaim("cnf", Map.of("jkt", "thumbprint"));
        tokens.keep(verifiedBy(new io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal(claims), jwt("token-m"),
                bound, START / 1000 + 300, "Default"));
        assertFalse(tokens.holds("Default", jwt("token-m")));

        // A token without an expiry is not kept
        RoutingContext noExpiry = request("Default");
        tokens.find(bearer(jwt("token-i"), noExpiry), context);
        tokens.keep(verifiedBy("ivan", jwt("token-i"), noExpiry, 0));
        assertFalse(tokens.holds("Default", jwt("token-i")));
    }

    /** A JWT-shaped token (Quarkus takes anything else for an opaque token, which is never held). */
    private static String jwt(String id) {
        java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"RS256\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(("{\"jti\":\"" + id + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + ".signature";
    }

    private static TokenAuthenticationRequest bearer(String token, RoutingContext routing) {
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new AccessTokenCredential(token));
        HttpSecurityUtils.setRoutingContextAttribute(request, routing);
        return request;
    }

    /** What Quarkus OIDC makes of a token it verified (the attributes this cache relies on). */
    private SecurityIdentity verifiedBy(String user, String token, RoutingContext routing, long expiresAt) {
        return verifiedBy(new QuarkusPrincipal(user), token, routing, expiresAt, "Default");
    }

    private SecurityIdentity verifiedBy(java.security.Principal user, String token, RoutingContext routing,
            long expiresAt, String tenant) {
        TokenCredential credential = new AccessTokenCredential(token);
        return QuarkusSecurityIdentity.builder().setPrincipal(user).addRole("buyer")
                .addCredential(credential).addAttribute(VerifiedTokens.EXPIRES_AT, expiresAt)
                .addAttribute(VerifiedTokens.TENANT, tenant)
                .addAttribute(RoutingContext.class.getName(), routing)
                .addAttribute(AuthenticationRequestContext.class.getName(), context).build();
    }

    /** A request's routing context: only its data map is used here (the OIDC tenant, the cache's own mark). */
    private static RoutingContext request(String tenant) {
        Map<String, Object> data = new HashMap<>();
        if (tenant != null) {
            data.put(VerifiedTokens.TENANT, tenant);
        }
        return (RoutingContext) Proxy.newProxyInstance(RoutingContext.class.getClassLoader(),
                new Class<?>[] { RoutingContext.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "get" -> data.get((String) args[0]);
                    case "put" -> {
                        data.put((String) args[0], args[1]);
                        yield proxy;
                    }
                    case "remove" -> data.remove((String) args[0]);
                    case "data" -> data;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "request " + data;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
