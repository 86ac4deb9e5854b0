package org.anchormarket.analytics.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
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
import org.junit.jupiter.api.Test;

/**
 * What tenders announce on anchor.tenders becomes committed spend (kept apart from payments) and the funnel's bid and
 * won stages; each message counts once, and a message replayed after newer ones still counts.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class TenderEventsConsumerTest {

    @Inject
    EntityManager em;

    @Test
    void shouldCountAwardedContractsAsCommittedSpendAndBiddersAndWinnersInTheFunnel() {
        String anchor = KnownAnchors.create();
        UUID tender = UUID.randomUUID();
        UUID lot = UUID.randomUUID();
        UUID winner = UUID.randomUUID();
        UUID loser = UUID.randomUUID();
        String awardId = UUID.randomUUID().toString();
        KafkaCompanion kafka = new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers",
                String.class));
        try {
            kafka.produceStrings().fromRecords(
                    // Bids while the tender is open tell analytics nothing (nobody may learn who is bidding) ...
                    bid(tender, lot, anchor, winner, 1, "2026-05-01T10:00:00Z"),
                    // ... the closing names the bidders, as the bids stood at the deadline
                    record(tender, 2, Topics.EventTypes.TENDER_CLOSED, UUID.randomUUID().toString(), """
                            {"tenderId":"%s","anchorId":"%s","status":"CLOSED","bids":2,"closedAt":"2026-05-20T12:00:00Z",
                             "bidders":[{"lotId":"%s","supplierId":"%s"},{"lotId":"%s","supplierId":"%s"}]}"""
                            .formatted(tender, anchor, lot, winner, lot, loser)),
                    record(tender, 5, Topics.EventTypes.CONTRACT_AWARDED, awardId, awarded(tender, lot, anchor, winner,
                            "48250.50", "2026-06-10T09:00:00Z")),
                    // Delivered twice (the same message id, even with another contract id): counted once
                    record(tender, 5, Topics.EventTypes.CONTRACT_AWARDED, awardId, awarded(tender, lot, anchor, winner,
                            "48250.50", "2026-06-10T09:00:00Z", UUID.randomUUID())),
                    // A second lot's award, replayed from the dead letters after the newer ones: still counted
                    record(tender, 4, Topics.EventTypes.CONTRACT_AWARDED, UUID.randomUUID().toString(),
                            awarded(tender, UUID.randomUUID(), anchor, loser, "1000.00", "2026-06-09T09:00:00Z")))
                    .awaitCompletion();
        } finally {
            kafka.close();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from awarded_contract where tender_id = ?1")
                        .setParameter(1, tender).getSingleResult()).intValue() == 2));

        JsonPath spend = given().auth().oauth2(Tokens.of("leader1")).queryParam("anchor", anchor)
                .queryParam("from", "2026-04-01").queryParam("to", "2027-03-31")
                .get("/api/reports/local-spend").then().statusCode(200).extract().jsonPath()
                .using(new io.restassured.path.json.config.JsonPathConfig(
                        io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertEquals(new BigDecimal("49250.50"), spend.get("committedSpend")); // to the penny
        assertEquals(0, new BigDecimal(spend.getString("totalSpend")).signum(), "committed spend is not paid spend");
        // Awarded before the period: not committed in it
        JsonPath before = given().auth().oauth2(Tokens.of("leader1")).queryParam("anchor", anchor)
                .queryParam("from", "2025-04-01").queryParam("to", "2026-03-31")
                .get("/api/reports/local-spend").then().statusCode(200).extract().jsonPath();
        assertEquals(0, new BigDecimal(before.getString("committedSpend")).signum());

        JsonPath funnel = given().auth().oauth2(Tokens.of("leader1")).queryParam("anchor", anchor)
                .queryParam("from", "2026-04-01").queryParam("to", "2027-03-31")
                .get("/api/reports/funnel").then().statusCode(200).extract().jsonPath();
        assertEquals(true, funnel.getBoolean("stages.find { it.stage == 'BID' }.available"));
        assertEquals(2, funnel.getInt("stages.find { it.stage == 'BID' }.organisations"));
        // Before the closing (the period of the bid only): nobody is counted as bidding
        assertEquals(0, given().auth().oauth2(Tokens.of("leader1")).queryParam("anchor", anchor)
                .queryParam("from", "2026-05-01").queryParam("to", "2026-05-19").get("/api/reports/funnel").then()
                .statusCode(200).extract().jsonPath().getInt("stages.find { it.stage == 'BID' }.organisations"));
        assertEquals(2, funnel.getInt("stages.find { it.stage == 'WON' }.organisations"));
        // A buyer of another anchor may not ask for it, and sees none of it in its own anchor's funnel
        given().auth().oauth2(Tokens.of("buyer1")).queryParam("anchor", anchor).get("/api/reports/funnel").then()
                .statusCode(403);
        JsonPath own = given().auth().oauth2(Tokens.of("buyer1")).queryParam("from", "2026-04-01")
                .queryParam("to", "2027-03-31").get("/api/reports/funnel").then().statusCode(200).extract().jsonPath();
        assertEquals(0, own.getInt("stages.find { it.stage == 'WON' }.organisations"));
        assertEquals(0, new BigDecimal(given().auth().oauth2(Tokens.of("buyer1")).queryParam("from", "2026-04-01")
                .queryParam("to", "2027-03-31").get("/api/reports/local-spend").then().statusCode(200).extract()
                .path("committedSpend").toString()).signum());
    }

    private static ProducerRecord<String, String> bid(UUID tender, UUID lot, String anchor, UUID supplier,
            long version, String at) {
        return record(tender, version, Topics.EventTypes.BID_SUBMITTED, UUID.randomUUID().toString(), """
                {"tenderId":"%s","anchorId":"%s","lotId":"%s","supplierId":"%s","submittedAt":"%s"}"""
                .formatted(tender, anchor, lot, supplier, at));
    }

    private static String awarded(UUID tender, UUID lot, String anchor, UUID supplier, String value, String at) {
        return awarded(tender, lot, anchor, supplier, value, at,
                UUID.nameUUIDFromBytes((lot + value).getBytes(StandardCharsets.UTF_8)));
    }

    private static String awarded(UUID tender, UUID lot, String anchor, UUID supplier, String value, String at,
            UUID contract) {
        return """
                {"contractId":"%s","tenderId":"%s","lotId":"%s","anchorId":"%s","supplierId":"%s","value":"%s",
                 "cpvCodes":["45210000"],"reservation":"LOCAL","contractStart":"2026-07-01","contractEnd":"2027-06-30",
                 "awardedAt":"%s"}""".formatted(contract, tender, lot, anchor, supplier, value, at);
    }

    private static ProducerRecord<String, String> record(UUID key, long version, String type, String id,
            String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.TENDERS, key.toString(), data);
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "urn:anchormarket:test".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_aggregateversion", Long.toString(version).getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
