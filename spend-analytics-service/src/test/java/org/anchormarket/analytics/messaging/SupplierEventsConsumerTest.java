package org.anchormarket.analytics.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import org.anchormarket.analytics.domain.KnownSupplier;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class SupplierEventsConsumerTest {

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
    void shouldCountARedeliveredRegistrationOnce() {
        long before = registeredSuppliers();
        ProducerRecord<String, String> event = supplierRegistered(UUID.randomUUID().toString(), UUID.randomUUID());
        kafka.produceStrings().fromRecords(event, event, event).awaitCompletion();

        await().atMost(Duration.ofSeconds(30)).until(() -> registeredSuppliers() == before + 1);
        // A further, distinct registration proves the three copies above were all consumed by now.
        kafka.produceStrings().fromRecords(supplierRegistered(UUID.randomUUID().toString(), UUID.randomUUID()))
                .awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).until(() -> registeredSuppliers() == before + 2);
    }

    @Test
    void shouldFollowUpdatesAndReplaceAnErasedSoleTradersDataKeepingTheRow() {
        long before = registeredSuppliers();
        UUID id = UUID.randomUUID();
        ProducerRecord<String, String> updated = new ProducerRecord<>(Topics.SUPPLIERS, id.toString(), """
                {"supplierId":"%s","legalName":"Jo Smith Decorating","postcode":"WN2 2AB",
                 "changedFields":["legalName"],"updatedAt":"2026-11-02T10:00:00Z"}""".formatted(id));
        ceHeaders(updated, UUID.randomUUID().toString(), Topics.EventTypes.SUPPLIER_UPDATED);
        kafka.produceStrings().fromRecords(supplierRegistered(UUID.randomUUID().toString(), id), updated)
                .awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).until(() -> known(id).map(k -> k.legalName)
                .filter("Jo Smith Decorating"::equals).isPresent());
        assertEquals(before + 1, registeredSuppliers());

        ProducerRecord<String, String> erased = new ProducerRecord<>(Topics.SUPPLIERS, id.toString(), """
                {"supplierId":"%s","legalName":"Erased sole trader 1234abcd","postcode":"WN2",
                 "classification":{"locality":"IN_BOROUGH","town":"Ince-in-Makerfield","sizeBand":"MICRO",
                 "sme":true,"vcfse":false,"vcfseVerified":false},"erasedAt":"2026-11-03T10:00:00Z"}""".formatted(id));
        ceHeaders(erased, UUID.randomUUID().toString(), Topics.EventTypes.SUPPLIER_ERASED);
        kafka.produceStrings().fromRecords(erased).awaitCompletion();

        await().atMost(Duration.ofSeconds(30)).until(() -> known(id).map(k -> k.erasedAt).isPresent()
                && known(id).get().erasedAt != null);
        KnownSupplier row = known(id).orElseThrow();
        assertEquals("Erased sole trader 1234abcd", row.legalName);
        assertEquals("WN2", row.postcode);
        assertEquals(before, registeredSuppliers(), "an erased supplier is no longer counted as registered");
    }

    /** True once the consumer has processed the message with this id (applied or skipped). */
    private static boolean processed(String messageId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) KnownSupplier.getEntityManager()
                .createNativeQuery("select count(*) from processed_message where message_id = ?1")
                .setParameter(1, messageId).getSingleResult()).longValue() == 1);
    }

    /** An update of a supplier whose registration never arrived: the projection learns it from the update. */
    @Test
    void shouldLearnASupplierFromAnUpdateWhenItsRegistrationIsMissing() {
        UUID id = UUID.randomUUID();
        ProducerRecord<String, String> updated = versioned(new ProducerRecord<>(Topics.SUPPLIERS, id.toString(), """
                {"supplierId":"%s","legalName":"Ashton Bakers Ltd","postcode":"WN4 9AA",
                 "changedFields":["legalName"],"updatedAt":"2026-11-02T10:00:00Z"}""".formatted(id)), 2);
        ceHeaders(updated, UUID.randomUUID().toString(), Topics.EventTypes.SUPPLIER_UPDATED);
        kafka.produceStrings().fromRecords(updated).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).until(() -> known(id).isPresent());
        assertEquals("Ashton Bakers Ltd", known(id).get().legalName);
        // The registration (version 1) replayed late changes nothing: the newer state stays.
        String lateId = UUID.randomUUID().toString();
        kafka.produceStrings().fromRecords(versioned(supplierRegistered(lateId, id), 1)).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(lateId));
        assertEquals("Ashton Bakers Ltd", known(id).get().legalName);
    }

    private static java.util.Optional<KnownSupplier> known(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> KnownSupplier.<KnownSupplier>findByIdOptional(id));
    }

    @Test
    void shouldSendAnUnreadableMessageToTheDeadLetterTopicAndKeepConsuming() {
        long before = registeredSuppliers();
        ProducerRecord<String, String> broken = new ProducerRecord<>(Topics.SUPPLIERS, "broken", "{not json");
        ceHeaders(broken, UUID.randomUUID().toString(), Topics.EventTypes.SUPPLIER_REGISTERED);
        kafka.produceStrings().fromRecords(broken, supplierRegistered(UUID.randomUUID().toString(), UUID.randomUUID()))
                .awaitCompletion();

        await().atMost(Duration.ofSeconds(30)).until(() -> registeredSuppliers() == before + 1);
        var dead = kafka.consumeStrings().fromTopics("dead-letter-topic-" + Topics.SUPPLIERS)
                .awaitRecords(1, Duration.ofSeconds(30)).getRecords();
        assertEquals("{not json", dead.get(0).value());
        String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(),
                StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(reason.contains("cannot be read"), reason);
    }

    /** Fault test 4: a registration redelivered (or arriving late) after the erasure leaves the supplier erased. */
    @Test
    void shouldKeepAnErasedSupplierErasedWhenItsRegistrationArrivesAgain() {
        long before = registeredSuppliers();
        UUID id = UUID.randomUUID();
        ProducerRecord<String, String> registered = versioned(supplierRegistered(UUID.randomUUID().toString(), id), 1);
        ProducerRecord<String, String> erased = versioned(new ProducerRecord<>(Topics.SUPPLIERS, id.toString(), """
                {"supplierId":"%s","legalName":"Erased sole trader %s","postcode":"WN2",
                 "classification":{"locality":"IN_BOROUGH","sizeBand":"MICRO","sme":true,"vcfse":false,
                 "vcfseVerified":false},"erasedAt":"2026-11-03T10:00:00Z"}""".formatted(id, id.toString()
                        .substring(0, 8))), 2);
        ceHeaders(erased, UUID.randomUUID().toString(), Topics.EventTypes.SUPPLIER_ERASED);
        kafka.produceStrings().fromRecords(registered, erased).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).until(() -> known(id).map(k -> k.erasedAt != null).orElse(false));

        // The same registration redelivered, and a copy under a new id (a replayed dead letter, say).
        String againId = UUID.randomUUID().toString();
        ProducerRecord<String, String> again = versioned(supplierRegistered(againId, id), 1);
        kafka.produceStrings().fromRecords(registered, again).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(againId));

        KnownSupplier row = known(id).orElseThrow();
        assertEquals("Erased sole trader " + id.toString().substring(0, 8), row.legalName);
        assertEquals("WN2", row.postcode);
        assertEquals(before, registeredSuppliers(), "the erased supplier stays out of the count");
    }

    @Test
    void shouldReadAClassificationValueANewerProducerAddedInsteadOfDeadLetteringIt() {
        UUID id = UUID.randomUUID();
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.SUPPLIERS, id.toString(), """
                {"supplierId":"%s","legalName":"Orrell Orbital Ltd","postcode":"WN5 8AA",
                 "classification":{"locality":"LOW_EARTH_ORBIT","sizeBand":"NANO","sme":true,"vcfse":false,
                 "vcfseVerified":false},"registeredAt":"2026-11-01T10:00:00Z","newField":{"nested":true}}"""
                .formatted(id));
        ceHeaders(record, UUID.randomUUID().toString(), Topics.EventTypes.SUPPLIER_REGISTERED);
        kafka.produceStrings().fromRecords(record).awaitCompletion();

        await().atMost(Duration.ofSeconds(30)).until(() -> known(id).isPresent());
        assertEquals("Orrell Orbital Ltd", known(id).get().legalName);
    }

    private static ProducerRecord<String, String> versioned(ProducerRecord<String, String> record, long version) {
        record.headers().add("ce_aggregateversion", Long.toString(version).getBytes(StandardCharsets.UTF_8));
        return record;
    }

    @Test
    void shouldAnswerTheReportOnlyToLeadershipAndAdmins() {
        given().auth().oauth2(Tokens.of("leader1")).when().get("/api/reports/suppliers")
                .then().statusCode(200).body(containsString("registeredSuppliers"));
        given().auth().oauth2(Tokens.of("admin1")).when().get("/api/reports/suppliers").then().statusCode(200);
        given().auth().oauth2(Tokens.of("supplier1")).when().get("/api/reports/suppliers").then().statusCode(403);
        given().auth().oauth2(Tokens.of("buyer1")).when().get("/api/reports/suppliers").then().statusCode(403);
        given().when().get("/api/reports/suppliers").then().statusCode(401);
    }

    @Test
    void shouldBeReadyWithDatabaseAndKafka() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Kafka (degraded, not down, when unreachable)"));
    }

    private static long registeredSuppliers() {
        return ((Number) given().auth().oauth2(Tokens.of("leader1")).when().get("/api/reports/suppliers")
                .then().statusCode(200).extract().path("registeredSuppliers")).longValue();
    }

    private static ProducerRecord<String, String> supplierRegistered(String eventId, UUID supplierId) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.SUPPLIERS, supplierId.toString(), """
                {"supplierId":"%s","legalName":"Wigan Print Co-operative","postcode":"WN1 1XX",
                 "registeredAt":"2026-11-01T10:00:00Z"}""".formatted(supplierId));
        ceHeaders(record, eventId, Topics.EventTypes.SUPPLIER_REGISTERED);
        return record;
    }

    private static void ceHeaders(ProducerRecord<String, String> record, String id, String type) {
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "urn:anchormarket:test".getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
    }
}
