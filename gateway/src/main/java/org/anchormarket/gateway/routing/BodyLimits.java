package org.anchormarket.gateway.routing;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.anchormarket.gateway.config.GatewayConfig;

/**
 * Request bodies the door refuses before reading them: a declared length over the limit (10 MB; 200 MB on the
 * streamed upload paths) gets 413 problem+json and the connection is closed, so nothing is read, held or forwarded.
 * What is accepted is streamed to the service as it arrives (the proxy never buffers a body), which is how a 100 MB
 * spend file passes without being held in memory. A body without a declared length (chunked) is counted as it
 * streams through: past the limit, the service's request is reset and the caller gets the same 413.
 */
@ApplicationScoped
public class BodyLimits {

    /** Before authentication (order -200): a huge body is refused without checking who sent it. */
    static final int ORDER = -300;

    private final GatewayConfig config;

    BodyLimits(GatewayConfig config) {
        this.config = config;
    }

    /** The largest body {@code path} takes: the upload limit on the upload paths, else the general one. */
    long limitFor(String path) {
        boolean upload = config.bodies().uploadPaths().stream()
                .anyMatch(p -> path != null && (path.equals(p) || path.startsWith(p + "/")));
        return (upload ? config.bodies().maxUploadSize() : config.bodies().maxSize()).asLongValue();
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(rc -> check(rc, false));
        // The pages' forms too: Quarkus's own limit is the upload limit (for the spend upload page), so a body over
        // the general limit is refused here before Quarkus reads it
        router.route("/app/*").order(ORDER).handler(rc -> check(rc, true));
    }

    private void check(io.vertx.ext.web.RoutingContext rc, boolean page) {
        String declared = rc.request().getHeader("Content-Length");
        long limit = limitFor(rc.normalizedPath()); // as the router sees it: no ../ past the upload paths
        if (declared == null) {
            // An API body is counted as it streams through (ServiceRoute). A page's is read by Quarkus, whose limit is
            // the upload limit (100 MB, which the upload page needs): scripts and test clients send multipart forms
            // chunked, so they are not refused; a form's fields are held to Quarkus's form limits and file parts go
            // to disk, deleted after the request, and only a signed-in user's body is read at all
            rc.next();
            return;
        }
        long length;
        try {
            length = Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            length = Long.MAX_VALUE;
        }
        if (length <= limit) {
            rc.next();
            return;
        }
        refuse(rc, page, 413, "Content Too Large", "The body is " + declared.strip()
                + " bytes; this address takes at most " + limit + ".");
    }

    /** Refuses without reading the body: problem+json for the API, a short page for a browser's form. */
    private static void refuse(io.vertx.ext.web.RoutingContext rc, boolean page, int status, String title,
            String detail) {
        rc.response().setStatusCode(status).setStatusMessage(title).putHeader("Connection", "close");
        io.vertx.core.Future<Void> sent;
        if (page) {
            sent = rc.response().putHeader("Content-Type", "text/html;charset=UTF-8").end("""
                    <!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Too large – Anchor Market\
                    </title></head><body><main><h1>What you sent could not be taken</h1><p>%s Nothing was changed. \
                    Go back and send less, or go to <a href="/app">your home page</a>. \
                    </p></main></body></html>""".formatted(detail));
        } else {
            sent = rc.response().putHeader("Content-Type", GatewayProblems.MEDIA_TYPE)
                    .end(GatewayProblems.body(status, title, detail));
        }
        sent.onComplete(done -> RefusedBodies.closeAfterDraining(rc.vertx(), rc.request()));
    }
}
