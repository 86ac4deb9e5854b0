package org.anchormarket.gateway.routing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * After a refusal of a body the gateway will not read (413), the caller's connection is closed; but closing on
 * bytes still unread makes the kernel reset the connection, and a reset can reach the caller before the answer. So
 * what the caller still sends is read and dropped for up to a second (or until it ends), then the connection closes.
 */
final class RefusedBodies {

    static final long DRAIN_MILLIS = 1_000;

    private RefusedBodies() {
    }

    static void closeAfterDraining(Vertx vertx, HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            request.response().reset(); // one stream, not the caller's other requests
            return;
        }
        HttpConnection connection = request.connection();
        if (request.isEnded()) {
            connection.close();
            return;
        }
        long deadline = vertx.setTimer(DRAIN_MILLIS, timeUp -> connection.close());
        request.exceptionHandler(failure -> connection.close());
        request.endHandler(ended -> {
            vertx.cancelTimer(deadline);
            connection.close();
        });
        request.handler(dropped -> {
        });
        request.resume();
    }
}
