package org.anchormarket.chassis.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes outbox messages to Kafka in the order they were written, then marks them published. At least once: a
 * crash between Kafka's acknowledgement and the commit republishes the batch, and consumers de-duplicate by id.
 * One relay at a time per database (a PostgreSQL advisory lock), so order holds with several instances too.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "outbox";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: any constant shared by every instance of a service. */
    private static final long RELAY_LOCK = 0x0A7C_0B0CL;

    private final EntityManager em;
    private final Emitter<String> emitter;
    private final OutboxConfig config;
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();

    OutboxRelay(EntityManager em, @Channel(CHANNEL) Emitter<String> emitter, OutboxConfig config) {
        this.em = em;
        this.emitter = emitter;
        this.config = config;
    }

    /** Wakes the relay as soon as a transaction that wrote to the outbox has committed. */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
        if (wakeUpPending.compareAndSet(false, true)) {
            wakeUps.execute(() -> {
                wakeUpPending.set(false);
                relaySafely();
            });
        }
    }

    // Not before the application has started: the emitter is wired to Kafka during start-up.
    @Scheduled(every = "${anchor.outbox.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        relaySafely();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deleteOldPublished() {
        Instant cutOff = Instant.now().minus(config.retention());
        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.delete("publishedAt < ?1", cutOff));
    }

    private synchronized void relaySafely() {
        try {
            relayAll();
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay could not publish yet, will retry: %s", e.getMessage());
        }
    }

    /** Publishes everything pending; returns how many messages were published. */
    public synchronized int relayAll() {
        int total = 0;
        int published;
        do {
            published = QuarkusTransaction.requiringNew().call(this::publishBatch);
            total += published;
        } while (published == config.batchSize());
        return total;
    }

    private int publishBatch() throws Exception {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<OutboxMessage> batch = OutboxMessage.<OutboxMessage>find("publishedAt is null order by seq")
                .page(0, config.batchSize()).list();
        if (batch.isEmpty()) {
            return 0;
        }
        CompletableFuture<?>[] acks = batch.stream().map(this::send).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(acks).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        Instant now = Instant.now();
        batch.forEach(m -> m.publishedAt = now);
        return batch.size();
    }

    private CompletableFuture<Void> send(OutboxMessage m) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        Message<String> message = Message.of(m.payload)
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(m.id.toString())
                        .withType(m.type)
                        .withSource(URI.create(m.source))
                        .withSubject(m.key)
                        .withDataContentType("application/json")
                        .withTimestamp(m.createdAt.atZone(ZoneOffset.UTC))
                        .build())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(m.key).withTopic(m.topic).build())
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        return ack;
    }
}
