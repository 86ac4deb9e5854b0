package org.anchormarket.analytics.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.anchormarket.analytics.domain.KnownAnchor;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spend analytics learns the anchor institutions from tender-service's messages on anchor.anchors. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class AnchorEventsConsumerTest {

    private KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void shouldKeepEachAnchorAsItsNewestMessageSaysWhateverTheOrderOfArrival() {
        String id = "anchor-" + UUID.randomUUID().toString().substring(0, 8);
        var registered = record(id, 1, Topics.EventTypes.ANCHOR_REGISTERED, """
                {"anchorId":"%s","name":"Leigh Community Trust","type":"OTHER",
                 "registeredAt":"2026-11-01T10:00:00Z"}""".formatted(id));
        var renamed = record(id, 2, Topics.EventTypes.ANCHOR_UPDATED, """
                {"anchorId":"%s","name":"Leigh Trust","type":"SUB_CENTRAL","changedFields":["name","type"],
                 "updatedAt":"2026-11-02T10:00:00Z"}""".formatted(id));
        kafka.produceStrings().fromRecords(registered, renamed, registered).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).until(() -> known(id).map(a -> a.name.equals("Leigh Trust"))
                .orElse(false));

        // Late: the registration again as a new delivery (another id), older than what was applied. Same key, so
        // the same partition: once it is recorded as processed, the redelivered copy before it was processed too.
        var late = record(id, 1, Topics.EventTypes.ANCHOR_REGISTERED, """
                {"anchorId":"%s","name":"Leigh Community Trust","type":"OTHER",
                 "registeredAt":"2026-11-01T10:00:00Z"}""".formatted(id));
        String lateId = new String(late.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
        kafka.produceStrings().fromRecords(late).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(lateId));
        KnownAnchor anchor = known(id).orElseThrow();
        assertEquals("Leigh Trust", anchor.name, "an older version arriving late changes nothing");
        assertEquals("SUB_CENTRAL", anchor.type);
    }

    /** A message whose key is not the anchor it describes is not applied (versions are counted per key). */
    @Test
    void shouldNotApplyAMessageAboutAnotherAnchorThanItsKey() {
        String id = "anchor-" + UUID.randomUUID().toString().substring(0, 8);
        var misKeyed = record("someone-else", 1, Topics.EventTypes.ANCHOR_REGISTERED, """
                {"anchorId":"%s","name":"Mis-keyed","type":"NHS","registeredAt":"2026-11-01T10:00:00Z"}"""
                .formatted(id));
        var marker = record(id, 1, Topics.EventTypes.ANCHOR_REGISTERED, """
                {"anchorId":"%s","name":"Marker","type":"OTHER","registeredAt":"2026-11-01T10:00:00Z"}"""
                .formatted(id));
        kafka.produceStrings().fromRecords(misKeyed).awaitCompletion();
        var dead = kafka.consumeStrings().fromTopics("dead-letter-topic-" + Topics.ANCHORS)
                .awaitRecords(1, Duration.ofSeconds(60)).getRecords();
        assertEquals(true, dead.stream().anyMatch(r -> r.value().contains(id)), "dead-lettered");
        kafka.produceStrings().fromRecords(marker).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).until(() -> known(id).isPresent());
        assertEquals("Marker", known(id).orElseThrow().name);
    }

    private static boolean processed(String messageId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) KnownAnchor.getEntityManager()
                .createNativeQuery("select count(*) from processed_message where message_id = ?1")
                .setParameter(1, messageId).getSingleResult()).longValue() == 1);
    }

    private static Optional<KnownAnchor> known(String id) {
        return QuarkusTransaction.requiringNew().call(() -> KnownAnchor.<KnownAnchor>findByIdOptional(id));
    }

    private static ProducerRecord<String, String> record(String key, long version, String type, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ANCHORS, key, data);
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "urn:anchormarket:test".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_aggregateversion", Long.toString(version).getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
