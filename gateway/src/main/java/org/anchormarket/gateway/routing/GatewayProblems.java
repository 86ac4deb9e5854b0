package org.anchormarket.gateway.routing;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** The gateway's own refusals, as RFC 9457 problem details (the services write theirs themselves). */
public final class GatewayProblems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private GatewayProblems() {
    }

    /** A problem as the gateway's JAX-RS answers write it. */
    public record Body(String type, String title, int status, String detail) {
        public Body(int status, String title, String detail) {
            this("about:blank", title, status, detail);
        }
    }

    /** A problem body: {@code type} about:blank, the status's title, and what happened. */
    public static Buffer body(int status, String title, String detail) {
        return JsonObject.mapFrom(new Body(status, title, detail)).toBuffer();
    }
}
