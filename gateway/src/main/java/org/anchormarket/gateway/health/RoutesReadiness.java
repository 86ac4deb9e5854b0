package org.anchormarket.gateway.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.anchormarket.gateway.config.GatewayConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** The gateway is ready when every service it routes to says it is ready. */
@Readiness
public class RoutesReadiness implements HealthCheck {

    private final GatewayConfig config;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    RoutesReadiness(GatewayConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Routed services").up();
        config.routes().forEach((name, route) -> {
            String state = state(route.target().resolve("/q/health/ready"));
            response.withData(name, route.target() + " " + state);
            if (!"UP".equals(state)) {
                response.down();
            }
        });
        return response.build();
    }

    private String state(URI health) {
        try {
            HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).GET().build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? "UP" : "DOWN (" + status + ")";
        } catch (java.io.IOException e) {
            return "DOWN (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "DOWN (interrupted)";
        }
    }
}
