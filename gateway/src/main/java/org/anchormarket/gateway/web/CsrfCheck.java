package org.anchormarket.gateway.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Every page request that changes something (POST, PUT, PATCH, DELETE) must carry the session's CSRF token, in the
 * form field {@code csrf-token} (or the {@code X-CSRF-Token} header): otherwise 403 and a page saying to go back and
 * try again, and nothing reaches a service. Applies to every request outside /api/ (every page, whatever its
 * package and whatever the body's type), so a new form cannot forget it.
 */
public class CsrfCheck {

    private static final Logger LOG = Logger.getLogger(CsrfCheck.class);
    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @CheckedTemplate(basePath = "PageErrors")
    static class Templates {
        static native TemplateInstance expired();
    }

    private final CsrfTokens tokens;

    CsrfCheck(CsrfTokens tokens) {
        this.tokens = tokens;
    }

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || !AreaAccess.isPage(request.getUriInfo().getPath())) {
            return null;
        }
        String sent = request.getHeaderString("X-CSRF-Token");
        MediaType type = request.getMediaType();
        if (sent == null && type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE))) {
            Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                    .getFormParameter(CsrfTokens.FIELD, true, false);
            sent = field == null ? null : field.toString();
        }
        if (tokens.matches(sent)) {
            return null;
        }
        LOG.infof("Refused %s %s: %s CSRF token", request.getMethod(), request.getUriInfo().getPath(),
                sent == null ? "no" : "a wrong");
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.expired().render()).build();
    }
}
