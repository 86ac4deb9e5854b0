package org.anchormarket.events.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.anchormarket.testing.Tokens;

/** The events API as the tests call it: an event of wigan-council's (buyer1's), registrations, check-ins. */
public final class EventCalls {

    public static final String BUYER = "buyer1";

    private EventCalls() {
    }

    /** A new event of wigan-council's; returns its id. */
    public static String event(String kind, int capacity, int seatsPerOrganisation, Instant startsAt, Instant closesAt) {
        return given().auth().oauth2(Tokens.of(BUYER)).contentType(ContentType.JSON).body("""
                {"title": "%s %s", "kind": "%s", "startsAt": "%s", "endsAt": "%s", "venue": "Wigan Life Centre",
                 "capacity": %d, "seatsPerOrganisation": %d, "registrationClosesAt": "%s"}""".formatted(kind,
                UUID.randomUUID(), kind, startsAt, startsAt.plus(2, ChronoUnit.HOURS), capacity, seatsPerOrganisation,
                closesAt)).when().post("/api/events").then().statusCode(201).extract().path("id");
    }

    public static String event(int capacity, int seatsPerOrganisation) {
        Instant start = TestClock.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        return event("MEET_THE_BUYER", capacity, seatsPerOrganisation, start, start);
    }

    public static String people(String... names) {
        return Arrays.stream(names).map(n -> "{\"name\": \"%s\", \"email\": \"%s@example.org\"}".formatted(n,
                n.toLowerCase().replaceAll("[^a-z]", ""))).collect(Collectors.joining(",", "[", "]"));
    }

    public static ValidatableResponse register(String token, String eventId, String... names) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"attendees\": " + people(names) + "}").when()
                .post("/api/events/" + eventId + "/registrations").then();
    }

    public static JsonPath registration(String token, String eventId, String id) {
        return given().auth().oauth2(token).when().get("/api/events/" + eventId + "/registrations/" + id).then()
                .statusCode(200).extract().jsonPath();
    }

    public static void cancel(String token, String eventId, String id) {
        given().auth().oauth2(token).when().delete("/api/events/" + eventId + "/registrations/" + id).then()
                .statusCode(204);
    }


    public static ValidatableResponse checkIn(String token, String eventId, String code) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"checkInCode\": \"" + code + "\"}")
                .when().post("/api/events/" + eventId + "/check-ins").then();
    }
}
