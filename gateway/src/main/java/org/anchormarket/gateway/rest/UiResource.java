package org.anchormarket.gateway.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The web UI's pages: the public landing page, and the signed-in home (browser sign-in via Keycloak). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class UiResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index();

        static native TemplateInstance home(PlatformUser user);
    }

    private final SecurityIdentity identity;
    private final JsonWebToken idToken;

    UiResource(SecurityIdentity identity, JsonWebToken idToken) {
        this.identity = identity;
        this.idToken = idToken;
    }

    @GET
    @PermitAll
    public TemplateInstance index() {
        return Templates.index();
    }

    @GET
    @Path("app")
    @Authenticated
    public TemplateInstance home() {
        return Templates.home(PlatformUser.of(identity, idToken));
    }
}
