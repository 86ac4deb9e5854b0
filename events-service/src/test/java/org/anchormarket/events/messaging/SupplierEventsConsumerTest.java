package org.anchormarket.events.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.events.domain.KnownAnchor;
import org.anchormarket.events.domain.KnownSupplier;
import org.anchormarket.events.domain.Registration;
import org.anchormarket.events.support.EventCalls;
import org.anchormarket.events.support.Parties;
import org.anchormarket.events.support.Parties.Member;
import org.anchormarket.testing.CloudEventRecords;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.junit.jupiter.api.Test;

/** What events-service learns from the suppliers' and anchors' topics, each message once and in order. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class SupplierEventsConsumerTest {

    @Test
    void shouldForgetAnErasedSuppliersPeopleAndGiveUpItsPlacesToTheWaitlist() {
        Parties.demoAnchors();
        String event = EventCalls.event(2, 2);
        Member erased = Parties.supplier("Erasable Enterprises Ltd");
        Member waiting = Parties.supplier("Patient People CIC");
        String re = EventCalls.register(erased.token(), event, "Erin Erasable", "Eric Erasable").statusCode(201)
                .body("status", equalTo("CONFIRMED")).extract().path("id");
        String rw = EventCalls.register(waiting.token(), event, "Pat Patient", "Paul Patient").statusCode(201)
                .body("status", equalTo("WAITLISTED")).extract().path("id");

        assertEquals(2, mailsToErin(), "each was emailed its place");
        CloudEventRecords.send(Topics.SUPPLIERS, erased.supplierId().toString(), 2,
                Topics.EventTypes.SUPPLIER_ERASED, """
                        {"supplierId":"%s","legalName":"Erased supplier","erasedAt":"%s","classification":{"locality":"IN_BOROUGH","sizeBand":"MICRO","sme":true,"vcfse":false,"vcfseVerified":false}}"""
                        .formatted(erased.supplierId(), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Registration.<Registration>findById(UUID.fromString(re)).attendees.isEmpty()));
        Registration gone = QuarkusTransaction.requiringNew().call(() -> Registration.findById(UUID.fromString(re)));
        assertEquals(Registration.Status.CANCELLED, gone.status);
        assertEquals("Erased supplier", gone.organisationName);
        assertEquals(List.of(), gone.attendees);
        // the emails to its people (their place was confirmed) are gone too, and none tells of the places given up
        assertEquals(0, mailsToErin());
        assertEquals("CONFIRMED", EventCalls.registration(waiting.token(), event, rw).getString("status"));
        // its members act for nothing now; a late update does not bring it back
        EventCalls.register(erased.token(), EventCalls.event(5, 1), "Erin Erasable").statusCode(403);
        String late = CloudEventRecords.send(Topics.SUPPLIERS, erased.supplierId().toString(), 3,
                Topics.EventTypes.SUPPLIER_UPDATED, """
                        {"supplierId":"%s","legalName":"Erasable Enterprises Ltd","updatedAt":"%s",
                         "changedFields":["members"],"members":["%s"],"classification":{"locality":"IN_BOROUGH","sizeBand":"MICRO","sme":true,"vcfse":false,"vcfseVerified":false}}""".formatted(erased.supplierId(), Instant.now(),
                        Tokens.subject(erased.token())));
        awaitProcessed("events-service.suppliers", late);
        given().when().get("/api/events/" + event).then().body("seatsTaken", equalTo(2));
        assertEquals("Erased supplier", QuarkusTransaction.requiringNew()
                .call(() -> KnownSupplier.<KnownSupplier>findById(erased.supplierId()).legalName));
        // and its member still acts for nothing
        EventCalls.register(erased.token(), EventCalls.event(5, 1), "Erin Erasable").statusCode(403);
    }

    private static void awaitProcessed(String consumer, String messageId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) KnownAnchor.getEntityManager().createNativeQuery(
                        "select count(*) from processed_message where consumer = ?1 and message_id = ?2")
                        .setParameter(1, consumer).setParameter(2, messageId).getSingleResult()).longValue() == 1));
    }

    @Test
    void shouldKeepTheNewestAnchorNameAndDeadLetterAMessageKeyedForAnother() {
        String id = "anchor-" + UUID.randomUUID().toString().substring(0, 8);
        CloudEventRecords.send(Topics.ANCHORS, id, 1, Topics.EventTypes.ANCHOR_REGISTERED, """
                {"anchorId":"%s","name":"Old Name","type":"NHS","registeredAt":"%s"}""".formatted(id, Instant.now()));
        CloudEventRecords.send(Topics.ANCHORS, id, 3, Topics.EventTypes.ANCHOR_UPDATED, """
                {"anchorId":"%s","name":"New Name","type":"NHS","changedFields":["name"],"updatedAt":"%s"}"""
                .formatted(id, Instant.now()));
        // an older version arriving late, and one keyed for another anchor: neither changes it
        CloudEventRecords.send(Topics.ANCHORS, id, 2, Topics.EventTypes.ANCHOR_UPDATED, """
                {"anchorId":"%s","name":"Stale Name","type":"NHS","changedFields":["name"],"updatedAt":"%s"}"""
                .formatted(id, Instant.now()));
        String wrong = CloudEventRecords.send(Topics.ANCHORS, id, 5, Topics.EventTypes.ANCHOR_UPDATED, """
                {"anchorId":"someone-else","name":"Wrong Key","type":"NHS","changedFields":["name"],"updatedAt":"%s"}"""
                .formatted(Instant.now()));
        // the one keyed for another anchor is set aside on the dead-letter topic with its reason
        var dead = org.anchormarket.testing.TopicRecords.await("dead-letter-topic-" + Topics.ANCHORS,
                r -> org.anchormarket.testing.TopicRecords.header(r, "ce_id").filter(wrong::equals).isPresent(),
                Duration.ofSeconds(60));
        org.junit.jupiter.api.Assertions.assertTrue(org.anchormarket.testing.TopicRecords
                .header(dead, "dead-letter-reason").orElse("").contains("someone-else"), dead.headers().toString());
        // the stale one was read (and left the newer name alone): messages on one key are read in order
        assertEquals("New Name", QuarkusTransaction.requiringNew()
                .call(() -> KnownAnchor.<KnownAnchor>findById(id).name));
    }

    /** Emails to the erased organisation's two people, sent or not. */
    private static int mailsToErin() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Registration.getEntityManager()
                .createNativeQuery("select count(*) from mail_outbox where to_address in (?1, ?2)")
                .setParameter(1, "erinerasable@example.org").setParameter(2, "ericerasable@example.org")
                .getSingleResult()).intValue());
    }
}
