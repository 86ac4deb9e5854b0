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
 * {@code kafka: DEGRADED} with the broker unreachable, and how many outbox messages wait or are parked.
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
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Kafka (degraded, not down, when unreachable)")
                .up();
        Instant start = Instant.now();
        try {
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .nodes().get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS).size();
            response.withData("kafka", "UP").withData("brokers", brokers);
        } catch (Exception e) {
            response.withData("kafka", "DEGRADED").withData("reason", "broker unreachable for "
                    + Duration.between(start, Instant.now()).toMillis() + " ms: " + e.getClass().getSimpleName());
        }
        try {
            Object[] outbox = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                    select count(*) filter (where published_at is null and parked_at is null),
                           count(*) filter (where parked_at is not null)
                    from outbox_message""").getSingleResult());
            response.withData("outboxPending", ((Number) outbox[0]).longValue())
                    .withData("outboxParked", ((Number) outbox[1]).longValue());
        } catch (RuntimeException e) {
            response.withData("outbox", "unknown: " + e.getClass().getSimpleName());
        }
        return response.build();
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
