package org.anchormarket.gateway.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import org.anchormarket.contracts.gateway.api.MeApi;
import org.anchormarket.contracts.gateway.model.Me;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** GET /api/me: the caller as the platform sees it. */
public class MeResource implements MeApi {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    MeResource(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    @Override
    @Authenticated
    public Me getMe() {
        return PlatformUser.of(identity, token).toMe();
    }
}
