package org.anchormarket.gateway.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.anchormarket.gateway.config.GatewayConfig;
import org.anchormarket.gateway.routing.ProxyRoutes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Each routed service's readiness, in the gateway's health details. The gateway itself stays ready while a service
 * is down: it still serves its pages and every other service's routes, and answers for the missing one with an
 * error of its own. (Taking the door off the hinges because one room is closed would take the platform down.)
 */
@Readiness
public class RoutesReadiness implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final GatewayConfig config;
    private final ProxyRoutes routes;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    RoutesReadiness(GatewayConfig config, ProxyRoutes routes) {
        this.config = config;
        this.routes = routes;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, CompletableFuture<String>> states = new TreeMap<>();
        config.routes().forEach((name, route) -> states.put(name, state(route.target().resolve("/q/health/ready"))
                .thenApply(state -> route.target() + " " + state)));
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Routed services").up();
        long down = 0;
        for (Map.Entry<String, CompletableFuture<String>> state : states.entrySet()) {
            String value = state.getValue().join();
            response.withData(state.getKey(), value);
            if (!value.endsWith(" UP")) {
                down++;
            }
        }
        routes.circuits().forEach((name, state) -> response.withData("circuit." + name, state));
        return response.withData("servicesDown", down).build();
    }

    private CompletableFuture<String> state(URI health) {
        HttpRequest request = HttpRequest.newBuilder(health).timeout(TIMEOUT).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> r.statusCode() == 200 ? "UP" : "DOWN (" + r.statusCode() + ")")
                .exceptionally(e -> "DOWN (" + (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName()
                        + ")");
    }
}
