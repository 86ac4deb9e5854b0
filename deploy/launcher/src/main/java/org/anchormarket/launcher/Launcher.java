package org.anchormarket.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.anchormarket.infra.ManagedProcess;

/**
 * {@code ./run.sh [--reset]}: the whole platform on 127.0.0.1 until Ctrl-C or SIGTERM, which stop every process it
 * started. Data lives in .anchor-market/ under the project (or $ANCHOR_DATA_DIR) and survives restarts; --reset
 * starts clean.
 */
public final class Launcher {

    /** The embedded PostgreSQL narrates every start at INFO; held here so the level sticks. */
    private static final java.util.logging.Logger QUIET_POSTGRES = java.util.logging.Logger.getLogger("io.zonky");

    private Launcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> options = List.of(args);
        if (options.contains("--help") || options.contains("-h")) {
            System.out.println("Usage: ./run.sh [--reset]   (--reset deletes .anchor-market/ and starts clean)");
            return;
        }
        for (String option : options) {
            if (!option.equals("--reset")) {
                System.err.println("Unknown option " + option + "; see ./run.sh --help");
                System.exit(2);
            }
        }
        QUIET_POSTGRES.setLevel(java.util.logging.Level.WARNING);
        Path root = Path.of(System.getProperty("anchor.root", ".")).toAbsolutePath().normalize();
        String dataDir = System.getenv("ANCHOR_DATA_DIR");
        Path data = dataDir == null || dataDir.isBlank() ? root.resolve(".anchor-market") : Path.of(dataDir);
        // ANCHOR_PORTS=free: every port chosen free (tests that run the launcher beside anything else).
        PlatformLayout layout = "free".equals(System.getenv("ANCHOR_PORTS")) ? PlatformLayout.freePorts(root, data)
                : PlatformLayout.standard(root, data);
        Instant begin = Instant.now();
        Platform platform = Platform.create(layout);
        CountDownLatch stopped = new CountDownLatch(1);
        // Registered before anything starts: Ctrl-C at any moment, even while Keycloak is still starting, stops every
        // process this launcher started (and stops it starting more).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[anchor-market] stopping every process it started ...");
            ManagedProcess.refuseNewStarts();
            platform.close();
            ManagedProcess.stopAll(Duration.ofSeconds(20));
            System.out.println("[anchor-market] stopped.");
            stopped.countDown();
        }, "anchor-market-stop"));
        try {
            platform.boot(options.contains("--reset"),
                    step -> System.out.printf("[anchor-market] %3ds starting %s%n", seconds(begin), step));
        } catch (RuntimeException e) {
            System.err.println("[anchor-market] could not start: " + e.getMessage());
            System.err.println("[anchor-market] logs: " + layout.logs());
            System.exit(1);
            return;
        }
        platform.supervise(Duration.ofSeconds(2), event -> System.out.printf("[anchor-market] %s %s%n",
                java.time.LocalTime.now().withNano(0), event));
        try {
            boolean seeded = new DemoData(layout.gatewayUrl(), platform.tokenUrl(), platform.referenceData()).seedOnce(layout.dataDir());
            System.out.println(summary(layout, platform, seeded, seconds(begin)));
        } catch (RuntimeException e) {
            System.err.println("[anchor-market] demo data failed: " + e.getMessage());
        }
        stopped.await();
    }

    private static long seconds(Instant since) {
        return Duration.between(since, Instant.now()).toSeconds();
    }

    private static String summary(PlatformLayout layout, Platform platform, boolean seeded, long seconds) {
        return """

                Anchor Market is up (%d s)%s.
                  Web UI and API gateway : %s        (API documentation: %s/api-docs)
                  Gateway health, metrics: %s/q/health, /q/metrics
                  Keycloak               : %s   (realm anchor-market)
                  Services               : supplier %d, tender %d, events %d, spend-analytics %d
                  Kafka %d, PostgreSQL %d

                  LOCAL DEMO REALM ONLY - each user's password is its user name:
                    supplier1, supplier2 (supplier)   buyer1 (buyer, Wigan Council)   leader1 (leadership)   admin1 (admin)
                  Token for scripts:  curl -s -d grant_type=password -d client_id=anchor-cli \\
                      -d username=leader1 -d password=leader1 %s

                  Data: %s (kept across restarts; ./run.sh --reset starts clean)
                  Logs: %s
                  Ctrl-C stops everything.
                """.formatted(seconds, seeded ? ", demo data seeded" : "", layout.gatewayUrl(), layout.gatewayUrl(),
                layout.gatewayManagementUrl(),
                platform.keycloakUrl(), layout.supplier(), layout.tender(), layout.events(), layout.analytics(),
                layout.kafka(), layout.postgres(), platform.tokenUrl(), layout.dataDir(), layout.logs());
    }
}
