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
            String forwardedPrefix, String remoteAddress, String requestId, String body, long bodyLength,
            String traceparent) {
    }

    static final AtomicReference<Seen> LAST = new AtomicReference<>();
    /** Every request taken whole, in the order their handling ended (a test's own among late ones of others). */
    static final java.util.concurrent.ConcurrentLinkedQueue<Seen> ALL = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private static final ThreadLocal<Long> BODY_LENGTH = ThreadLocal.withInitial(() -> 0L);

    /** The body's first 64 KiB as text; its whole length is counted as it streams by (BODY_LENGTH). */
    private static String head(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        long total = 0;
        try (java.io.InputStream in = exchange.getRequestBody()) {
            for (int n; (n = in.read(buffer)) > 0;) {
                if (head.size() < 65536) {
                    head.write(buffer, 0, Math.min(n, 65536 - head.size()));
                }
                total += n;
            }
        }
        BODY_LENGTH.set(total);
        return head.toString(StandardCharsets.UTF_8);
    }
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(Ports.LOOPBACK, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/q/health/ready")) { // as a ready service answers the gateway's readiness
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
                return;
            }
            if (path.endsWith("/slow") || path.endsWith("/stuck")) {
                // /slow answers after a second (time for the caller to hang up); /stuck never in a test's time
                try {
                    Thread.sleep(path.endsWith("/slow") ? 1_000 : 120_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Seen seen = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Forwarded-Host"),
                    exchange.getRequestHeaders().getFirst("X-Forwarded-Proto"),
                    exchange.getRequestHeaders().getFirst("X-Forwarded-Prefix"),
                    exchange.getRemoteAddress().getAddress().getHostAddress(),
                    exchange.getRequestHeaders().getFirst("X-Request-Id"),
                    head(exchange), BODY_LENGTH.get(), String.join(",", exchange.getRequestHeaders().getOrDefault("traceparent", java.util.List.of())));
            LAST.set(seen);
            ALL.add(seen);
            byte[] body = "{\"upstream\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(418, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        // The other routes point where nothing listens (a free port, left closed): services that are down
        return Map.ofEntries(
                Map.entry("gateway.routes.suppliers.target", "http://127.0.0.1:" + server.getAddress().getPort()),
                Map.entry("gateway.routes.tenders.target", "http://127.0.0.1:" + Ports.free()),
                Map.entry("gateway.routes.events.target", "http://127.0.0.1:" + Ports.free()),
                Map.entry("gateway.routes.registrations.target", "http://127.0.0.1:" + Ports.free()),
                Map.entry("gateway.routes.reports.target", "http://127.0.0.1:" + Ports.free()),
                Map.entry("gateway.routes.anchors.target", "http://127.0.0.1:" + Ports.free()),
                Map.entry("gateway.routes.spend.target", "http://127.0.0.1:" + Ports.free()),
                Map.entry("gateway.routes.contracts.target", "http://127.0.0.1:" + Ports.free()),
                Map.entry("gateway.routes.pipeline.target", "http://127.0.0.1:" + Ports.free()),
                Map.entry("gateway.routes.notifications.target", "http://127.0.0.1:" + Ports.free()),
                Map.entry("gateway.routes.bids.target", "http://127.0.0.1:" + Ports.free()),
                Map.entry("gateway.routes.ocds.target", "http://127.0.0.1:" + Ports.free()),
                Map.entry("gateway.upstream.read-timeout", "3s"),
                // opening a connection may take 1 s; waiting for a busy pool's may take longer (pool-wait-timeout)
                Map.entry("gateway.upstream.connect-timeout", "1s"),
                // few connections: one leaked by a caller who left shows at once
                Map.entry("gateway.upstream.pool-size", "4"),
                Map.entry("gateway.rate-limits.per-user-per-minute", "200"),
                Map.entry("gateway.bodies.upload-paths", "/api/suppliers/uploads,/app/spend/uploads"));
    }

    @Override
    public void stop() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
