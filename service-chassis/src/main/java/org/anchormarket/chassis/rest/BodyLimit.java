package org.anchormarket.chassis.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.anchormarket.chassis.problem.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body declared larger than {@code quarkus.http.limits.max-body-size} (10 MB) is refused from its headers with a
 * 413 problem+json, before Quarkus's own check (which answers 413 with an empty body) and before it is read; a
 * request target over 8 KiB with a 414 problem+json (the HTTP codec's own limit, which answers with an empty body,
 * is set far above it).
 * A chunked body without a length still meets Quarkus's check when it grows past the limit.
 */
@ApplicationScoped
public class BodyLimit {

    /** Quarkus's own check is at order -2; this one comes first. */
    private static final int ORDER = -3;

    private final long maxBodySize;
    private final ObjectMapper json;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize limit,
            ObjectMapper json) {
        this.maxBodySize = limit.asLongValue();
        this.json = json;
    }

    /** The longest request target served; a longer one is refused with 414 problem+json. */
    static final int MAX_URI_LENGTH = 8192;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(ctx -> {
            if (ctx.request().uri().length() > MAX_URI_LENGTH) {
                refuse(ctx, 414, "URI Too Long", "uri", "is " + ctx.request().uri().length()
                        + " characters; at most " + MAX_URI_LENGTH + " are accepted");
                return;
            }
            String declared = ctx.request().getHeader("Content-Length");
            long length;
            try {
                length = declared == null ? -1 : Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length <= maxBodySize) {
                ctx.next();
                return;
            }
            refuse(ctx, 413, "Content Too Large", "body", "is " + length + " bytes; at most " + maxBodySize
                    + " are accepted");
        });
    }

    private void refuse(io.vertx.ext.web.RoutingContext ctx, int status, String title, String field,
            String reason) {
        String body;
        try {
            String path = ctx.request().path();
            body = json.writeValueAsString(new Problem("about:blank", title, status, "The request was refused",
                    path != null && path.length() > 200 ? path.substring(0, 200) : path,
                    List.of(new Problem.FieldError(field, reason))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // What is left of the request is never read, so the connection cannot serve another one: closed.
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(body)
                .onComplete(done -> ctx.request().connection().close());
    }
}
