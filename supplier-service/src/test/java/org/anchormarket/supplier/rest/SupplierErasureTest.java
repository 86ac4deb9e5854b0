package org.anchormarket.supplier.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.supplier.service.SupplierErasure;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.anchormarket.testing.TopicRecords;
import org.junit.jupiter.api.Test;

/** A sole trader asks to be erased: personal data goes everywhere, the id and classification stay. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class SupplierErasureTest {

    @Inject
    EntityManager em;

    private static String registerSoleTrader(String token, String name) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Registrations.valid("legalName", name, "organisationType", "SOLE_TRADER", "companyNumber", null,
                        "postcode", "WN2 2AB", "addressLines", List.of("12 Elm Grove", "Ince"),
                        "phone", "01942 000000", "description", "Painter and decorator, Jo Smith",
                        "branches", List.of(Map.of("postcode", "WN7 1AA")), "employees", 1))
                .when().post("/api/suppliers").then().statusCode(201).extract().path("id");
    }

    @Test
    void shouldEraseTheSoleTradersPersonalDataAndKeepTheClassification() {
        String name = "Jo Smith Decorating " + UUID.randomUUID().toString().substring(0, 6);
        String soleTrader = Tokens.ofNewUser("supplier");
        String id = registerSoleTrader(soleTrader, name);
        given().auth().oauth2(soleTrader).contentType(ContentType.JSON).body(Map.of("tradingName", "Jo's Paints"))
                .when().patch("/api/suppliers/" + id).then().statusCode(200);
        TopicRecords.await(Topics.SUPPLIERS, TopicRecords.keyAndType(id, Topics.EventTypes.SUPPLIER_UPDATED),
                Duration.ofSeconds(30));
        // As if the broker had refused the registration for good: parked, never sent, still holding the name
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update outbox_message"
                + " set published_at = null, parked_at = now() where message_key = ?1 and type = ?2")
                .setParameter(1, id).setParameter(2, Topics.EventTypes.SUPPLIER_REGISTERED).executeUpdate());

        given().auth().oauth2(soleTrader).when().post("/api/suppliers/" + id + "/erasure").then().statusCode(200)
                .body("id", equalTo(id))
                .body("legalName", startsWith("Erased sole trader "))
                .body("tradingName", nullValue())
                .body("postcode", equalTo("WN2"))
                .body("addressLines", emptyIterable())
                .body("branches", emptyIterable())
                .body("email", nullValue())
                .body("phone", nullValue())
                .body("description", nullValue())
                .body("erasedAt", notNullValue())
                .body("classification.locality", equalTo("IN_BOROUGH"))
                .body("classification.town", equalTo("Ince-in-Makerfield"))
                .body("classification.sizeBand", equalTo("MICRO"));

        given().auth().oauth2(soleTrader).when().get("/api/suppliers/me").then().statusCode(404);
        given().auth().oauth2(Tokens.of("buyer1")).queryParam("q", name).when().get("/api/suppliers")
                .then().statusCode(200).body("total", equalTo(0));
        String history = given().auth().oauth2(Tokens.of("admin1")).when().get("/api/suppliers/" + id + "/history")
                .then().statusCode(200).body("", hasSize(1))
                .body("[0].changedBy", equalTo(SupplierErasure.ERASED_BY_SOLE_TRADER))
                .extract().asString();
        assertFalse(history.contains("Jo"), history);

        var erased = TopicRecords.await(Topics.SUPPLIERS,
                TopicRecords.keyAndType(id, Topics.EventTypes.SUPPLIER_ERASED), Duration.ofSeconds(30));
        assertTrue(erased.value().contains("\"locality\":\"IN_BOROUGH\""), erased.value());
        assertFalse(erased.value().contains("Jo"), erased.value());
        Number kept = (Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from outbox_message where message_key = ?1 and type <> ?2")
                .setParameter(1, id).setParameter(2, Topics.EventTypes.SUPPLIER_ERASED).getSingleResult());
        assertEquals(0, kept.intValue(),
                "messages carrying the personal data, published or parked, are gone from the outbox");

        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).body(Map.of("tradingName", "Back"))
                .when().patch("/api/suppliers/" + id).then().statusCode(409);
        given().auth().oauth2(Tokens.of("admin1")).when().post("/api/suppliers/" + id + "/erasure")
                .then().statusCode(200).body("legalName", startsWith("Erased sole trader "));
    }

    @Test
    void shouldRefuseToEraseAnOrganisationAndChangeNothing() {
        String member = Tokens.ofNewUser("supplier");
        String id = given().auth().oauth2(member).contentType(ContentType.JSON).body(Registrations.valid())
                .when().post("/api/suppliers").then().statusCode(201).extract().path("id");
        given().auth().oauth2(member).when().post("/api/suppliers/" + id + "/erasure")
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("organisationType"));
        given().auth().oauth2(member).when().get("/api/suppliers/" + id).then()
                .body("legalName", equalTo("Pemberton Joinery Ltd")).body("erasedAt", nullValue());
    }

    @Test
    void shouldLetOnlyTheSoleTraderAndAdminsErase() {
        String id = registerSoleTrader(Tokens.ofNewUser("supplier"), "Sam Jones Plumbing");
        given().auth().oauth2(Tokens.ofNewUser("supplier")).when().post("/api/suppliers/" + id + "/erasure")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.of("buyer1")).when().post("/api/suppliers/" + id + "/erasure")
                .then().statusCode(403);
        given().when().post("/api/suppliers/" + id + "/erasure").then().statusCode(401);
        given().auth().oauth2(Tokens.of("admin1")).when().post("/api/suppliers/" + id + "/erasure")
                .then().statusCode(200).body("erasedAt", notNullValue());
    }
}
