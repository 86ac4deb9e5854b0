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
        router.route("/api/*").order(ORDER).handler(this::check);
        // The pages' forms too: Quarkus's own limit is the upload limit (for the spend upload page), so a declared
        // body over the general limit is refused here before Quarkus reads it
        router.route("/app/*").order(ORDER).handler(this::check);
    }

    private void check(io.vertx.ext.web.RoutingContext rc) {
        String declared = rc.request().getHeader("Content-Length");
        if (declared == null) {
            rc.next(); // counted as it streams through (ServiceRoute); a page's, by Quarkus
            return;
        }
        long limit = limitFor(rc.normalizedPath()); // as the router sees it: no ../ past the upload paths
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
        rc.response().setStatusCode(413).setStatusMessage("Content Too Large")
                .putHeader("Content-Type", GatewayProblems.MEDIA_TYPE).putHeader("Connection", "close")
                .end(GatewayProblems.body(413, "Content Too Large", "The body is " + declared.strip()
                        + " bytes; this address takes at most " + limit + "."))
                .onComplete(done -> RefusedBodies.closeAfterDraining(rc.vertx(), rc.request()));
    }
}
