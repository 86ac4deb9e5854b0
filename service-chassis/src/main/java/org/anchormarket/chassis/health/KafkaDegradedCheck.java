package org.anchormarket.chassis.health;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Kafka in the readiness report without making the service unready: a service whose database is up keeps serving
 * while the broker is down (the outbox holds what it publishes; consumers wait). The check is always UP and says
 * {@code kafka: DEGRADED} with the broker unreachable, and how many outbox messages wait or are parked. A probe
 * every 5 s finds that out; the check itself answers at once from the last probe.
 */
@Readiness
@ApplicationScoped
public class KafkaDegradedCheck implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Admin admin;
    private final EntityManager em;

    KafkaDegradedCheck(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String applicationName, EntityManager em) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, applicationName + "-health",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()));
        this.em = em;
    }

    @Override
    public HealthCheckResponse call() {
        Snapshot last = snapshot;
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Kafka (degraded, not down, when unreachable)")
                .up().withData("kafka", last.kafka()).withData("checkedAt", last.at().toString());
        if (last.reason() != null) {
            response.withData("reason", last.reason());
        }
        if (last.pending() >= 0) {
            response.withData("outboxPending", last.pending()).withData("outboxParked", last.parked());
        }
        return response.build();
    }

    /** What the last probe found; the readiness check only reads it, so a probe never waits on a dead broker. */
    record Snapshot(String kafka, String reason, long pending, long parked, Instant at) {
    }

    private volatile Snapshot snapshot = new Snapshot("UNKNOWN", "not checked yet", -1, -1, Instant.EPOCH);

    @io.quarkus.scheduler.Scheduled(every = "5s", concurrentExecution =
            io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        String kafka = "UP";
        String reason = null;
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis())).nodes()
                    .get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            kafka = "DEGRADED";
            reason = "broker unreachable: " + e.getClass().getSimpleName();
        }
        long pending = -1;
        long parked = -1;
        try {
            pending = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select count(*) from outbox_message where published_at is null and parked_at is null")
                    .getSingleResult()).longValue());
            parked = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select count(*) from outbox_message where parked_at is not null").getSingleResult()).longValue());
        } catch (RuntimeException e) {
            reason = (reason == null ? "" : reason + "; ") + "outbox unknown: " + e.getClass().getSimpleName();
        }
        snapshot = new Snapshot(kafka, reason, pending, parked, Instant.now());
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
