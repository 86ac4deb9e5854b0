package org.anchormarket.chassis.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.anchormarket.chassis.testapp.TestData;
import org.anchormarket.chassis.testapp.TestTopic;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.SharedInfra;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The outbox and its relay against the real broker and database, under the faults they must survive. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class OutboxRelayFaultTest {

    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;
    @Inject
    OutboxConfig config;
    @Inject
    MeterRegistry metrics;
    @Inject
    OutboxRelay relay;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void shouldProduceWithEveryReplicaAcknowledgingAndAnIdempotentProducer() {
        Map<String, Object> settings = OutboxRelay.producerConfig("broker:9092", "x", Duration.ofSeconds(30));
        assertEquals("all", settings.get(ProducerConfig.ACKS_CONFIG));
        assertEquals(true, settings.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertTrue((Integer) settings.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION) <= 5,
                "more than 5 in flight would let the idempotent producer reorder");
    }

    /** Fault test 1: the broker is killed (SIGKILL) and restarted while 10,000 messages are being published. */
    @Test
    void shouldDeliverEveryMessageOnceInKeyOrderWhenTheBrokerIsKilledWhilePublishing() throws Exception {
        String run = "kill-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        int keys = 500;
        int versions = 20;
        int total = keys * versions;
        Instant start = Instant.now();
        Thread writer = new Thread(() -> write(run, keys, versions), "outbox-writer");
        writer.start();

        await().atMost(Duration.ofSeconds(120)).until(() -> TestTopic.applied(em, run)[0] >= total / 5);
        SharedInfra.kafka().kill();
        Instant killedAt = Instant.now();
        long appliedWhenKilled = TestTopic.applied(em, run)[0];
        // While the broker is down the service stays ready, and says Kafka is degraded.
        await().atMost(Duration.ofSeconds(20)).until(() -> given().when().get("/q/health/ready").then()
                .statusCode(200).extract().asString().contains("DEGRADED"));
        Thread.sleep(3000);
        SharedInfra.kafka().restart(Duration.ofSeconds(90));
        Duration down = Duration.between(killedAt, Instant.now());
        writer.join();

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> TestTopic.keysAt(em, run, versions) == keys);
        Duration taken = Duration.between(start, Instant.now());
        long[] applied = TestTopic.applied(em, run);
        assertEquals(total, applied[1], "every message applied (none lost)");
        assertEquals(applied[1], applied[0], "no message applied twice");
        Map<String, List<Long>> onTopic = TestTopic.versionsByKey(TestData.TOPIC, run, total, Duration.ofSeconds(60));
        assertEquals(keys, onTopic.size());
        assertEquals(List.of(), TestTopic.reordered(onTopic), "no key's versions go backwards on the topic");
        long copies = onTopic.values().stream().mapToLong(List::size).sum();
        TestTopic.record("broker-killed", """
                messages=%d
                keys=%d
                appliedWhenKilled=%d
                brokerDownSeconds=%.1f
                seconds=%.1f
                lost=%d
                duplicatesApplied=%d
                duplicatesOnTopic=%d
                reorderedKeys=0
                """.formatted(total, keys, appliedWhenKilled, down.toMillis() / 1000.0, taken.toMillis() / 1000.0,
                total - applied[1], applied[0] - applied[1], copies - total));
    }

    /** Fault test 5: two relays (as two instances of a service would run) on one outbox. */
    @Test
    void shouldNeitherLoseNorReorderWithTwoRelaysOnOneOutbox() throws Exception {
        String run = "two-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        int keys = 50;
        int versions = 20;
        // Two more relays, as two more instances of the service would run them, beside the application's own.
        List<OutboxRelay> others = List.of(
                new OutboxRelay(em, config, metrics, bootstrapServers, "chassis-test-second"),
                new OutboxRelay(em, config, metrics, bootstrapServers, "chassis-test-third"));
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService relays = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> published = new ArrayList<>();
            for (OutboxRelay relay : others) {
                published.add(relays.submit(() -> {
                    int sent = 0;
                    while (writing.get()) {
                        sent += relay.relayAll();
                    }
                    return sent;
                }));
            }
            write(run, keys, versions);
            await().atMost(Duration.ofMinutes(2)).until(() -> TestTopic.keysAt(em, run, versions) == keys);
            writing.set(false);
            for (Future<Integer> f : published) {
                f.get();
            }
        } finally {
            writing.set(false);
            relays.shutdown();
            others.forEach(OutboxRelay::close);
        }
        long[] applied = TestTopic.applied(em, run);
        assertEquals(keys * versions, applied[1]);
        assertEquals(applied[1], applied[0]);
        Map<String, List<Long>> onTopic = TestTopic.versionsByKey(TestData.TOPIC, run, keys * versions,
                Duration.ofSeconds(30));
        assertEquals(List.of(), TestTopic.reordered(onTopic));
    }

    /** Many messages of one aggregate in one round go one after another, each as soon as the one before is acked. */
    @Test
    void shouldDeliverAKeysManyMessagesWithoutStalling() {
        String key = "burst-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            for (long v = 1; v <= 30; v++) {
                outbox.publish(TestData.TOPIC, key, TestData.TYPE, new TestData(key, v, "v" + v));
            }
        });
        // Before the fix each round stalled 35 s on the second message of a key: this would time out.
        await().atMost(Duration.ofSeconds(15)).until(() -> TestTopic.keysAt(em, key, 30) == 1);
        assertEquals(List.of(), TestTopic.reordered(TestTopic.versionsByKey(TestData.TOPIC, key, 30,
                Duration.ofSeconds(20))));
    }

    @Test
    void shouldParkAMessageTheBrokerRefusesForGoodAndGoOnWithTheKeysLaterMessages() {
        String key = "poison-" + UUID.randomUUID();
        double parkedBefore = metrics.counter("outbox.messages.parked").count();
        UUID tooLarge = QuarkusTransaction.requiringNew().call(() -> outbox.publish(TestData.TOPIC, key,
                TestData.TYPE, new TestData(key, 1L, "x".repeat(2_000_000))));
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(TestData.TOPIC, key, TestData.TYPE,
                new TestData(key, 2L, "after the poison")));

        await().atMost(Duration.ofSeconds(60)).until(() -> TestTopic.keysAt(em, key, 2) == 1);
        OutboxMessage parked = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>find("id",
                tooLarge).firstResult());
        assertNotNull(parked.parkedAt, "the message the broker refuses is parked");
        assertEquals(config.maxAttempts(), parked.attempts);
        assertTrue(parked.lastError.contains("RecordTooLarge"), parked.lastError);
        assertEquals(parkedBefore + 1, metrics.counter("outbox.messages.parked").count());
        given().when().get("/q/health/ready").then().statusCode(200).body(containsString("outboxParked"));
    }

    /**
     * A topic the broker refuses without the refusal being one that parks (here: not authorised), with more
     * messages than a round takes, all older than another topic's: the other topic's message still goes out.
     */
    @Test
    void shouldSetAsideATopicTheBrokerRefusesSoOtherTopicsGoOn() {
        String forbidden = "chassis.forbidden";
        relay.decorateProducers(real -> refusing(real, forbidden));
        try {
            for (int from = 0; from < config.batchSize() + 20; from += 100) {
                int first = from;
                QuarkusTransaction.requiringNew().run(() -> {
                    for (int k = first; k < first + 100; k++) {
                        outbox.publish(forbidden, "refused-" + k, TestData.TYPE, new TestData("refused-" + k, 1L, "x"));
                    }
                });
            }
            String key = "behind-" + UUID.randomUUID();
            QuarkusTransaction.requiringNew().run(() -> outbox.publish(TestData.TOPIC, key, TestData.TYPE,
                    new TestData(key, 1L, "behind a refused topic")));
            await().atMost(Duration.ofSeconds(30)).until(() -> TestTopic.keysAt(em, key, 1) == 1);
        } finally {
            relay.decorateProducers(real -> real);
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "delete from outbox_message where topic = ?1").setParameter(1, forbidden).executeUpdate());
        }
    }

    /** The real producer, except that sends to {@code topic} fail as a broker without the right ACL fails them. */
    @SuppressWarnings("unchecked")
    private static org.apache.kafka.clients.producer.Producer<String, String> refusing(
            org.apache.kafka.clients.producer.Producer<String, String> real, String topic) {
        return (org.apache.kafka.clients.producer.Producer<String, String>) java.lang.reflect.Proxy.newProxyInstance(
                OutboxRelayFaultTest.class.getClassLoader(),
                new Class<?>[] { org.apache.kafka.clients.producer.Producer.class }, (proxy, method, args) -> {
                    if (method.getName().equals("send") && args.length == 2
                            && ((org.apache.kafka.clients.producer.ProducerRecord<?, ?>) args[0]).topic()
                                    .equals(topic)) {
                        var refusal = new org.apache.kafka.common.errors.TopicAuthorizationException(
                                java.util.Set.of(topic));
                        ((org.apache.kafka.clients.producer.Callback) args[1]).onCompletion(null, refusal);
                        var failed = new java.util.concurrent.CompletableFuture<
                                org.apache.kafka.clients.producer.RecordMetadata>();
                        failed.completeExceptionally(refusal);
                        return failed;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void write(String prefix, int keys, int versions) {
        for (int v = 1; v <= versions; v++) {
            long version = v;
            for (int from = 0; from < keys; from += 100) {
                int first = from;
                QuarkusTransaction.requiringNew().run(() -> {
                    for (int k = first; k < Math.min(keys, first + 100); k++) {
                        String key = prefix + k;
                        outbox.publish(TestData.TOPIC, key, TestData.TYPE, new TestData(key, version, "v" + version));
                    }
                });
            }
        }
    }
}
