package org.anchormarket.chassis.testapp;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.anchormarket.chassis.messaging.CloudEventHeaders;
import org.anchormarket.testing.SharedInfra;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Helpers of the chassis fault tests: what the topic holds and what the projection applied. */
public final class TestTopic {

    private TestTopic() {
    }

    /** A record as an outside producer would send it: a CloudEvent with the aggregate version. */
    public static ProducerRecord<String, String> event(String id, String key, long version, String text) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TestData.TOPIC, key,
                "{\"key\":\"%s\",\"version\":%d,\"text\":\"%s\"}".formatted(key, version, text));
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, id);
        header(record, CloudEventHeaders.TYPE, TestData.TYPE);
        header(record, CloudEventHeaders.SOURCE, "urn:anchormarket:test");
        header(record, CloudEventHeaders.AGGREGATE_VERSION_HEADER, Long.toString(version));
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Every record on {@code topic} whose key starts with {@code prefix}, in partition order, read until
     * {@code distinctIds} distinct CloudEvent ids were seen (or the timeout): key → its versions in topic order.
     */
    public static Map<String, List<Long>> versionsByKey(String topic, String prefix, int distinctIds,
            Duration timeout) {
        Map<String, List<Long>> versions = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant end = Instant.now().plus(timeout);
            Map<org.apache.kafka.common.TopicPartition, Long> ends = null;
            while (Instant.now().isBefore(end)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && record.key().startsWith(prefix)) {
                        ids.add(header(record, CloudEventHeaders.ID));
                        versions.computeIfAbsent(record.key(), k -> new ArrayList<>())
                                .add(Long.parseLong(header(record, CloudEventHeaders.AGGREGATE_VERSION_HEADER)));
                    }
                }
                if (ids.size() >= distinctIds && ends == null) {
                    // every id seen: read on to the end of each partition as it is now, so a late duplicate or an
                    // older version re-sent after the last new one is read too
                    ends = consumer.endOffsets(consumer.assignment());
                }
                if (ends != null && ends.entrySet().stream()
                        .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    break;
                }
            }
        }
        return versions;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Keys whose versions go backwards somewhere on the topic (a redelivered duplicate in place is fine). */
    public static List<String> reordered(Map<String, List<Long>> versionsByKey) {
        List<String> reordered = new ArrayList<>();
        versionsByKey.forEach((key, versions) -> {
            for (int i = 1; i < versions.size(); i++) {
                if (versions.get(i) < versions.get(i - 1)) {
                    reordered.add(key + " " + versions);
                    return;
                }
            }
        });
        return reordered;
    }

    /** Applications of messages whose key starts with {@code prefix}: total and distinct message ids. */
    public static long[] applied(EntityManager em, String prefix) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                select count(*), count(distinct message_id) from test_applied where aggregate_key like ?1""")
                .setParameter(1, prefix + "%").getSingleResult());
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    /** Figures for docs/reliability.md, kept under target/reliability/. */
    public static void record(String name, String figures) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "reliability");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve(name + ".properties"), figures);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.out.println("[reliability] " + name + ":\n" + figures);
    }

    /** How many keys with the prefix have reached {@code version} in the projection. */
    public static long keysAt(EntityManager em, String prefix, long version) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from test_state where aggregate_key like ?1 and version = ?2")
                .setParameter(1, prefix + "%").setParameter(2, version).getSingleResult()).longValue());
    }
}
