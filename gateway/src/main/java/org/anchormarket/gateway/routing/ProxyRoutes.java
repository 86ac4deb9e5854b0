package org.anchormarket.gateway.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.anchormarket.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

/**
 * Reverse-proxies each configured prefix to its service (Vert.x Web Proxy), through a {@link ServiceRoute} that
 * bounds every call and answers for the service when it cannot. The caller's Authorization header travels with the
 * request, so each service checks the token and the roles itself; the gateway has already refused requests without
 * a valid token (quarkus.http.auth.permission.api).
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    /**
     * Tells the service the address the caller used (X-Forwarded-Host/Proto/For), so links it builds, such as
     * Location, name the gateway rather than the service's own port. Whatever forwarding headers the caller sent
     * are dropped first: the values come from the request as the gateway resolved it (its own front proxy's
     * headers only where quarkus.http.proxy trusts one). Services trust these from the gateway's address only.
     */
    static final ProxyInterceptor FORWARDED_HEADERS = new ProxyInterceptor() {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest request = context.request();
            HttpServerRequest incoming = request.proxiedRequest();
            List<String> forged = request.headers().names().stream()
                    .filter(n -> n.equalsIgnoreCase("Forwarded") || n.toLowerCase(Locale.ROOT)
                            .startsWith("x-forwarded-"))
                    .toList();
            forged.forEach(request.headers()::remove);
            HostAndPort authority = incoming.authority();
            if (authority != null) {
                request.headers().set("X-Forwarded-Host", authority.toString());
            }
            request.headers().set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme());
            if (incoming.remoteAddress() != null) {
                request.headers().set("X-Forwarded-For", incoming.remoteAddress().hostAddress());
            }
            // The caller's trace headers are not passed on: with tracing on, the gateway's traced HTTP client adds
            // its own (a child of the gateway's span, which continued the caller's trace); with it off, none.
            request.headers().remove("traceparent");
            request.headers().remove("tracestate");
            return context.sendRequest();
        }
    };

    private final Map<String, ServiceRoute> routes = new TreeMap<>();

    void register(@Observes Router router, Vertx vertx, GatewayConfig config, MeterRegistry meters,
            BodyLimits bodyLimits) {
        GatewayConfig.Upstream upstream = config.upstream();
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) upstream.connectTimeout().toMillis())
                .setKeepAliveTimeout(60);
        config.upstreamSourceAddress().ifPresent(options::setLocalAddress);
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(upstream.poolSize())
                .setMaxWaitQueueSize(upstream.waitQueueSize());
        HttpClient client = vertx.createHttpClient(options, pool);
        config.routes().forEach((name, route) -> {
            int port = route.target().getPort() > 0 ? route.target().getPort() : 80;
            ServiceRoute service = new ServiceRoute(name, SocketAddress.inetSocketAddress(port,
                    route.target().getHost()), upstream, vertx, meters, bodyLimits::limitFor);
            routes.put(name, service);
            HttpProxy proxy = HttpProxy.reverseProxy(client).origin(service);
            proxy.addInterceptor(service);
            proxy.addInterceptor(FORWARDED_HEADERS);
            ProxyHandler handler = ProxyHandler.create(proxy);
            router.route(route.prefix()).order(-10).handler(handler);
            router.route(route.prefix() + "/*").order(-10).handler(handler);
            LOG.infof("Route %s: %s -> %s", name, route.prefix(), route.target());
        });
    }

    /** Each route's circuit state (CLOSED, OPEN, HALF_OPEN), for the health details. */
    public Map<String, String> circuits() {
        Map<String, String> states = new TreeMap<>();
        routes.forEach((name, route) -> states.put(name, route.circuit()));
        return states;
    }
}
