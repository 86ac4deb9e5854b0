package org.anchormarket.supplier.rest;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.SpecFuzzer;
import org.anchormarket.testing.Tokens;
import org.junit.jupiter.api.Test;

/** Every operation of the supplier API, driven with bad input by an admin and by a supplier: never a 5xx. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class SupplierApiFuzzTest {

    @Test
    void shouldAnswerEveryBadRequestBelow500AndEveryRefusalAsProblemJson() throws Exception {
        String supplier = Tokens.ofNewUser("supplier");
        String id = given().auth().oauth2(supplier).contentType(ContentType.JSON).body(Registrations.valid())
                .when().post("/api/suppliers").then().statusCode(201).extract().path("id");
        String registration = new ObjectMapper().writeValueAsString(Registrations.valid());

        SpecFuzzer.of("openapi/supplier/openapi.yaml").assertSound("supplier API", 501,
                List.of(Tokens.of("admin1"), supplier),
                Map.of("registerSupplier", registration,
                        "updateSupplier", "{\"description\":\"Joinery\",\"employees\":12}",
                        "inviteMember", "{\"email\":\"colleague@example.org\"}",
                        "verifySupplier", "{\"status\":\"VERIFIED\"}",
                        "acceptInvitation", "{\"code\":\"abcdefghijklmnopqrstuvwxyz0123456789abcdefg\"}"),
                Map.of("id", id));
    }
}
