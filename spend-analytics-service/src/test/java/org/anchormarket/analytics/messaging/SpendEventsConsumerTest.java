package org.anchormarket.analytics.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.anchormarket.analytics.domain.KnownAnchor;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Payments pushed on anchor.spend: each once per payment id, and never twice with a spend file holding them. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class SpendEventsConsumerTest {

    @Test
    void shouldCountEachPushedPaymentOnceAndAgainstAFileHoldingIt() {
        String anchor = "anchor-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            KnownAnchor a = new KnownAnchor();
            a.anchorId = anchor;
            a.name = anchor;
            a.type = "OTHER";
            a.updatedAt = java.time.Instant.now();
            a.persist();
        });
        String split = """
                {"anchorId":"%s","paymentId":"%s","paymentDate":"2019-05-01","amount":"1234.50",
                 "payee":"Acme Ltd","transactionRef":"T1","category":"Repairs"}""";
        KafkaCompanion kafka = new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers",
                String.class));
        try {
            kafka.produceStrings().fromRecords(
                    payment(anchor, split.formatted(anchor, "P1")),
                    payment(anchor, split.formatted(anchor, "P1")), // the same payment pushed again
                    payment(anchor, split.formatted(anchor, "P2")), // the other half of a split invoice
                    payment(anchor, """
                            {"anchorId":"%s","paymentId":"P3","paymentDate":"2019-05-02","amount":"-75.00",
                             "payee":"Redacted personal data"}""".formatted(anchor))).awaitCompletion();
            await().atMost(Duration.ofSeconds(30)).until(() -> lines(anchor) == 3);

            // Unknown anchor, or not an amount: dead-lettered with the reason, nothing stored
            kafka.produceStrings().fromRecords(payment("no-such-anchor", split.formatted("no-such-anchor", "P9")),
                    payment(anchor, """
                            {"anchorId":"%s","paymentId":"P8","paymentDate":"2019-05-02","amount":"12.345"}"""
                            .formatted(anchor))).awaitCompletion();
            var dead = kafka.consumeStrings().fromTopics("dead-letter-topic-" + Topics.SPEND)
                    .awaitRecords(2, Duration.ofSeconds(60)).getRecords();
            assertTrue(dead.stream().anyMatch(r -> r.value().contains("no-such-anchor")));
            assertTrue(dead.stream().anyMatch(r -> r.value().contains("P8")));
        } finally {
            kafka.close();
        }
        assertEquals(3, lines(anchor));
        assertEquals(new BigDecimal("2394.00"), sum(anchor), "1234.50 twice, less 75.00");

        // The month's file, published later: both halves and the credit note are held already
        String file = "Payment Date,Transaction Number,Amount,Supplier Name\n"
                + "01/05/2019,T1,\"1,234.50\",ACME LTD\n01/05/2019,T1,1234.50,Acme Ltd\n"
                + "02/05/2019,,-75.00,REDACTED\n03/05/2019,T4,10.00,Acme Ltd\n";
        String location = given().auth().oauth2(Tokens.of("admin1")).contentType("text/csv")
                .body(file.getBytes(StandardCharsets.UTF_8)).queryParam("anchor", anchor)
                .post("/api/spend/uploads").then().statusCode(202).extract().header("Location");
        String path = location.substring(location.indexOf("/api/"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(given().auth().oauth2(Tokens.of("admin1"))
                .get(path).then().extract().path("status")));
        given().auth().oauth2(Tokens.of("admin1")).get(path).then().body("rowsDuplicate", org.hamcrest.Matchers
                .equalTo(3)).body("rowsAccepted", org.hamcrest.Matchers.equalTo(1));
        assertEquals(new BigDecimal("2404.00"), sum(anchor));
    }

    private static long lines(String anchor) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) KnownAnchor.getEntityManager()
                .createNativeQuery("select count(*) from spend_line where anchor_id = ?1").setParameter(1, anchor)
                .getSingleResult()).longValue());
    }

    private static BigDecimal sum(String anchor) {
        return QuarkusTransaction.requiringNew().call(() -> (BigDecimal) KnownAnchor.getEntityManager()
                .createNativeQuery("select coalesce(sum(amount), 0) from spend_line where anchor_id = ?1")
                .setParameter(1, anchor).getSingleResult());
    }

    private static ProducerRecord<String, String> payment(String anchor, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.SPEND, anchor, data);
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", Topics.EventTypes.PAYMENT_MADE.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "urn:anchormarket:test".getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
