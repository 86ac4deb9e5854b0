package org.anchormarket.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.anchormarket.launcher.Platform;
import org.anchormarket.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A meet-the-buyer event and a training session through the gateway, against the running platform and its real
 * clock: a supplier registers in supplier-service (events-service learns it from anchor.suppliers), takes a place at
 * both, asks for a 1:1 meeting the buyer accepts, and is checked in; its calendar has the meeting; spend analytics
 * counts it as attended once; it is not bid-ready before a training session it came to is over.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class EventJourneyIT {

    private static Platform platform;
    private static String gateway;

    @BeforeAll
    static void usePlatform() {
        platform = SharedPlatform.platform();
        gateway = SharedPlatform.gateway();
    }

    @Test
    void shouldRunAMeetTheBuyerEventAndATrainingSessionThroughTheGateway() {
        String supplier = Tokens.fetch(platform.tokenUrl(), Tokens.newUser(platform.keycloakUrl(), "supplier"));
        String name = UUID.randomUUID().toString().substring(0, 6) + " Aspull Gardens";
        given().auth().oauth2(supplier).contentType(ContentType.JSON).body("""
                {"legalName": "%s", "organisationType": "SOLE_TRADER", "postcode": "WN2 1AA",
                 "addressLines": ["2 Haigh Road"], "employees": 2, "annualTurnover": 90000,
                 "cpvCodes": ["77310000"], "email": "hello@aspull.example"}""".formatted(name))
                .when().post(gateway + "/api/suppliers").then().statusCode(201);
        String buyer = Tokens.fetch(platform.tokenUrl(), "buyer1");
        String leader = Tokens.fetch(platform.tokenUrl(), "leader1");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        // A meet-the-buyer event later today, with a table of 1:1 slots
        Instant start = now.plus(2, ChronoUnit.HOURS);
        String event = create(buyer, "MEET_THE_BUYER", "Meet the buyers " + name, start, start.plusSeconds(3 * 3600));
        String anchor = given().get(gateway + "/api/events/" + event).then().statusCode(200).extract().path("anchor");
        int attendedBefore = attended(leader, anchor);
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body("""
                {"host": "Parks team", "startsAt": "%s", "endsAt": "%s", "slotMinutes": 20}"""
                .formatted(start, start.plusSeconds(3600))).when().post(gateway + "/api/events/" + event + "/tables")
                .then().statusCode(201);
        String code = register(supplier, event);
        String slot = given().get(gateway + "/api/events/" + event + "/slots").then().statusCode(200)
                .extract().path("[0].id");
        String meeting = given().auth().oauth2(supplier).contentType(ContentType.JSON)
                .body("{\"slotId\": \"%s\", \"agenda\": \"Grounds maintenance\"}".formatted(slot))
                .when().post(gateway + "/api/events/" + event + "/meetings").then().statusCode(201)
                .body("status", equalTo("REQUESTED")).extract().path("id");
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body("{\"decision\": \"ACCEPT\"}")
                .when().post(gateway + "/api/events/" + event + "/meetings/" + meeting + "/decision").then()
                .statusCode(200).body("status", equalTo("ACCEPTED"));
        given().auth().oauth2(supplier).when().get(gateway + "/api/events/schedule.ics").then().statusCode(200)
                .contentType(containsString("text/calendar")).body(containsString("Meeting: Parks team"));
        checkIn(buyer, event, code);

        // A training session later today (check-in opens on the day); its completion, once it is over, is journey
        // 10 of BrowserJourneysIT (it waits for a real session to end: once per run is enough)
        Instant session = start.plusSeconds(4 * 3600);
        String training = create(buyer, "TRAINING", "Bidding basics " + name, session, session.plusSeconds(3600));
        checkIn(buyer, training, register(supplier, training));
        // Came to two events of the anchor: one more organisation attended
        await().atMost(Duration.ofSeconds(30)).until(() -> attended(leader, anchor) == attendedBefore + 1);
        given().auth().oauth2(supplier).when().get(gateway + "/api/suppliers/me").then().statusCode(200)
                .body("bidReady", equalTo(false));
    }

    private static String create(String buyer, String kind, String title, Instant start, Instant end) {
        return given().auth().oauth2(buyer).contentType(ContentType.JSON).body("""
                {"kind": "%s", "title": "%s", "venue": "Wigan Life Centre", "town": "Wigan", "startsAt": "%s",
                 "endsAt": "%s", "capacity": 20, "seatsPerOrganisation": 1, "cpvCodes": ["77310000"]}"""
                .formatted(kind, title, start, end)).when().post(gateway + "/api/events").then().statusCode(201)
                .extract().path("id");
    }

    /** Registers one person, once events-service has learnt of the organisation; returns the check-in code. */
    private static String register(String supplier, String event) {
        String[] code = new String[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            var answer = given().auth().oauth2(supplier).contentType(ContentType.JSON)
                    .body("{\"attendees\": [{\"name\": \"Ada Aspull\", \"email\": \"ada@aspull.example\"}]}")
                    .when().post(gateway + "/api/events/" + event + "/registrations").then().extract();
            if (answer.statusCode() == 201) {
                code[0] = answer.path("checkInCode");
                return true;
            }
            return false;
        });
        return code[0];
    }

    private static void checkIn(String buyer, String event, String code) {
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body("{\"checkInCode\": \"%s\"}".formatted(code))
                .when().post(gateway + "/api/events/" + event + "/check-ins").then().statusCode(200)
                .body("attendance", equalTo("ATTENDED"));
    }

    private static int attended(String leader, String anchor) {
        return given().auth().oauth2(leader).queryParam("anchor", anchor).when().get(gateway + "/api/reports/funnel")
                .then().statusCode(200).extract().path("stages.find { it.stage == 'ATTENDED' }.organisations");
    }
}
