package org.anchormarket.gateway.routing;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

/**
 * What the door adds to every exchange, before anything else runs:
 * <ul>
 * <li>a request id ({@code X-Request-Id}): a new one for every request (a caller's own is not trusted, it could
 * forge another request's), passed to the service, returned to the caller and in every log line of the gateway
 * ({@code %X{requestId}}) and of the service;</li>
 * <li>security headers on every answer: a Content Security Policy with no inline scripts or styles,
 * {@code X-Content-Type-Options}, {@code Referrer-Policy}, {@code frame-ancestors 'none'}, and HSTS when the caller
 * came over TLS.</li>
 * </ul>
 */
@ApplicationScoped
public class DoorHeaders {

    public static final String REQUEST_ID = "X-Request-Id";
    static final int ORDER = -400;
    private static final Pattern SWAGGER_UI = Pattern.compile("^/api-docs(/.*)?$");

    void register(@Observes Router router,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") URI identityProvider) {
        String pages = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                + "form-action 'self' " + identityProvider.getScheme() + "://" + identityProvider.getAuthority();
        // Swagger UI's own page starts itself with an inline script and styles: allowed there, nowhere else.
        String swagger = pages.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
                .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
        router.route().order(ORDER).handler(rc -> {
            String id = UUID.randomUUID().toString();
            HttpServerRequest request = rc.request();
            request.headers().set(REQUEST_ID, id);
            MDC.put("requestId", id);
            HttpServerResponse response = rc.response();
            boolean tls = request.isSSL() || "https".equals(request.scheme());
            String policy = SWAGGER_UI.matcher(request.path() == null ? "" : request.path()).matches() ? swagger
                    : pages;
            rc.addHeadersEndHandler(v -> {
                response.headers().set(REQUEST_ID, id);
                response.headers().set("Content-Security-Policy", policy);
                response.headers().set("X-Content-Type-Options", "nosniff");
                response.headers().set("Referrer-Policy", "same-origin");
                response.headers().set("X-Frame-Options", "DENY");
                if (tls) {
                    response.headers().set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
                }
            });
            rc.next();
        });
    }
}
