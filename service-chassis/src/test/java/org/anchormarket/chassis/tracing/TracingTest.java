package org.anchormarket.chassis.tracing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.PostgresResource;
import org.junit.jupiter.api.Test;

/**
 * With tracing on, one trace runs from the request that made a change, through the outbox (which keeps the trace
 * with the message) and Kafka, to the consumer that applies it.
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(TracingTest.TracingOn.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class TracingTest {

    @Inject
    InMemorySpanExporter spans;

    @Inject
    EntityManager em;

    @Test
    void shouldContinueTheRequestsTraceInTheConsumerOfItsMessage() {
        String key = "traced-" + UUID.randomUUID();
        String id = given().when().post("/test/publish/" + key).then().statusCode(200).extract().asString();

        SpanData request = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.SERVER && s.getName().contains("/test/publish"))
                .reduce((a, b) -> b), Optional::isPresent).get();
        String traceparent = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select traceparent from outbox_message where id = ?1").setParameter(1, UUID.fromString(id))
                .getSingleResult());
        assertEquals(request.getTraceId(), traceparent.split("-")[1], "the outbox row keeps the request's trace");

        await().atMost(Duration.ofSeconds(30)).until(() -> spans.getFinishedSpanItems().stream()
                .anyMatch(s -> s.getKind() == SpanKind.CONSUMER && s.getTraceId().equals(request.getTraceId())));
    }

    /** Tracing on (it is off by default, and for the chassis' other tests). */
    public static class TracingOn implements io.quarkus.test.junit.QuarkusTestProfile {
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("quarkus.otel.sdk.disabled", "false");
        }
    }
}
