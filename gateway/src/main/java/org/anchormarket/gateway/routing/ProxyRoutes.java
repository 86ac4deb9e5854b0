package org.anchormarket.gateway.routing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.anchormarket.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

/**
 * Reverse-proxies each configured prefix to its service (Vert.x Web Proxy). The caller's Authorization header
 * travels with the request, so each service checks the token and the roles itself; the gateway has already
 * refused requests without a valid token (quarkus.http.auth.permission.api).
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    void register(@Observes Router router, Vertx vertx, GatewayConfig config) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000));
        config.routes().forEach((name, route) -> {
            int port = route.target().getPort() > 0 ? route.target().getPort() : 80;
            HttpProxy proxy = HttpProxy.reverseProxy(client).origin(port, route.target().getHost());
            ProxyHandler handler = ProxyHandler.create(proxy);
            router.route(route.prefix()).order(-10).handler(handler);
            router.route(route.prefix() + "/*").order(-10).handler(handler);
            LOG.infof("Route %s: %s -> %s", name, route.prefix(), route.target());
        });
    }
}
