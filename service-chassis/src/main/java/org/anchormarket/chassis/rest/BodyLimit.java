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
 * A body declared larger than {@code anchor.http.max-body-size} (10 MB) is refused from its headers with a
 * 413 problem+json, before Quarkus's own check (which answers 413 with an empty body) and before it is read; a
 * request target over 8 KiB with a 414 problem+json (the HTTP codec's own limit, which answers with an empty body,
 * is set far above it).
 * A body of no declared length (chunked) is read here, counted as it arrives: past the limit it gets the same 413
 * problem+json (Quarkus's own check would answer with an empty 413), else its bytes are handed to the resource by
 * {@link #chunkedBody}. Such a body is held in memory (at most the limit, not copied again) and read before the
 * resource's role check; clients that know the length send it, and the gateway, the only way in from outside, has
 * counted it already.
 * <p>
 * A service that takes streamed uploads (spend files) names their paths in {@code anchor.http.upload-paths}: there a
 * body may be up to {@code anchor.http.max-upload-size} (100 MB) and a chunked one is not read here but streamed to the
 * resource, which must count it itself. Such a service sets {@code quarkus.http.limits.max-body-size} to the upload
 * limit, since Quarkus's own check knows no paths; every other path keeps this class's limit.
 */
@ApplicationScoped
public class BodyLimit {

    /** Quarkus's own check is at order -2; this one comes first. */
    private static final int ORDER = -3;

    private final long maxBodySize;
    private final long maxUploadSize;
    private final List<String> uploadPaths;
    private final ObjectMapper json;

    BodyLimit(@ConfigProperty(name = "anchor.http.max-body-size", defaultValue = "10M") MemorySize limit,
            @ConfigProperty(name = "anchor.http.max-upload-size", defaultValue = "100M") MemorySize uploadLimit,
            @ConfigProperty(name = "anchor.http.upload-paths") java.util.Optional<List<String>> uploadPaths,
            ObjectMapper json) {
        this.maxBodySize = limit.asLongValue();
        this.maxUploadSize = uploadLimit.asLongValue();
        this.uploadPaths = uploadPaths.orElse(List.of());
        this.json = json;
    }

    /** Whether {@code path} (as the router normalised it: no {@code ../} past an upload path) takes uploads. */
    boolean isUpload(String path) {
        return path != null && uploadPaths.stream().anyMatch(path::equals);
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
            boolean upload = isUpload(ctx.normalizedPath());
            long limit = upload ? maxUploadSize : maxBodySize;
            String declared = ctx.request().getHeader("Content-Length");
            if (!upload && declared == null && ctx.request().getHeader("Transfer-Encoding") != null
                    && !ctx.request().isEnded() && ctx.get(CHUNKED_BODY) == null) {
                readCounted(ctx);
                return;
            }
            long length;
            try {
                length = declared == null ? -1 : Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length <= limit) {
                ctx.next();
                return;
            }
            refuse(ctx, 413, "Content Too Large", "body", "is " + length + " bytes; at most " + limit
                    + " are accepted");
        });
    }

    /** The routing context's key for a chunked body read here. */
    static final String CHUNKED_BODY = "anchor.chunked-body";

    private void readCounted(io.vertx.ext.web.RoutingContext ctx) {
        io.vertx.core.buffer.Buffer body = io.vertx.core.buffer.Buffer.buffer();
        boolean[] refused = {false};
        if ("100-continue".equalsIgnoreCase(ctx.request().getHeader("Expect"))) {
            ctx.response().writeContinue(); // as Quarkus REST would when it starts reading
        }
        ctx.request().handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if ((long) body.length() + chunk.length() > maxBodySize) {
                refused[0] = true;
                ctx.request().pause();
                refuse(ctx, 413, "Content Too Large", "body", "is more than " + maxBodySize + " bytes; at most "
                        + maxBodySize + " are accepted");
                return;
            }
            body.appendBuffer(chunk);
        });
        ctx.request().exceptionHandler(failure -> refused[0] = true);
        ctx.request().endHandler(end -> {
            if (!refused[0]) {
                ctx.put(CHUNKED_BODY, body);
                ctx.next();
            }
        });
    }

    /**
     * Hands a chunked body read by {@link #readCounted} to Quarkus REST, which then reads it from here rather than
     * from the (already ended) request.
     */
    @org.jboss.resteasy.reactive.server.ServerRequestFilter(preMatching = true, priority = 1)
    public void chunkedBody(jakarta.ws.rs.container.ContainerRequestContext request,
            io.vertx.ext.web.RoutingContext ctx) {
        io.vertx.core.buffer.Buffer body = ctx.remove(CHUNKED_BODY);
        if (body != null) {
            request.setEntityStream(new io.netty.buffer.ByteBufInputStream(body.getByteBuf())); // no copy
        }
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
        // The rest of the request is not wanted, so the connection cannot serve another one: closed, once what the
        // client still sends has been read and dropped for a moment (closing on unread bytes resets the connection,
        // and a reset can reach the client before the answer does).
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(body)
                .onComplete(done -> drainThenClose(ctx.vertx(), ctx.request()));
    }

    /** How long a refused request's remaining body is read and dropped before its connection is closed. */
    private static final long DRAIN_MILLIS = 1_000;

    private static void drainThenClose(io.vertx.core.Vertx vertx, io.vertx.core.http.HttpServerRequest request) {
        io.vertx.core.http.HttpConnection connection = request.connection();
        if (request.isEnded()) {
            connection.close();
            return;
        }
        long timer = vertx.setTimer(DRAIN_MILLIS, t -> connection.close());
        request.exceptionHandler(failure -> connection.close());
        request.endHandler(end -> {
            vertx.cancelTimer(timer);
            connection.close();
        });
        request.handler(dropped -> {
        });
        request.resume();
    }
}
