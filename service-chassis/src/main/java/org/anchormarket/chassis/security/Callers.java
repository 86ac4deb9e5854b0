package org.anchormarket.chassis.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current request, from its verified token (or anonymous), in one place for every resource. */
@ApplicationScoped
public class Callers {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    Callers(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public Caller current() {
        if (identity.isAnonymous()) {
            return Caller.anonymous();
        }
        Object anchor = token.getClaim("anchor");
        return new Caller(token.getSubject(), Set.copyOf(identity.getRoles()), anchor == null ? null
                : anchor.toString());
    }
}
