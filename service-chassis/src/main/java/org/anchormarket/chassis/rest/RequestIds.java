package org.anchormarket.chassis.rest;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * The request id the gateway gave a request ({@code X-Request-Id}), in every log line the service writes for it
 * ({@code %X{requestId}} in the log format), so one request can be followed from the door to the service. Only a
 * well-formed id is taken (a UUID, as the gateway makes them), so nobody writes into the logs through it.
 */
@ApplicationScoped
public class RequestIds {

    private static final Pattern WELL_FORMED = Pattern.compile("[0-9a-fA-F-]{36}");

    void register(@Observes Router router) {
        router.route().order(-1000).handler(rc -> {
            String id = rc.request().getHeader("X-Request-Id");
            if (id != null && WELL_FORMED.matcher(id).matches()) {
                MDC.put("requestId", id);
            }
            rc.next();
        });
    }
}
