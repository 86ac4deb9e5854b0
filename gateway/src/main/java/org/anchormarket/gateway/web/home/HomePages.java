package org.anchormarket.gateway.web.home;

import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.anchormarket.gateway.web.Area;
import org.anchormarket.gateway.web.InArea;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The public landing page, the signed-in home (where Keycloak sends people back to), and signing out. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index();

        static native TemplateInstance home();
    }

    private final OidcSession session;
    private final OidcConfigurationMetadata provider;

    /** The ID token (Keycloak's logout wants it as a hint); a field, as @IdToken does not apply to parameters. */
    @Inject
    @IdToken
    JsonWebToken idToken;

    HomePages(OidcSession session, OidcConfigurationMetadata provider) {
        this.session = session;
        this.provider = provider;
    }

    @GET
    @InArea(Area.PUBLIC)
    public TemplateInstance index() {
        return Templates.index();
    }

    @GET
    @Path("app")
    @InArea(Area.HOME)
    public TemplateInstance home() {
        return Templates.home();
    }

    /**
     * Signs out: a form's POST (with its CSRF token), never a link a other site could send people to. Ends the
     * gateway's session, then Keycloak's, which sends the browser back to the landing page.
     */
    @POST
    @Path("app/sign-out")
    @InArea(Area.HOME)
    public Uni<Response> signOut(UriInfo uri) {
        String idTokenHint = idToken.getRawToken();
        URI landing = uri.getBaseUriBuilder().replacePath("/").build();
        return session.logout().map(done -> {
            String endSession = provider.getEndSessionUri();
            if (endSession == null) {
                return Response.seeOther(landing).build();
            }
            UriBuilder keycloak = UriBuilder.fromUri(endSession).queryParam("client_id", "anchor-web")
                    .queryParam("post_logout_redirect_uri", landing);
            if (idTokenHint != null) {
                keycloak.queryParam("id_token_hint", idTokenHint);
            }
            return Response.seeOther(keycloak.build()).build();
        });
    }
}
