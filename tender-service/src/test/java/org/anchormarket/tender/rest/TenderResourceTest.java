package org.anchormarket.tender.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class TenderResourceTest {

    private static String draft(String title, Instant closesAt, String extra) {
        return """
                {"title": "%s", "closesAt": "%s", "cpvCode": "45210000"%s}""".formatted(title, closesAt, extra);
    }

    @Test
    void shouldPublishForTheBuyersOwnAnchorAndListItAsOpen() {
        String title = "Community centre refurbishment " + System.nanoTime();
        given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON)
                .body(draft(title, Instant.now().plus(14, ChronoUnit.DAYS), ", \"reservedFor\": \"VCFSE\""))
                .when().post("/api/tenders")
                .then().statusCode(201)
                .header("Location", containsString("/api/tenders/"))
                .body("anchor", equalTo("wigan-council"))
                .body("status", equalTo("OPEN"))
                .body("reservedFor", equalTo("VCFSE"));
        given().auth().oauth2(Tokens.of("supplier1")).when().get("/api/tenders")
                .then().statusCode(200).body("title", hasItem(title));
    }

    @Test
    void shouldRefuseADeadlineInThePastNamingTheFieldAndStoreNothing() {
        String title = "Too late " + System.nanoTime();
        given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON)
                .body(draft(title, Instant.now().minus(1, ChronoUnit.DAYS), ""))
                .when().post("/api/tenders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("closesAt"));
        given().auth().oauth2(Tokens.of("buyer1")).when().get("/api/tenders")
                .then().statusCode(200).body("title", not(hasItem(title)));
    }

    @Test
    void shouldMakeAnAdminNameAKnownAnchor() {
        Instant closes = Instant.now().plus(7, ChronoUnit.DAYS);
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).body(draft("Fleet tyres", closes, ""))
                .when().post("/api/tenders")
                .then().statusCode(400).body("errors[0].field", equalTo("anchor"));
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(draft("Fleet tyres", closes, ", \"anchor\": \"nowhere\""))
                .when().post("/api/tenders")
                .then().statusCode(400).body("errors[0].field", equalTo("anchor"));
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(draft("Fleet tyres", closes, ", \"anchor\": \"gmfrs\""))
                .when().post("/api/tenders")
                .then().statusCode(201).body("anchor", equalTo("gmfrs"));
    }

    @Test
    void shouldRefusePublishingBySuppliersAndLeadershipAndAnonymousCallers() {
        String body = draft("Not allowed", Instant.now().plus(7, ChronoUnit.DAYS), "");
        for (String user : new String[] { "supplier1", "leader1" }) {
            given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body)
                    .when().post("/api/tenders").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(body).when().post("/api/tenders").then().statusCode(401);
    }
}
