package org.anchormarket.chassis.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.anchormarket.chassis.messaging.CloudEventHeaders;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox messages to Kafka, then marks them published. At least once: a crash between Kafka's
 * acknowledgement and the commit publishes a message again, and consumers de-duplicate by id.
 * <ul>
 * <li>Order: a round sends only the oldest pending message of each aggregate (topic + key), so no two messages of
 * one key are ever in flight together; the next is sent only after the broker has acknowledged the one before.
 * A failure can delay a key, never reorder it.</li>
 * <li>Durability: the producer waits for every in-sync replica ({@code acks=all}) and is idempotent, so a leader
 * failover neither loses an acknowledged message nor writes one twice.</li>
 * <li>A message the broker refuses for good (not a passing fault) is parked after
 * {@link OutboxConfig#maxAttempts()} tries: logged as an error, counted, kept in the table; the aggregate's later
 * messages and every other key go on.</li>
 * <li>One relay at a time per database (a PostgreSQL advisory lock held by each round's transaction), so several
 * instances of a service never interleave.</li>
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: any constant shared by every instance of a service. */
    private static final long RELAY_LOCK = 0x0A7C_0B0CL;
    private static final int MAX_ERROR_LENGTH = 2000;

    private final EntityManager em;
    private final OutboxConfig config;
    private final Map<String, Object> producerConfig;
    private final Counter publishedCount;
    private final Counter parkedCount;
    private final Counter failedCount;
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private Producer<String, String> producer;
    private volatile boolean failing;

    OutboxRelay(EntityManager em, OutboxConfig config, MeterRegistry metrics,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.em = em;
        this.config = config;
        this.producerConfig = producerConfig(bootstrapServers, applicationName + "-outbox", config.sendTimeout());
        this.publishedCount = Counter.builder("outbox.messages.published")
                .description("Outbox messages the broker acknowledged").register(metrics);
        this.failedCount = Counter.builder("outbox.messages.failed")
                .description("Failed sends of outbox messages (each is retried)").register(metrics);
        this.parkedCount = Counter.builder("outbox.messages.parked")
                .description("Outbox messages the broker refused for good, passed over and kept for an operator")
                .register(metrics);
    }

    /**
     * The producer's settings: every in-sync replica acknowledges ({@code acks=all}); idempotent, so the client's own
     * retries neither duplicate nor reorder; a send that cannot reach the broker fails within seconds (the relay
     * tries again on its next round) instead of blocking the relay.
     */
    public static Map<String, Object> producerConfig(String bootstrapServers, String clientId, Duration sendTimeout) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        settings.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        int requestTimeout = (int) Math.min(10_000, sendTimeout.toMillis());
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(sendTimeout.toMillis(),
                requestTimeout + 5));
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return settings;
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

    private void relaySafely() {
        try {
            relayAll();
        } catch (RuntimeException e) {
            // Once per outage at WARN (the database or broker is down); every retry at DEBUG.
            if (!failing) {
                failing = true;
                LOG.warnf("Outbox relay could not publish yet, will retry: %s", e.toString());
            } else {
                LOG.debugf("Outbox relay still cannot publish: %s", e.toString());
            }
        }
    }

    /** Publishes everything it can now; returns how many messages the broker acknowledged. */
    public synchronized int relayAll() {
        int total = 0;
        int published;
        do {
            published = QuarkusTransaction.requiringNew().call(this::publishRound);
            total += published;
        } while (published > 0);
        return total;
    }

    private int publishRound() {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<OutboxMessage> round = em.createNativeQuery("""
                select * from (
                    select distinct on (topic, message_key) * from outbox_message
                    where published_at is null and parked_at is null
                    order by topic, message_key, seq) oldest_of_each_key
                order by seq limit ?1""", OutboxMessage.class)
                .setParameter(1, config.batchSize())
                .getResultList();
        if (round.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(round.size());
        for (OutboxMessage m : round) {
            Future<RecordMetadata> ack = send(m);
            acks.add(ack);
            if (ack.isDone() && failure(ack) instanceof RetriableException) {
                break; // the broker cannot be reached: the rest wait for the next round
            }
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos() + TimeUnit.SECONDS.toNanos(5);
        int published = 0;
        Instant now = Instant.now();
        for (int i = 0; i < acks.size(); i++) {
            OutboxMessage m = round.get(i);
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                m.publishedAt = now;
                published++;
            } catch (ExecutionException e) {
                failed(m, e.getCause(), now);
            } catch (TimeoutException e) {
                failed(m, e, now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Outbox relay interrupted", e);
            }
        }
        publishedCount.increment(published);
        if (published > 0 && failing) {
            failing = false;
            LOG.info("Outbox relay is publishing again");
        }
        return published;
    }

    private Future<RecordMetadata> send(OutboxMessage m) {
        ProducerRecord<String, String> record = new ProducerRecord<>(m.topic, m.key, m.payload);
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, m.id.toString());
        header(record, CloudEventHeaders.TYPE, m.type);
        header(record, CloudEventHeaders.SOURCE, m.source);
        header(record, CloudEventHeaders.SUBJECT, m.key);
        header(record, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(m.createdAt));
        header(record, CloudEventHeaders.AGGREGATE_VERSION_HEADER, Long.toString(m.aggregateVersion));
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        try {
            return producer().send(record);
        } catch (RuntimeException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void failed(OutboxMessage m, Throwable cause, Instant now) {
        failedCount.increment();
        m.attempts++;
        String reason = cause.toString();
        m.lastError = reason.length() > MAX_ERROR_LENGTH ? reason.substring(0, MAX_ERROR_LENGTH) : reason;
        if (refusedForGood(cause)) {
            if (m.attempts >= config.maxAttempts()) {
                m.parkedAt = now;
                parkedCount.increment();
                LOG.errorf("Outbox message %s (%s, key %s, version %d, seq %d) parked after %d attempts: %s. Its "
                        + "aggregate's later messages go on; see docs/reliability.md to send it again.",
                        m.id, m.type, m.key, m.aggregateVersion, m.seq, m.attempts, reason);
            }
        } else if (!(cause instanceof RetriableException) && !(cause instanceof TimeoutException)) {
            resetProducer(); // the client itself is in a bad state: a fresh one next round
        }
        if (!failing) {
            failing = true;
            LOG.warnf("Outbox relay could not publish %s (key %s), will retry: %s", m.id, m.key, reason);
        }
    }

    /** The broker refused this record itself (too large, invalid topic, not serialisable): sending again won't help. */
    private static boolean refusedForGood(Throwable cause) {
        return (cause instanceof ApiException && !(cause instanceof RetriableException))
                || cause instanceof SerializationException;
    }

    private static Throwable failure(Future<?> done) {
        try {
            done.get(0, TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            return null;
        }
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig);
        }
        return producer;
    }

    private synchronized void resetProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(1));
            producer = null;
        }
    }

    @PreDestroy
    synchronized void close() {
        wakeUps.shutdownNow();
        resetProducer();
    }
}
