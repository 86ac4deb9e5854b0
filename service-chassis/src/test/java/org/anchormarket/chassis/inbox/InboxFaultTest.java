package org.anchormarket.chassis.inbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.anchormarket.chassis.testapp.TestData;
import org.anchormarket.chassis.testapp.TestTopic;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.SharedInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Consumers through the chassis: once, in version order, retried through outages, poison aside. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class InboxFaultTest {

    private static final String DEAD_LETTERS = "dead-letter-topic-chassis-test";

    @Inject
    EntityManager em;
    @Inject
    Inbox inbox;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    private KafkaCompanion kafka;

    /** The retries SmallRye Fault Tolerance counted, all methods together. */
    private double retries() {
        return metrics.find("ft.retry.retries.total").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(SharedInfra.kafka().bootstrapServers());
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    /** Fault test 6: this test fails if the inbox is removed (the second copy is newer, so only the id stops it). */
    @Test
    void shouldApplyOnlyTheFirstOfTwoMessagesWithOneIdEvenWhenTheSecondIsNewer() {
        String key = "inbox-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        kafka.produceStrings().fromRecords(TestTopic.event(id, key, 1, "first"), TestTopic.event(id, key, 2, "second"),
                TestTopic.event(UUID.randomUUID().toString(), key, 3, "marker")).awaitCompletion();

        await().atMost(Duration.ofSeconds(30)).until(() -> TestTopic.keysAt(em, key, 3) == 1);
        assertEquals(List.of("first", "marker"), texts(key));
    }

    /**
     * Producers number versions per topic and key: a consumer of two topics that share keys (a tender and its bids)
     * applies each topic's versions on their own, and still refuses an older one within a topic.
     */
    @Test
    void shouldKeepEachTopicsVersionsApartForOneKey() {
        String key = "shared-" + UUID.randomUUID();
        List<Boolean> accepted = new ArrayList<>();
        for (String[] event : new String[][] { { "tenders", "2" }, { "bids", "1" }, { "tenders", "1" },
                { "bids", "2" } }) {
            accepted.add(QuarkusTransaction.requiringNew().call(() -> inbox.accept("versions-per-topic",
                    new org.anchormarket.chassis.messaging.IncomingEvent(UUID.randomUUID().toString(), "Changed",
                            event[0], key, java.util.OptionalLong.of(Long.parseLong(event[1])), "{}"))));
        }
        assertEquals(List.of(true, true, false, true), accepted);
    }

    /** Fault test 4's mechanism: a late message with an older version changes nothing. */
    @Test
    void shouldIgnoreAnOlderVersionThatArrivesLate() {
        String key = "late-" + UUID.randomUUID();
        // One key, so one partition: the consumer meets them in this order.
        kafka.produceStrings().fromRecords(TestTopic.event(UUID.randomUUID().toString(), key, 1, "registered"),
                TestTopic.event(UUID.randomUUID().toString(), key, 3, "erased"),
                TestTopic.event(UUID.randomUUID().toString(), key, 2, "late update"),
                TestTopic.event(UUID.randomUUID().toString(), key, 1, "registered again"),
                TestTopic.event(UUID.randomUUID().toString(), key, 4, "next")).awaitCompletion();

        await().atMost(Duration.ofSeconds(30)).until(() -> TestTopic.keysAt(em, key, 4) == 1);
        assertEquals(List.of("registered", "erased", "next"), texts(key));
    }

    /** Fault test 3: the consumer's database is stopped for 30 s while messages arrive. */
    @Test
    void shouldApplyEveryMessageAfterTheDatabaseWasDownAndSendNoneToTheDeadLetterTopic() throws Exception {
        String run = "dbdown-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        int messages = 200;
        double retriesBefore = retries();
        Thread outage = new Thread(() -> SharedInfra.postgres().stopFor(Duration.ofSeconds(30)), "postgres-outage");
        Instant start = Instant.now();
        outage.start();
        // the messages are sent once the database is really down
        await().atMost(Duration.ofSeconds(20)).until(() -> !org.anchormarket.infra.Ports.inUse(
                SharedInfra.postgres().port()));
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            records.add(TestTopic.event(UUID.randomUUID().toString(), run + (i % 20), i / 20 + 1, "v" + (i / 20 + 1)));
        }
        kafka.produceStrings().fromRecords(records).awaitCompletion();
        outage.join();

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> TestTopic.keysAt(em, run, messages / 20) == 20);
        Duration taken = Duration.between(start, Instant.now());
        long[] applied = TestTopic.applied(em, run);
        assertEquals(messages, applied[1]);
        assertEquals(applied[1], applied[0]);
        long dead = deadLetters(run, Duration.ofSeconds(5)).size();
        assertEquals(0, dead, "a database outage is not a reason for the dead-letter topic");
        assertTrue(retries() > retriesBefore, "the consumer retried through the outage (ft.retry.retries.total)");
        TestTopic.record("database-down", """
                messages=%d
                databaseDownSeconds=30
                seconds=%.1f
                lost=%d
                duplicatesApplied=%d
                deadLettered=%d
                """.formatted(messages, taken.toMillis() / 1000.0, messages - applied[1], applied[0] - applied[1],
                dead));
    }

    @Test
    void shouldSendOnlyAMessageThatCanNeverBeReadToTheDeadLetterTopicWithTheReason() {
        String key = "poison-" + UUID.randomUUID();
        ProducerRecord<String, String> unreadable = TestTopic.event(UUID.randomUUID().toString(), key, 1, "x");
        ProducerRecord<String, String> broken = new ProducerRecord<>(TestData.TOPIC, key, "{not json");
        unreadable.headers().forEach(h -> broken.headers().add(h));
        ProducerRecord<String, String> invalid = new ProducerRecord<>(TestData.TOPIC, key, "{\"key\":\"k\"}");
        TestTopic.event(UUID.randomUUID().toString(), key, 2, "x").headers().forEach(h -> invalid.headers().add(h));
        kafka.produceStrings().fromRecords(broken, invalid, TestTopic.event(UUID.randomUUID().toString(), key, 3, "ok"))
                .awaitCompletion();

        await().atMost(Duration.ofSeconds(30)).until(() -> TestTopic.keysAt(em, key, 3) == 1);
        List<ConsumerRecord<String, String>> dead = deadLetters(key, Duration.ofSeconds(30), 2);
        assertEquals(2, dead.size());
        assertEquals("{not json", dead.get(0).value());
        String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(),
                StandardCharsets.UTF_8);
        assertTrue(reason.contains("cannot be read"), reason);
        String invalidReason = new String(dead.get(1).headers().lastHeader("dead-letter-reason").value(),
                StandardCharsets.UTF_8);
        assertTrue(invalidReason.contains("version") && invalidReason.contains("text"), invalidReason);
    }

    /**
     * A defect of ours (an Error) goes to the dead-letter topic with its reason and the key's later messages go on;
     * running out of memory is tried again, not dead-lettered (it went to the dead-letter topic before).
     */
    @Test
    void shouldDeadLetterADefectWithItsReasonButTryAgainWhenMemoryRanOut() {
        String defective = "defect-" + UUID.randomUUID();
        String memory = "memory-" + UUID.randomUUID();
        org.anchormarket.chassis.testapp.TestProjection.DEFECTIVE.add(defective);
        org.anchormarket.chassis.testapp.TestProjection.OUT_OF_MEMORY_ONCE.add(memory);
        try {
            kafka.produceStrings().fromRecords(TestTopic.event(UUID.randomUUID().toString(), defective, 1, "x"),
                    TestTopic.event(UUID.randomUUID().toString(), memory, 1, "survived")).awaitCompletion();
            await().atMost(Duration.ofSeconds(30)).until(() -> TestTopic.keysAt(em, memory, 1) == 1);
            assertEquals(List.of("survived"), texts(memory));
            List<ConsumerRecord<String, String>> dead = deadLetters(defective, Duration.ofSeconds(30), 1);
            assertEquals(1, dead.size());
            String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(),
                    StandardCharsets.UTF_8);
            assertTrue(reason.contains("a defect met by " + defective), reason);
            assertTrue(deadLetters(memory, Duration.ofSeconds(2)).isEmpty(), "running out of memory is passing");
        } finally {
            org.anchormarket.chassis.testapp.TestProjection.DEFECTIVE.remove(defective);
        }
    }

    @Test
    void shouldReplayADeadLetterOnceTheConsumerCanProcessIt() throws Exception {
        String key = "replay-" + UUID.randomUUID();
        org.anchormarket.chassis.testapp.TestProjection.REFUSED.add(key);
        kafka.produceStrings().fromRecords(TestTopic.event(UUID.randomUUID().toString(), key, 1, "replayed"))
                .awaitCompletion();
        assertEquals(1, deadLetters(key, Duration.ofSeconds(30), 1).size());
        assertEquals(0, TestTopic.keysAt(em, key, 1));

        org.anchormarket.chassis.testapp.TestProjection.REFUSED.remove(key); // the fixed release
        assertTrue(org.anchormarket.chassis.messaging.DeadLetterReplay.replay(SharedInfra.kafka().bootstrapServers(),
                DEAD_LETTERS) >= 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestTopic.keysAt(em, key, 1) == 1);
        assertEquals(List.of("replayed"), texts(key));
    }

    @Test
    void shouldForgetMessageIdsOlderThanTheRetentionOnly() {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into processed_message values ('prune-test', ?1, now() - interval '15 days')")
                    .setParameter(1, old).executeUpdate();
            em.createNativeQuery("insert into processed_message values ('prune-test', ?1, now() - interval '13 days')")
                    .setParameter(1, recent).executeUpdate();
        });
        inbox.prune();
        List<?> left = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select message_id from processed_message where consumer = 'prune-test'").getResultList());
        assertEquals(List.of(recent), left);
    }

    private List<String> texts(String key) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select text from test_applied where aggregate_key = ?1 order by version", String.class)
                .setParameter(1, key).getResultList());
    }

    private List<ConsumerRecord<String, String>> deadLetters(String keyPrefix, Duration wait) {
        return deadLetters(keyPrefix, wait, Integer.MAX_VALUE);
    }

    private List<ConsumerRecord<String, String>> deadLetters(String keyPrefix, Duration wait, int enough) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Instant end = Instant.now().plus(wait);
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(java.util.Map.<String, Object>of(
                "bootstrap.servers", SharedInfra.kafka().bootstrapServers(), "group.id", "dlq-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer())) {
            consumer.subscribe(List.of(DEAD_LETTERS));
            while (found.size() < enough && Instant.now().isBefore(end)) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (r.key() != null && r.key().startsWith(keyPrefix)) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }
}
