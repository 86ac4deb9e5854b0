package org.anchormarket.events.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.anchormarket.contracts.messaging.Topics;
import static org.anchormarket.events.support.EventCalls.cancel;
import static org.anchormarket.events.support.EventCalls.checkIn;
import static org.anchormarket.events.support.EventCalls.event;
import static org.anchormarket.events.support.EventCalls.people;
import static org.anchormarket.events.support.EventCalls.register;
import static org.anchormarket.events.support.EventCalls.registration;

import org.anchormarket.events.support.EventCalls;
import org.anchormarket.events.support.Parties;
import org.anchormarket.events.support.Parties.Member;
import org.anchormarket.events.support.TestClock;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.TopicRecords;
import org.anchormarket.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registering for events, the waitlist, cancelling, check-in, no-shows and what comes of it, with real tokens. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class RegistrationTest {

    private static final String BUYER = EventCalls.BUYER;

    @BeforeEach
    void anchors() {
        Parties.demoAnchors();
    }

    @Test
    void shouldConfirmWhileSeatsRemainThenWaitlistInArrivalOrderAndPromoteTheFirstThatFits() {
        String event = event(3, 2);
        Member a = Parties.supplier("Ince Joinery Ltd");
        Member b = Parties.supplier("Pemberton Print Ltd");
        Member c = Parties.supplier("Standish Cleaning CIC");
        Member d = Parties.supplier("Hindley Catering Ltd");

        String ra = register(a.token(), event, "Ann Ashton", "Alan Ashton").statusCode(201)
                .header("Location", containsString("/api/events/" + event + "/registrations/"))
                .body("status", equalTo("CONFIRMED")).body("seats", equalTo(2)).body("waitlistPosition", nullValue())
                .body("organisationName", equalTo("Ince Joinery Ltd")).body("checkInCode", org.hamcrest.Matchers
                        .matchesPattern("[A-Z2-9]{8}")).extract().path("id");
        String rb = register(b.token(), event, "Bev Booth", "Bill Booth").statusCode(201)
                .body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1)).extract().path("id");
        // one seat is left: a registration of one person fits, though another waits before it
        String rc = register(c.token(), event, "Cath Crook").statusCode(201).body("status", equalTo("CONFIRMED"))
                .extract().path("id");
        String rd = register(d.token(), event, "Dan Dean").statusCode(201).body("status", equalTo("WAITLISTED"))
                .body("waitlistPosition", equalTo(2)).extract().path("id");
        given().when().get("/api/events/" + event).then().body("seatsTaken", equalTo(3)).body("seatsLeft", equalTo(0))
                .body("waitlistLength", equalTo(2));

        // an organisation registers once; no more people than the event allows; nobody twice
        register(a.token(), event, "Ann Other").statusCode(409).contentType("application/problem+json");
        Member e = Parties.supplier("Leigh Lifts Ltd");
        register(e.token(), event, "Eve Eccles", "Ed Eccles", "Em Eccles").statusCode(400)
                .body("errors[0].field", equalTo("attendees"));
        given().auth().oauth2(e.token()).contentType(ContentType.JSON).body("""
                {"attendees": [{"name": "Eve", "email": "eve@example.org"}, {"name": "E", "email": "EVE@example.org"}]}""")
                .when().post("/api/events/" + event + "/registrations").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("attendees.name[1]"));
        // bean validation found the short name first; with every name long enough, the repeated address is named
        given().auth().oauth2(e.token()).contentType(ContentType.JSON).body("""
                {"attendees": [{"name": "Eve", "email": "eve@example.org"}, {"name": "Em", "email": "EVE@example.org"}]}""")
                .when().post("/api/events/" + event + "/registrations").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("attendees.email[1]"));
        given().auth().oauth2(e.token()).contentType(ContentType.JSON)
                .body("{\"attendees\": [{\"name\": \"Eve Eccles\", \"email\": \"not an address\"}]}")
                .when().post("/api/events/" + event + "/registrations").then().statusCode(400)
                .body("errors[0].field", equalTo("attendees.email[0]"));
        given().when().get("/api/events/" + event).then().body("waitlistLength", equalTo(2));

        // two seats free: the first in line (two people) takes them; the next keeps waiting, now first
        cancel(a.token(), event, ra);
        assertEquals("CONFIRMED", registration(b.token(), event, rb).getString("status"));
        assertEquals(1, registration(d.token(), event, rd).getInt("waitlistPosition"));
        cancel(c.token(), event, rc);
        assertEquals("CONFIRMED", registration(d.token(), event, rd).getString("status"));
        cancel(a.token(), event, ra); // cancelling twice is cancelling once
        given().when().get("/api/events/" + event).then().body("seatsTaken", equalTo(3))
                .body("waitlistLength", equalTo(0));
        assertEquals("CANCELLED", registration(a.token(), event, ra).getString("status"));

        ConsumerRecord<String, String> promoted = TopicRecords.await(Topics.ENGAGEMENT,
                TopicRecords.keyAndType(event, Topics.EventTypes.REGISTRATION_CONFIRMED)
                        .and(r -> r.value().contains(rb)), Duration.ofSeconds(30));
        assertTrue(promoted.value().contains("\"promoted\":true"), promoted.value());
        ConsumerRecord<String, String> cancelled = TopicRecords.await(Topics.ENGAGEMENT,
                TopicRecords.keyAndType(event, Topics.EventTypes.REGISTRATION_CANCELLED)
                        .and(r -> r.value().contains(ra)), Duration.ofSeconds(30));
        assertTrue(cancelled.value().contains("\"wasConfirmed\":true"), cancelled.value());
    }

    @Test
    void shouldLetOnlyTheOrganisationItsOrganisersAndAdminsSeeOrChangeARegistration() {
        String event = event(10, 2);
        Member a = Parties.supplier("Orrell Plumbing Ltd");
        Member other = Parties.supplier("Aspull Glazing Ltd");
        String ra = register(a.token(), event, "Olive Orrell").statusCode(201).extract().path("id");

        given().contentType(ContentType.JSON).body("{\"attendees\": " + people("Anon Ymous") + "}")
                .when().post("/api/events/" + event + "/registrations").then().statusCode(401);
        given().auth().oauth2(other.token()).when().get("/api/events/" + event + "/registrations/" + ra).then()
                .statusCode(403);
        given().auth().oauth2(other.token()).when().delete("/api/events/" + event + "/registrations/" + ra).then()
                .statusCode(403);
        given().auth().oauth2(other.token()).when().get("/api/events/" + event + "/registrations").then()
                .statusCode(403);
        given().auth().oauth2(Tokens.ofNewBuyer("wwl-nhs")).when().get("/api/events/" + event + "/registrations")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.of(BUYER)).when().get("/api/events/" + event + "/registrations/" + ra).then()
                .statusCode(200).body("organisationName", equalTo("Orrell Plumbing Ltd"));
        // the registration is the event's: another event's id does not reach it
        given().auth().oauth2(Tokens.of(BUYER)).when().get("/api/events/" + event(5, 1) + "/registrations/" + ra)
                .then().statusCode(404);
        // a user acting for no organisation, a rejected organisation, a buyer
        register(Tokens.ofNewUser("supplier"), event, "Nobody Known").statusCode(403);
        register(Parties.supplier("Rejected Ventures Ltd", "REJECTED").token(), event, "Ray Reject").statusCode(403);
        register(Tokens.of(BUYER), event, "Bob Buyer").statusCode(403);
        // a supplier registers its own organisation only
        given().auth().oauth2(other.token()).contentType(ContentType.JSON)
                .body("{\"supplierId\": \"" + a.supplierId() + "\", \"attendees\": " + people("Sneaky Pete") + "}")
                .when().post("/api/events/" + event + "/registrations").then().statusCode(403)
                .body("errors[0].field", equalTo("supplierId"));

        // an admin registers any organisation known here (by phone), naming it
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body("{\"supplierId\": \"" + other.supplierId() + "\", \"attendees\": " + people("Al Aspull") + "}")
                .when().post("/api/events/" + event + "/registrations").then().statusCode(201)
                .body("organisationName", equalTo("Aspull Glazing Ltd"));
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body("{\"attendees\": " + people("Al Aspull") + "}")
                .when().post("/api/events/" + event + "/registrations").then().statusCode(400)
                .body("errors[0].field", equalTo("supplierId"));
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body("{\"supplierId\": \"" + UUID.randomUUID() + "\", \"attendees\": " + people("Al Aspull") + "}")
                .when().post("/api/events/" + event + "/registrations").then().statusCode(400)
                .body("errors[0].field", equalTo("supplierId"));

        // the organisation sees its registration on the event and among its own
        given().auth().oauth2(a.token()).when().get("/api/events/" + event).then().statusCode(200)
                .body("myRegistration.id", equalTo(ra)).body("myRegistration.status", equalTo("CONFIRMED"));
        given().auth().oauth2(a.token()).when().get("/api/registrations/mine").then().statusCode(200)
                .body("registration.id", hasItem(ra)).body("event.id", hasItem(event));
        given().auth().oauth2(other.token()).when().get("/api/registrations/mine").then().statusCode(200)
                .body("registration.id", not(hasItem(ra)));
        given().auth().oauth2(Tokens.of(BUYER)).when().get("/api/registrations/mine").then().statusCode(403);
    }

    @Test
    void shouldCloseRegistrationAtItsTimeExceptForAnAdminAtTheDoor() {
        Instant start = TestClock.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String event = event("TRAINING", 20, 1, start, TestClock.now().plus(1, ChronoUnit.HOURS));
        Member early = Parties.supplier("Early Bird Ltd");
        register(early.token(), event, "Edna Early").statusCode(201);
        TestClock.advance(Duration.ofHours(2));
        given().when().get("/api/events/" + event).then().body("registrationOpen", equalTo(false));
        Member late = Parties.supplier("Late Comer Ltd");
        register(late.token(), event, "Len Late").statusCode(409);
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body("{\"supplierId\": \"" + late.supplierId() + "\", \"attendees\": " + people("Len Late") + "}")
                .when().post("/api/events/" + event + "/registrations").then().statusCode(201)
                .body("status", equalTo("CONFIRMED"));
    }

    @Test
    void shouldCheckInOnTheDayRecordNoShowsAndExportTheAttendanceList() {
        Instant start = TestClock.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String event = event("MEET_THE_BUYER", 2, 1, start, start);
        Member a = Parties.supplier("Atherton Electrical Ltd");
        Member b = Parties.supplier("=HYPERLINK(\\\"http://evil\\\") Ltd");
        Member w = Parties.supplier("Wigan Waitlist Ltd");
        JsonPath ra = register(a.token(), event, "Amy Atherton").statusCode(201).extract().jsonPath();
        String rb = register(b.token(), event, "Ben Brown").statusCode(201).extract().path("id");
        JsonPath rw = register(w.token(), event, "Wes Wood").statusCode(201).body("status", equalTo("WAITLISTED"))
                .extract().jsonPath();
        String code = ra.getString("checkInCode");
        String buyer = Tokens.of(BUYER);

        checkIn(buyer, event, code).statusCode(409); // not the day yet
        TestClock.advanceTo(start.plus(10, ChronoUnit.MINUTES));
        // read from a badge: lower case, a dash
        String lower = code.substring(0, 4).toLowerCase() + "-" + code.substring(4).toLowerCase();
        String checkedInAt = checkIn(buyer, event, lower).statusCode(200).body("attendance", equalTo("ATTENDED"))
                .body("id", equalTo(ra.getString("id"))).extract().path("checkedInAt");
        checkIn(buyer, event, code).statusCode(200).body("checkedInAt", equalTo(checkedInAt));
        checkIn(buyer, event, "ZZZZ9999").statusCode(404).body("errors[0].field", equalTo("checkInCode"));
        checkIn(buyer, event, rw.getString("checkInCode")).statusCode(409);
        checkIn(a.token(), event, code).statusCode(403);
        checkIn(Tokens.ofNewBuyer("wwl-nhs"), event, code).statusCode(403);

        given().auth().oauth2(buyer).when().post("/api/events/" + event + "/registrations/" + rb + "/no-show")
                .then().statusCode(200).body("attendance", equalTo("NO_SHOW"));
        given().auth().oauth2(buyer).when()
                .post("/api/events/" + event + "/registrations/" + ra.getString("id") + "/no-show")
                .then().statusCode(409);
        given().auth().oauth2(buyer).when()
                .post("/api/events/" + event + "/registrations/" + rw.getString("id") + "/no-show")
                .then().statusCode(409);

        JsonPath list = given().auth().oauth2(buyer).when().get("/api/events/" + event + "/registrations").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("CONFIRMED", "CONFIRMED", "WAITLISTED"), list.getList("registrations.status"));
        assertEquals(1, list.getInt("registrations[2].waitlistPosition"));
        String csv = given().auth().oauth2(buyer).accept("text/csv").when()
                .get("/api/events/" + event + "/registrations").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("attachment"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("Organisation,Name,Email,Status,Waitlist position,Check-in code,Attendance,Checked in at,"
                + "Registered at", lines.get(0));
        assertEquals(4, lines.size(), csv);
        assertTrue(lines.get(1).startsWith("Atherton Electrical Ltd,Amy Atherton,amyatherton@example.org,CONFIRMED,,"
                + code + ",ATTENDED,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("\"'=HYPERLINK("), "a formula is disarmed: " + lines.get(2));
        assertTrue(lines.get(3).contains("WAITLISTED,1,"), lines.get(3));

        ConsumerRecord<String, String> attended = TopicRecords.await(Topics.ENGAGEMENT,
                TopicRecords.keyAndType(event, Topics.EventTypes.ATTENDANCE_RECORDED)
                        .and(r -> r.value().contains(ra.getString("id"))), Duration.ofSeconds(30));
        assertTrue(attended.value().contains("\"attendance\":\"ATTENDED\""), attended.value());
    }

    @Test
    void shouldRecordATrainingSessionsCompletionsOnceItIsOver() {
        Instant start = TestClock.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String event = event("TRAINING", 30, 2, start, start);
        Member came = Parties.supplier("Golborne Gardens CIC");
        Member absent = Parties.supplier("Tyldesley Tiles Ltd");
        JsonPath rc = register(came.token(), event, "Gail Golborne").statusCode(201).extract().jsonPath();
        String ra = register(absent.token(), event, "Tom Tyldesley").statusCode(201).extract().path("id");
        TestClock.advanceTo(start.plus(5, ChronoUnit.MINUTES));
        checkIn(Tokens.of(BUYER), event, rc.getString("checkInCode")).statusCode(200);
        TestClock.advanceTo(start.plus(3, ChronoUnit.HOURS)); // the session ended an hour ago

        ConsumerRecord<String, String> completed = TopicRecords.await(Topics.ENGAGEMENT,
                TopicRecords.keyAndType(event, Topics.EventTypes.TRAINING_COMPLETED), Duration.ofSeconds(30));
        assertTrue(completed.value().contains(rc.getString("id")), completed.value());
        assertTrue(completed.value().contains(came.supplierId().toString()), completed.value());
        // the one who did not come did not complete it; once over, registrations stand as they were
        given().auth().oauth2(absent.token()).when().delete("/api/events/" + event + "/registrations/" + ra).then()
                .statusCode(409);
    }

    @Test
    void shouldPromoteWhenSeatsAreAddedAndRefuseFewerThanAreTaken() {
        String event = event(1, 1);
        Member a = Parties.supplier("Shevington Signs Ltd");
        Member b = Parties.supplier("Abram Audio Ltd");
        register(a.token(), event, "Sue Shevington").statusCode(201).body("status", equalTo("CONFIRMED"));
        String rb = register(b.token(), event, "Abe Abram").statusCode(201).body("status", equalTo("WAITLISTED"))
                .extract().path("id");
        String buyer = Tokens.of(BUYER);
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body("{\"capacity\": 2}").when()
                .patch("/api/events/" + event).then().statusCode(200).body("seatsTaken", equalTo(2))
                .body("waitlistLength", equalTo(0));
        assertEquals("CONFIRMED", registration(b.token(), event, rb).getString("status"));
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body("{\"capacity\": 1}").when()
                .patch("/api/events/" + event).then().statusCode(409).body("errors[0].field", equalTo("capacity"));

        // cancelling the event cancels every registration, and says so
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body("{\"reason\": \"The venue flooded\"}")
                .when().post("/api/events/" + event + "/cancellation").then().statusCode(200)
                .body("seatsTaken", equalTo(0));
        assertEquals("CANCELLED", registration(b.token(), event, rb).getString("status"));
        register(Parties.supplier("Too Late Ltd").token(), event, "Tim Late").statusCode(409);
        ConsumerRecord<String, String> cancelled = TopicRecords.await(Topics.ENGAGEMENT,
                TopicRecords.keyAndType(event, Topics.EventTypes.REGISTRATION_CANCELLED)
                        .and(r -> r.value().contains(rb)), Duration.ofSeconds(30));
        assertTrue(cancelled.value().contains("\"eventCancelled\":true"), cancelled.value());
        assertTrue(cancelled.value().contains("\"reason\":\"The venue flooded\""), cancelled.value());
    }
}
