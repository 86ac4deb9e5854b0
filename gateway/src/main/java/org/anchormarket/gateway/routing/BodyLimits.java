package org.anchormarket.gateway.routing;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.anchormarket.gateway.config.GatewayConfig;

/**
 * Request bodies the door refuses before reading them: a declared length over the limit (10 MB; 200 MB on the
 * streamed upload paths) gets 413 problem+json and the connection is closed, so nothing is read, held or forwarded.
 * What is accepted is streamed to the service as it arrives (the proxy never buffers a body), which is how a 100 MB
 * spend file passes without being held in memory. A body without a declared length is limited by the service.
 */
@ApplicationScoped
public class BodyLimits {

    /** Before authentication (order -200): a huge body is refused without checking who sent it. */
    static final int ORDER = -300;

    void register(@Observes Router router, GatewayConfig config) {
        long max = config.bodies().maxSize().asLongValue();
        long maxUpload = config.bodies().maxUploadSize().asLongValue();
        router.route("/api/*").order(ORDER).handler(rc -> {
            String declared = rc.request().getHeader("Content-Length");
            if (declared == null) {
                rc.next();
                return;
            }
            String path = rc.request().path();
            boolean upload = config.bodies().uploadPaths().stream()
                    .anyMatch(p -> path != null && (path.equals(p) || path.startsWith(p + "/")));
            long limit = upload ? maxUpload : max;
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
                    .onComplete(done -> rc.request().connection().close());
        });
    }
}
