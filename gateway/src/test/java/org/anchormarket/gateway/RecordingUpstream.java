package org.anchormarket.gateway;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.anchormarket.infra.Ports;

/**
 * An HTTP server standing where supplier-service would be, recording what the gateway forwarded to it, so the
 * gateway's proxying can be checked on its own. The system test runs the gateway in front of the real services.
 */
public class RecordingUpstream implements QuarkusTestResourceLifecycleManager {

    record Seen(String method, String uri, String authorization, String forwardedHost, String forwardedProto,
            String forwardedPrefix, String remoteAddress) {
    }

    static final AtomicReference<Seen> LAST = new AtomicReference<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(Ports.LOOPBACK, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            LAST.set(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Forwarded-Host"),
                    exchange.getRequestHeaders().getFirst("X-Forwarded-Proto"),
                    exchange.getRequestHeaders().getFirst("X-Forwarded-Prefix"),
                    exchange.getRemoteAddress().getAddress().getHostAddress()));
            byte[] body = "{\"upstream\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(418, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return Map.of("gateway.routes.suppliers.target", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        server.stop(0);
    }
}
