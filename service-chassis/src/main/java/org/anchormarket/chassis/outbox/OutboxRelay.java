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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
 * <li>Order: a round takes the oldest pending messages and sends each aggregate's (topic + key) one after another,
 * each only once the broker has acknowledged the one before, so within a round no two messages of one key are in
 * flight together. A failure ends the aggregate's run for the round: it can delay a key, never reorder it. (A round
 * that timed out may still have a send in flight while the next round sends the same message again: a duplicate,
 * which consumers drop by id, never a reordering: the later messages wait for the first's acknowledgement.)
 * Different aggregates are sent side by side.</li>
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
    /** Topics whose metadata the broker could not give lately, and until when they wait. */
    private final Map<String, Instant> unreachableUntil = new ConcurrentHashMap<>();
    /** For fault tests: wraps each new producer (to make the broker refuse a topic, say). */
    private java.util.function.UnaryOperator<Producer<String, String>> decorator = p -> p;
    /** Sends each aggregate's next message once the one before is acknowledged. */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-sender");
        t.setDaemon(true);
        return t;
    });
    private Producer<String, String> producer;
    private volatile boolean failing;
    private volatile boolean closed;

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

    /** Deletes relayed messages older than the retention, a few thousand per transaction. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deleteOldPublished() {
        Instant cutOff = Instant.now().minus(config.retention());
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    delete from outbox_message where seq in (
                        select seq from outbox_message where published_at < ?1 limit 5000)""")
                    .setParameter(1, cutOff).executeUpdate());
        } while (deleted > 0);
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
        // Topics the broker could not be reached for lately are left out for a while, so that their backlog cannot
        // fill every round and hold up the topics behind them.
        Instant now0 = Instant.now();
        unreachableUntil.values().removeIf(until -> until.isBefore(now0));
        List<OutboxMessage> batch = (unreachableUntil.isEmpty()
                ? OutboxMessage.<OutboxMessage>find("publishedAt is null and parkedAt is null order by seq")
                : OutboxMessage.<OutboxMessage>find("publishedAt is null and parkedAt is null and topic not in ?1 "
                        + "order by seq", List.copyOf(unreachableUntil.keySet())))
                .page(0, config.batchSize()).list();
        if (batch.isEmpty()) {
            return 0;
        }
        // One chain per aggregate: its messages are sent one after another, each only once the broker has
        // acknowledged the one before; a failure ends the chain, so nothing after it is sent this round. Chains of
        // different aggregates run side by side.
        Map<String, List<OutboxMessage>> byAggregate = new LinkedHashMap<>();
        batch.forEach(m -> byAggregate.computeIfAbsent(m.topic + '\u0000' + m.key, k -> new ArrayList<>()).add(m));
        Producer<String, String> producer = producer();
        Set<String> unreachableTopics = ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicBoolean roundOver = new java.util.concurrent.atomic.AtomicBoolean();
        Map<OutboxMessage, Throwable> failures = new ConcurrentHashMap<>();
        Set<OutboxMessage> acknowledged = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<Void>> chains = new ArrayList<>();
        for (List<OutboxMessage> messages : byAggregate.values()) {
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (OutboxMessage m : messages) {
                // The next send runs on the relay's own sender thread, never on the producer's I/O thread that
                // completed the acknowledgement (a send there could block the very thread that must acknowledge).
                chain = chain.thenComposeAsync(previous -> roundOver.get()
                        ? CompletableFuture.failedFuture(new ChainStopped()) : send(m, producer, unreachableTopics),
                        sender)
                        .thenAccept(ack -> acknowledged.add(m))
                        .exceptionallyCompose(failure -> {
                            failures.putIfAbsent(m, unwrap(failure));
                            return CompletableFuture.failedFuture(new ChainStopped());
                        });
            }
            chains.add(chain.exceptionally(stopped -> null));
        }
        try {
            CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new))
                    .get(config.sendTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // what was not acknowledged by now is tried again next round (a late acknowledgement only duplicates)
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Outbox relay interrupted", e);
        }
        roundOver.set(true); // chains still waiting for an acknowledgement send nothing more
        unreachableTopics.forEach(topic -> unreachableUntil.put(topic, Instant.now().plusSeconds(10)));
        Instant now = Instant.now();
        int published = 0;
        for (List<OutboxMessage> messages : byAggregate.values()) {
            // Only an unbroken run from the aggregate's first message counts as published: a message is sent only
            // after the one before it was acknowledged, so this never leaves a gap that a later round would fill
            // out of order.
            for (OutboxMessage m : messages) {
                if (acknowledged.contains(m)) {
                    m.publishedAt = now;
                    published++;
                } else {
                    Throwable failure = failures.get(m);
                    if (failure != null && !(failure instanceof ChainStopped)) {
                        failed(m, failure, now);
                        if (!(failure instanceof RetriableException) && !refusedForGood(failure)) {
                            // Refused, but not for a reason that parks (authorization, policy, a server error):
                            // its topic is set aside like an unreachable one, so its backlog cannot fill every
                            // round and hold up the other topics.
                            unreachableUntil.put(m.topic, now.plusSeconds(10));
                        }
                    }
                    break;
                }
            }
        }
        publishedCount.increment(published);
        if (published > 0 && failing) {
            failing = false;
            LOG.info("Outbox relay is publishing again");
        }
        return published;
    }

    /** Ends an aggregate's chain after a failure; not itself a failure of the messages after it. */
    private static final class ChainStopped extends RuntimeException {
        ChainStopped() {
            super(null, null, false, false);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * Sends one message; the future completes when the broker acknowledges it. A topic the broker could not be
     * reached for (metadata timeout) is skipped for the rest of the round, so one missing topic holds up only its
     * own messages, and only for a round's worth of seconds.
     */
    private CompletableFuture<RecordMetadata> send(OutboxMessage m, Producer<String, String> producer,
            Set<String> unreachableTopics) {
        CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
        if (unreachableTopics.contains(m.topic)) {
            ack.completeExceptionally(new org.apache.kafka.common.errors.TimeoutException(
                    "topic " + m.topic + " unreachable this round"));
            return ack;
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(m.topic, m.key, m.payload);
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, m.id.toString());
        header(record, CloudEventHeaders.TYPE, m.type);
        header(record, CloudEventHeaders.SOURCE, m.source);
        header(record, CloudEventHeaders.SUBJECT, m.key);
        header(record, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(m.createdAt));
        header(record, CloudEventHeaders.AGGREGATE_VERSION_HEADER, Long.toString(m.aggregateVersion));
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        if (m.traceparent != null) { // W3C Trace Context, as Kafka instrumentations read it
            header(record, "traceparent", m.traceparent);
            if (m.tracestate != null && !m.tracestate.isEmpty()) {
                header(record, "tracestate", m.tracestate);
            }
        }
        try {
            Future<RecordMetadata> sent = producer.send(record, (metadata, failure) -> {
                if (failure == null) {
                    ack.complete(metadata);
                } else {
                    if (failure instanceof RetriableException) {
                        unreachableTopics.add(m.topic);
                    }
                    ack.completeExceptionally(failure);
                }
            });
            if (sent.isDone() && failure(sent) instanceof RetriableException) {
                unreachableTopics.add(m.topic); // failed at once: no metadata for the topic within max.block.ms
            }
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void failed(OutboxMessage m, Throwable cause, Instant now) {
        failedCount.increment();
        String reason = cause.toString();
        m.lastError = reason.length() > MAX_ERROR_LENGTH ? reason.substring(0, MAX_ERROR_LENGTH) : reason;
        if (refusedForGood(cause)) {
            m.attempts++; // refusals only: a broker that is down or slow never brings a message nearer parking
            if (m.attempts >= config.maxAttempts()) {
                m.parkedAt = now;
                parkedCount.increment();
                LOG.errorf("Outbox message %s (%s, key %s, version %d, seq %d) parked after %d refusals: %s. Its "
                        + "aggregate's later messages go on; see docs/reliability.md to send it again.",
                        m.id, m.type, m.key, m.aggregateVersion, m.seq, m.attempts, reason);
            }
        } else if (!(cause instanceof RetriableException) && !(cause instanceof TimeoutException)
                && !(cause instanceof ApiException)) {
            resetProducer(); // the client itself is in a bad state: a fresh one next round
        }
        if (!failing) {
            failing = true;
            LOG.warnf("Outbox relay could not publish %s (key %s), will retry: %s", m.id, m.key, reason);
        }
    }

    /**
     * The broker refused this very record, and would again: it is too large, its topic name is invalid, it cannot be
     * serialised. Nothing else counts (an authorization or server error may pass; a down broker surely will).
     */
    private static boolean refusedForGood(Throwable cause) {
        return cause instanceof org.apache.kafka.common.errors.RecordTooLargeException
                || cause instanceof org.apache.kafka.common.errors.InvalidTopicException
                || cause instanceof org.apache.kafka.common.InvalidRecordException
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

    private synchronized Producer<String, String> producer() {
        if (closed) {
            throw new IllegalStateException("The outbox relay is closed");
        }
        if (producer == null) {
            producer = decorator.apply(new KafkaProducer<>(producerConfig));
        }
        return producer;
    }

    /** For fault tests: every producer from now on is wrapped by {@code decorator} (the current one is replaced). */
    synchronized void decorateProducers(java.util.function.UnaryOperator<Producer<String, String>> decorator) {
        this.decorator = decorator;
        resetProducer();
    }

    private synchronized void resetProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(1));
            producer = null;
        }
    }

    @PreDestroy
    void close() {
        closed = true;
        wakeUps.shutdownNow();
        sender.shutdownNow();
        resetProducer();
    }
}
