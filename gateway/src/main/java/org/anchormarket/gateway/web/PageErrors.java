package org.anchormarket.gateway.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What a page shows when it cannot show itself, as a page in the service's layout (never a stack trace): a refusal
 * for a user without the area's role (403), "page not found" (404), the service being unavailable (503), and
 * anything unexpected (500, with an error id that is in the log). The gateway's API ({@code /api/me}) keeps its own
 * answers.
 */
public class PageErrors {

    private static final Logger LOG = Logger.getLogger(PageErrors.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(String what);

        static native TemplateInstance notFound();

        static native TemplateInstance badRequest();

        static native TemplateInstance unavailable(String detail);

        static native TemplateInstance failed(String errorId);
    }

    private final HttpServerRequest request;

    PageErrors(HttpServerRequest request) {
        this.request = request;
    }

    private boolean page() {
        String path = request.path();
        return path != null && (path.equals("/") || path.equals("/app") || path.startsWith("/app/"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page() ? html(403, Templates.refused(e.getMessage())) : problem(403, "Forbidden");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page() ? html(404, Templates.notFound()) : problem(404, "Not Found");
    }

    @ServerExceptionMapper
    public Response refused(ServiceRefusal e) {
        if (!page()) {
            return problem(e.status() >= 500 ? 502 : e.status(), e.detail());
        }
        return switch (e.status()) {
            case 401, 403 -> html(403, Templates.refused(null));
            case 404 -> html(404, Templates.notFound());
            case 502, 503, 504 -> html(503, Templates.unavailable(e.detail()));
            // any other refusal a page did not handle: the request was not one the service takes, never a 500
            default -> e.status() >= 400 && e.status() < 500 ? html(e.status(), Templates.badRequest()) : failed(e);
        };
    }

    /** A request whose body could not be read (a multipart form cut short, a wrong boundary): a bad request. */
    @ServerExceptionMapper
    public Response unreadable(java.io.IOException e) {
        LOG.infof("%s %s: the request could not be read: %s", request.method(), request.path(), e.getMessage());
        return page() ? html(400, Templates.badRequest()) : problem(400, "The request could not be read");
    }

    /** A service that could not be reached at all (refused connection, timeout): unavailable, not a failure. */
    @ServerExceptionMapper
    public Response unreachable(jakarta.ws.rs.ProcessingException e) {
        LOG.warnf("%s %s: a service could not be reached: %s", request.method(), request.path(), e.getMessage());
        return page() ? html(503, Templates.unavailable("A service this page needs did not answer."))
                : problem(503, "A service could not be reached");
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        if (e instanceof WebApplicationException refusal && refusal.getResponse().getStatus() < 500) {
            int status = refusal.getResponse().getStatus();
            if (!page()) {
                return problem(status, refusal.getMessage());
            }
            return status == 404 || status == 405 ? html(404, Templates.notFound())
                    : status == 403 || status == 401 ? html(403, Templates.refused(null))
                    : html(status, Templates.badRequest());
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "%s %s failed (error id %s)", request.method(), request.path(), errorId);
        return page() ? html(500, Templates.failed(errorId))
                : problem(500, "Something went wrong on our side (error id " + errorId + ")");
    }

    private static Response problem(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return Response.status(status).type("application/problem+json")
                .entity(new org.anchormarket.gateway.routing.GatewayProblems.Body(status,
                        known == null ? "Error" : known.getReasonPhrase(), detail))
                .build();
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render())
                .build();
    }
}
