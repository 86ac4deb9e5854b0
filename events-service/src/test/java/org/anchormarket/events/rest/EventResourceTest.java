package org.anchormarket.events.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.anchormarket.events.support.Parties;
import org.anchormarket.events.support.TestClock;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scheduling, reading, changing and cancelling events, with real tokens for each role and every refusal. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class EventResourceTest {

    static String draft(String title, Instant startsAt, int capacity) {
        return """
                {"title": "%s", "kind": "MEET_THE_BUYER", "startsAt": "%s", "endsAt": "%s",
                 "venue": "Robin Park Arena, Wigan", "town": "Wigan", "capacity": %d, "seatsPerOrganisation": 2,
                 "cpvCodes": ["45000000"]}""".formatted(title, startsAt, startsAt.plus(3, ChronoUnit.HOURS),
                capacity);
    }

    static Instant inDays(int days) {
        return TestClock.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    @BeforeEach
    void anchors() {
        Parties.demoAnchors();
    }

    @Test
    void shouldLetABuyerScheduleForItsAnchorAndAnyoneReadIt() {
        String title = "Meet the buyer " + System.nanoTime();
        String id = given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON)
                .body(draft(title, inDays(30), 300).replace("\"cpvCodes\"", "\"anchors\": [\"wwl-nhs\"], \"cpvCodes\""))
                .when().post("/api/events")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/api/events/"))
                .header("ETag", equalTo("\"0\"")).body("anchor", equalTo("wigan-council"))
                .body("anchors", contains("wigan-council", "wwl-nhs")).body("capacity", equalTo(300))
                .body("seatsLeft", equalTo(300)).body("registrationOpen", equalTo(true))
                .body("status", equalTo("SCHEDULED")).extract().path("id");
        // Public: no token needed to find and read it
        given().when().get("/api/events?size=100").then().statusCode(200).body("items.title", hasItem(title));
        given().when().get("/api/events?anchor=wwl-nhs&size=100").then().statusCode(200)
                .body("items.id", hasItem(id));
        given().when().get("/api/events?kind=TRAINING&size=100").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().when().get("/api/events/" + id).then().statusCode(200).body("title", equalTo(title))
                .body("myRegistration", nullValue());
        given().when().get("/api/events/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldGiveAWebinarsJoinLinkOnlyToItsOrganisersAndConfirmedRegistrants() {
        Instant start = inDays(7);
        String id = given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON).body("""
                {"title": "Webinar %s", "kind": "WEBINAR", "startsAt": "%s", "endsAt": "%s", "capacity": 1,
                 "seatsPerOrganisation": 1, "onlineUrl": "https://meet.example.org/anchor-webinar"}"""
                .formatted(System.nanoTime(), start, start.plus(1, ChronoUnit.HOURS))).when().post("/api/events")
                .then().statusCode(201).body("onlineUrl", equalTo("https://meet.example.org/anchor-webinar"))
                .extract().path("id");
        given().when().get("/api/events/" + id).then().statusCode(200).body("onlineUrl", nullValue());
        given().when().get("/api/events?kind=WEBINAR&size=100").then().body("items.find { it.id == '" + id
                + "' }.onlineUrl", nullValue());
        var first = Parties.supplier("First Online Ltd");
        var second = Parties.supplier("Second Online Ltd");
        org.anchormarket.events.support.EventCalls.register(first.token(), id, "Fay First").statusCode(201);
        org.anchormarket.events.support.EventCalls.register(second.token(), id, "Sid Second").statusCode(201)
                .body("status", equalTo("WAITLISTED"));
        given().auth().oauth2(first.token()).when().get("/api/events/" + id).then()
                .body("onlineUrl", equalTo("https://meet.example.org/anchor-webinar"));
        given().auth().oauth2(second.token()).when().get("/api/events/" + id).then().body("onlineUrl", nullValue());
        given().auth().oauth2(Tokens.of("buyer1")).when().get("/api/events/" + id).then()
                .body("onlineUrl", equalTo("https://meet.example.org/anchor-webinar"));
    }

    @Test
    void shouldRefuseWhoMayNotSchedule() {
        String body = draft("Refused " + System.nanoTime(), inDays(10), 20);
        given().contentType(ContentType.JSON).body(body).when().post("/api/events").then().statusCode(401);
        given().auth().oauth2(Tokens.of("supplier1")).contentType(ContentType.JSON).body(body)
                .when().post("/api/events").then().statusCode(403);
        given().auth().oauth2(Tokens.of("leader1")).contentType(ContentType.JSON).body(body)
                .when().post("/api/events").then().statusCode(403);
        // a buyer for another anchor than its own
        given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON)
                .body(body.replace("{", "{\"anchor\": \"wwl-nhs\", ")).when().post("/api/events").then()
                .statusCode(403).body("errors[0].field", equalTo("anchor"));
        // a buyer account with no anchor
        given().auth().oauth2(Tokens.ofNewUser("buyer")).contentType(ContentType.JSON).body(body)
                .when().post("/api/events").then().statusCode(403);
        // an admin must say whose event it is, and it must be an anchor known here
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).body(body)
                .when().post("/api/events").then().statusCode(400).body("errors[0].field", equalTo("anchor"));
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(body.replace("{", "{\"anchor\": \"nowhere-trust\", ")).when().post("/api/events").then()
                .statusCode(400).body("errors[0].field", equalTo("anchor"));
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(body.replace("{", "{\"anchor\": \"wwl-nhs\", ")).when().post("/api/events").then()
                .statusCode(201).body("anchor", equalTo("wwl-nhs"));
    }

    @Test
    void shouldNameEveryBrokenRuleAtOnceAndStoreNothing() {
        String title = "Rejected " + System.nanoTime();
        Instant start = inDays(3);
        given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON)
                .body("""
                        {"title": "%s", "kind": "WEBINAR", "startsAt": "%s", "endsAt": "%s", "capacity": 10,
                         "seatsPerOrganisation": 12, "registrationClosesAt": "%s", "anchors": ["nowhere", "wwl-nhs"]}"""
                        .formatted(title, start, start.minusSeconds(60), start.plusSeconds(60)))
                .when().post("/api/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("onlineUrl", "endsAt", "registrationClosesAt",
                        "seatsPerOrganisation", "anchors[0]"));
        given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON)
                .body(draft(title, TestClock.now().minusSeconds(3600), 10))
                .when().post("/api/events").then().statusCode(400).body("errors[0].field", equalTo("startsAt"));
        given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON)
                .body(draft(title, start, 10).replace("MEET_THE_BUYER", "PARTY"))
                .when().post("/api/events").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON)
                .body(draft(title, start, 0)).when().post("/api/events").then().statusCode(400)
                .body("errors.field", hasItem("capacity"));
        given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON)
                .body(draft("Line\\nbreak " + title, start, 10)).when().post("/api/events").then().statusCode(400)
                .body("errors[0].field", equalTo("title"));
        given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON)
                .body(draft(title, start, 10).replace("\"venue\": \"Robin Park Arena, Wigan\",",
                        "\"kind2\": 1, \"onlineUrl\": \"javascript:alert(1)\","))
                .when().post("/api/events").then().statusCode(400);
        given().when().get("/api/events?size=100").then().statusCode(200).body("items.title", not(hasItem(title)));
    }

    @Test
    void shouldChangeAnEventGuardedByItsETag() {
        String id = given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON)
                .body(draft("Changing " + System.nanoTime(), inDays(20), 50)).when().post("/api/events")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"venue\": \"The Edge, Wigan\", \"capacity\": 60}").when().patch("/api/events/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("venue", equalTo("The Edge, Wigan"))
                .body("capacity", equalTo(60));
        // an edit made on the old version is refused, and changes nothing
        given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"capacity\": 70}").when().patch("/api/events/" + id).then().statusCode(412);
        given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON).header("If-Match", "nonsense")
                .body("{\"capacity\": 70}").when().patch("/api/events/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("If-Match"));
        given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON)
                .body("{\"endsAt\": \"2020-01-01T10:00:00Z\"}").when().patch("/api/events/" + id).then()
                .statusCode(400).body("errors[0].field", equalTo("endsAt"));
        given().when().get("/api/events/" + id).then().body("capacity", equalTo(60)).body("version", nullValue());
        // only the organising anchor's buyers and admins
        given().auth().oauth2(Tokens.ofNewBuyer("wwl-nhs")).contentType(ContentType.JSON)
                .body("{\"capacity\": 5}").when().patch("/api/events/" + id).then().statusCode(403);
        given().auth().oauth2(Tokens.of("supplier1")).contentType(ContentType.JSON)
                .body("{\"capacity\": 5}").when().patch("/api/events/" + id).then().statusCode(403);
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body("{\"title\": \"Changed by an admin\"}").when().patch("/api/events/" + id).then()
                .statusCode(200).body("title", equalTo("Changed by an admin"));
    }

    @Test
    void shouldCancelOnceWithAReason() {
        String id = given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON)
                .body(draft("Cancelling " + System.nanoTime(), inDays(20), 50)).when().post("/api/events")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON).body("{\"reason\": \"\"}")
                .when().post("/api/events/" + id + "/cancellation").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(Tokens.of("supplier1")).contentType(ContentType.JSON)
                .body("{\"reason\": \"Venue flooded\"}").when().post("/api/events/" + id + "/cancellation").then()
                .statusCode(403);
        given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON)
                .body("{\"reason\": \"Venue flooded\"}").when().post("/api/events/" + id + "/cancellation").then()
                .statusCode(200).body("status", equalTo("CANCELLED")).body("cancellationReason", equalTo("Venue flooded"))
                .body("registrationOpen", equalTo(false));
        given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON)
                .body("{\"reason\": \"Again\"}").when().post("/api/events/" + id + "/cancellation").then()
                .statusCode(409);
        given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON)
                .body("{\"capacity\": 10}").when().patch("/api/events/" + id).then().statusCode(409);
    }
}
