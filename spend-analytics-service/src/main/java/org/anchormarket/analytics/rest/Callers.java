package org.anchormarket.analytics.rest;

import io.quarkus.security.identity.SecurityIdentity;
import org.anchormarket.analytics.service.SpendUploads;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is asking, from the bearer token: admins and leadership act for every anchor, a buyer for its own. */
final class Callers {

    private Callers() {
    }

    static SpendUploads.Caller of(SecurityIdentity identity, JsonWebToken token) {
        boolean everyAnchor = identity.hasRole("admin") || identity.hasRole("leadership");
        String name = token.getClaim("preferred_username");
        return new SpendUploads.Caller(name != null ? name : identity.getPrincipal().getName(), everyAnchor,
                everyAnchor ? null : token.<String>getClaim("anchor"));
    }
}
