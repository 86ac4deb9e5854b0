package org.anchormarket.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.anchormarket.launcher.Platform;
import org.anchormarket.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tender from draft to contract through the gateway, against the running platform and its real clock: a supplier
 * registers in supplier-service (tender-service learns from anchor.suppliers who acts for it), bids before the
 * deadline; the buyer opens the bids after it, scores, awards; the supplier sees its outcome.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class TenderJourneyIT {

    private static Platform platform;
    private static String gateway;

    @BeforeAll
    static void usePlatform() {
        platform = SharedPlatform.platform();
        gateway = SharedPlatform.gateway();
    }

    @Test
    void shouldTakeATenderFromDraftToContractThroughTheGateway() {
        String supplier = Tokens.fetch(platform.tokenUrl(), Tokens.newUser(platform.keycloakUrl(), "supplier"));
        String supplierId = given().auth().oauth2(supplier).contentType(ContentType.JSON).body("""
                {"legalName": "%s Shevington Landscapes", "organisationType": "SOLE_TRADER", "postcode": "WN6 8AA",
                 "addressLines": ["1 Church Lane"], "employees": 3, "annualTurnover": 150000,
                 "cpvCodes": ["77310000"], "email": "hello@shevington.example"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 6)))
                .when().post(gateway + "/api/suppliers").then().statusCode(201).extract().path("id");
        String buyer = Tokens.fetch(platform.tokenUrl(), "buyer1");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant deadline = now.plusSeconds(20);
        String id = given().auth().oauth2(buyer).contentType(ContentType.JSON).body("""
                {"title": "Grounds maintenance at Haigh Woodland Park", "cpvCodes": ["77310000"],
                 "contractType": "SERVICES", "procedure": "REQUEST_FOR_QUOTATION", "estimatedValue": 30000,
                 "clarificationDeadline": "%s", "submissionDeadline": "%s",
                 "weights": {"price": 60, "quality": 30, "socialValue": 10}, "reservation": "NONE"}"""
                .formatted(now.plusSeconds(10), deadline))
                .when().post(gateway + "/api/tenders").then().statusCode(201).extract().path("id");
        given().auth().oauth2(buyer).when().post(gateway + "/api/tenders/" + id + "/publication").then()
                .statusCode(200).body("shortDeadline", equalTo(true));
        String lot = given().when().get(gateway + "/api/tenders/" + id).then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).extract().path("lots[0].id");
        String bids = gateway + "/api/tenders/" + id + "/lots/" + lot + "/bids";

        // The registration reaches tender-service by Kafka; until then the supplier is asked to register
        Map<String, Object> bid = Map.of("price", 27500, "qualityResponse", "Weekly visits, electric mowers",
                "socialValueCommitments", "One local apprentice");
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).until(() -> given()
                .auth().oauth2(supplier).contentType(ContentType.JSON).body(bid)
                .when().put(bids + "/mine").then().extract().statusCode() == 200);
        given().auth().oauth2(buyer).when().get(bids).then().statusCode(409);

        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                .until(() -> Instant.now().isAfter(deadline.plusSeconds(1)));
        given().auth().oauth2(supplier).contentType(ContentType.JSON).body(bid).when().put(bids + "/mine").then()
                .statusCode(409);
        given().auth().oauth2(buyer).when().post(gateway + "/api/tenders/" + id + "/opening").then().statusCode(200)
                .body("opened", equalTo(true));
        String bidId = given().auth().oauth2(buyer).when().get(bids).then().statusCode(200)
                .body("[0].supplierId", equalTo(supplierId)).body("[0].price", equalTo(27500.0f))
                .extract().path("[0].id");
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(Map.of("quality", 70, "socialValue", 60))
                .when().put(bids + "/" + bidId + "/scores").then().statusCode(200).body("total", equalTo(87.0f));
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(Map.of("bidId", bidId,
                "contractStart", "2027-04-01", "contractEnd", "2028-03-31"))
                .when().post(gateway + "/api/tenders/" + id + "/lots/" + lot + "/award").then().statusCode(201);
        given().when().get(gateway + "/api/contracts?supplier=" + supplierId).then().statusCode(200)
                .body("[0].tenderId", equalTo(id)).body("[0].value", equalTo(27500.0f));
        given().auth().oauth2(supplier).when().get(gateway + "/api/tenders/" + id + "/lots/" + lot + "/outcome")
                .then().statusCode(200).body("won", equalTo(true));
    }
}
