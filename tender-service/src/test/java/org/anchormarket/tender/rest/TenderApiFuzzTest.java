package org.anchormarket.tender.rest;

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

/** Every operation of the tender API, driven with bad input by an admin and a buyer: never a 5xx. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class TenderApiFuzzTest {

    @Test
    void shouldAnswerEveryBadRequestBelow500AndEveryRefusalAsProblemJson() {
        SpecFuzzer.of("openapi/tender/openapi.yaml").assertSound("tender API", 21,
                List.of(Tokens.of("admin1"), Tokens.of("buyer1"), Tokens.of("supplier1")),
                Map.of("createTender", org.anchormarket.tender.support.TenderBodies.draft("Fuzzed tender"),
                        "submitBid", "{\"price\": 100, \"qualityResponse\": \"q\", \"socialValueCommitments\": \"s\"}",
                        "awardLot", "{\"bidId\": \"" + java.util.UUID.randomUUID()
                                + "\", \"contractStart\": \"2027-01-01\", \"contractEnd\": \"2027-12-31\"}"),
                Map.of());
    }
}
