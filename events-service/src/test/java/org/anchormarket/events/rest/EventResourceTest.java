package org.anchormarket.events.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
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
class EventResourceTest {

    private static String draft(String title, Instant startsAt, int capacity) {
        return """
                {"title": "%s", "kind": "MEET_THE_BUYER", "startsAt": "%s", "venue": "Robin Park Arena, Wigan",
                 "capacity": %d}""".formatted(title, startsAt, capacity);
    }

    @Test
    void shouldScheduleAMeetTheBuyerEventAndListItAsUpcoming() {
        String title = "Meet the buyer " + System.nanoTime();
        given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON)
                .body(draft(title, Instant.now().plus(30, ChronoUnit.DAYS), 300))
                .when().post("/api/events")
                .then().statusCode(201).body("capacity", equalTo(300));
        given().auth().oauth2(Tokens.of("supplier1")).when().get("/api/events")
                .then().statusCode(200).body("title", hasItem(title));
    }

    @Test
    void shouldRejectPastStartsAndZeroCapacityWithProblemDetails() {
        String title = "Rejected " + System.nanoTime();
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(draft(title, Instant.now().plus(3, ChronoUnit.DAYS), 0))
                .when().post("/api/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("capacity"));
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(draft(title, Instant.now().minus(1, ChronoUnit.HOURS), 10))
                .when().post("/api/events")
                .then().statusCode(400).body("errors[0].field", equalTo("startsAt"));
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(draft(title, Instant.now().plus(3, ChronoUnit.DAYS), 10).replace("MEET_THE_BUYER", "PARTY"))
                .when().post("/api/events")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().auth().oauth2(Tokens.of("admin1")).when().get("/api/events")
                .then().statusCode(200).body("title", not(hasItem(title)));
    }

    @Test
    void shouldRefuseSchedulingBySuppliersAndAnonymousCallers() {
        String body = draft("Not allowed", Instant.now().plus(3, ChronoUnit.DAYS), 10);
        given().auth().oauth2(Tokens.of("supplier1")).contentType(ContentType.JSON).body(body)
                .when().post("/api/events").then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).when().post("/api/events").then().statusCode(401);
    }
}
