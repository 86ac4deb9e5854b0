package org.anchormarket.analytics.rest;

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

/** Every operation of the analytics API, driven with bad input by an admin and a buyer: never a 5xx. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class ReportApiFuzzTest {

    @Test
    void shouldAnswerEveryBadRequestBelow500AndEveryRefusalAsProblemJson() {
        SpecFuzzer.of("openapi/analytics/openapi.yaml").assertSound("analytics API", 21,
                List.of(Tokens.of("admin1"), Tokens.of("buyer1")),
                Map.of(),
                Map.of());
    }
}
