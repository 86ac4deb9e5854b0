package org.anchormarket.events.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.SpecFuzzer;
import org.anchormarket.testing.Tokens;
import org.junit.jupiter.api.Test;

/** Every operation of the events API, driven with bad input by an admin and a buyer: never a 5xx. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class EventApiFuzzTest {

    @Test
    void shouldAnswerEveryBadRequestBelow500AndEveryRefusalAsProblemJson() {
        SpecFuzzer.of("openapi/events/openapi.yaml").assertSound("events API", 40,
                List.of(Tokens.of("admin1"), Tokens.of("buyer1")),
                Map.of("scheduleEvent", "{\"title\":\"Fuzzed event\",\"kind\":\"TRAINING\",\"startsAt\":\"2030-01-01T10:00:00Z\",\"endsAt\":\"2030-01-01T12:00:00Z\",\"venue\":\"Wigan Life Centre\",\"capacity\":20}",
                        "register", "{\"attendees\":[{\"name\":\"Pat Person\",\"email\":\"pat@example.org\"}]}",
                        "checkIn", "{\"checkInCode\":\"ABCD2345\"}"),
                Map.of());
    }
}
