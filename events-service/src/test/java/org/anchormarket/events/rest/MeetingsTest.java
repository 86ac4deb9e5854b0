package org.anchormarket.events.rest;

import static io.restassured.RestAssured.given;
import static org.anchormarket.events.support.EventCalls.register;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.anchormarket.events.support.Parties;
import org.anchormarket.events.support.Parties.Member;
import org.anchormarket.events.support.TestClock;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Buyers' tables of 1:1 slots, suppliers' requests, buyers' decisions, and the calendar of it all. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class MeetingsTest {

    private Instant start;
    private String event;

    @BeforeEach
    void meetTheBuyer() {
        Parties.demoAnchors();
        Parties.anchor("gmp", "Greater Manchester Police");
        start = TestClock.now().plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        event = given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON).body("""
                {"title": "Meet the buyers %s", "kind": "MEET_THE_BUYER", "startsAt": "%s", "endsAt": "%s",
                 "venue": "Robin Park Arena", "town": "Wigan", "capacity": 50, "seatsPerOrganisation": 1,
                 "anchors": ["wwl-nhs"]}""".formatted(UUID.randomUUID(), start, start.plus(4, ChronoUnit.HOURS)))
                .when().post("/api/events").then().statusCode(201).extract().path("id");
    }

    private ValidatableResponse table(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when()
                .post("/api/events/" + event + "/tables").then();
    }

    private String tableBody(Instant from, Instant to, int minutes) {
        return "{\"host\": \"Facilities team\", \"startsAt\": \"%s\", \"endsAt\": \"%s\", \"slotMinutes\": %d}"
                .formatted(from, to, minutes);
    }

    private ValidatableResponse ask(String token, String slotId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"slotId\": \"" + slotId + "\", \"agenda\": \"Our kitchens\"}").when()
                .post("/api/events/" + event + "/meetings").then();
    }

    private ValidatableResponse decide(String token, String meetingId, String decision) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"decision\": \"" + decision + "\", \"note\": \"See you there\"}").when()
                .post("/api/events/" + event + "/meetings/" + meetingId + "/decision").then();
    }

    @Test
    void shouldLetConfirmedSuppliersBookFreeSlotsThatBuyersAcceptOrDecline() {
        String buyer = Tokens.of("buyer1");
        String nhsBuyer = Tokens.ofNewBuyer("wwl-nhs");
        List<String> slots = table(buyer, tableBody(start.plus(1, ChronoUnit.HOURS), start.plus(2, ChronoUnit.HOURS),
                20)).statusCode(201).body("anchor", equalTo("wigan-council")).body("anchorName", equalTo("Wigan Council"))
                .body("slots.size()", equalTo(3)).body("slots[0].free", equalTo(true)).extract().path("slots.id");
        List<String> nhsSlots = table(nhsBuyer, tableBody(start.plus(1, ChronoUnit.HOURS),
                start.plus(2, ChronoUnit.HOURS), 30)).statusCode(201).body("slots.size()", equalTo(2))
                .extract().path("slots.id");
        // who may open tables, and where
        table(Tokens.ofNewBuyer("gmp"), tableBody(start, start.plus(1, ChronoUnit.HOURS), 15)).statusCode(403);
        table(Tokens.of("supplier1"), tableBody(start, start.plus(1, ChronoUnit.HOURS), 15)).statusCode(403);
        table(Tokens.of("admin1"), tableBody(start, start.plus(1, ChronoUnit.HOURS), 15)).statusCode(400)
                .body("errors[0].field", equalTo("anchor"));
        table(buyer, tableBody(start.minus(1, ChronoUnit.HOURS), start.plus(9, ChronoUnit.HOURS), 15)).statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("startsAt", "endsAt"));
        table(buyer, tableBody(start, start.plus(10, ChronoUnit.MINUTES), 15)).statusCode(400)
                .body("errors[0].field", equalTo("endsAt"));

        Member a = Parties.supplier("Marsh Green Cleaning Ltd");
        Member b = Parties.supplier("Worsley Mesnes Builders Ltd");
        Member unregistered = Parties.supplier("Not Coming Ltd");
        register(a.token(), event, "Alice Marsh").statusCode(201);
        register(b.token(), event, "Bob Worsley").statusCode(201);

        String m1 = ask(a.token(), slots.get(0)).statusCode(201).body("status", equalTo("REQUESTED"))
                .body("host", equalTo("Facilities team")).body("organisationName", equalTo("Marsh Green Cleaning Ltd"))
                .extract().path("id");
        ask(b.token(), slots.get(0)).statusCode(409).body("errors[0].field", equalTo("slotId")); // taken
        ask(a.token(), nhsSlots.get(0)).statusCode(409); // the same time as its first: never two at once
        ask(unregistered.token(), slots.get(1)).statusCode(409); // no confirmed place
        ask(a.token(), UUID.randomUUID().toString()).statusCode(404).body("errors[0].field", equalTo("slotId"));
        ask(Tokens.of("buyer1"), slots.get(1)).statusCode(403);
        given().when().get("/api/events/" + event + "/slots").then().statusCode(200)
                .body("id", not(hasItem(slots.get(0)))).body("id", hasItem(slots.get(1)));
        given().when().get("/api/events/" + event + "/slots?anchor=wwl-nhs").then().statusCode(200)
                .body("anchor", not(hasItem("wigan-council")));

        decide(nhsBuyer, m1, "ACCEPT").statusCode(403); // not its table
        decide(buyer, m1, "ACCEPT").statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("note", equalTo("See you there"));
        decide(buyer, m1, "ACCEPT").statusCode(200);
        decide(buyer, m1, "DECLINE").statusCode(409);

        String m2 = ask(b.token(), slots.get(1)).statusCode(201).extract().path("id");
        decide(buyer, m2, "DECLINE").statusCode(200).body("status", equalTo("DECLINED"));
        given().when().get("/api/events/" + event + "/slots").then().body("id", hasItem(slots.get(1)));
        String m3 = ask(b.token(), nhsSlots.get(1)).statusCode(201).extract().path("id");

        given().auth().oauth2(a.token()).when().get("/api/events/" + event + "/meetings").then().statusCode(200)
                .body("id", equalTo(List.of(m1)));
        given().auth().oauth2(buyer).when().get("/api/events/" + event + "/meetings").then().statusCode(200)
                .body("id", equalTo(List.of(m1, m2)));
        given().auth().oauth2(nhsBuyer).when().get("/api/events/" + event + "/meetings").then().statusCode(200)
                .body("id", equalTo(List.of(m3)));

        // the calendars: the supplier's place and meeting, the buyer's event and meeting, in UK time
        String ics = given().auth().oauth2(a.token()).when().get("/api/events/schedule.ics").then().statusCode(200)
                .contentType(containsString("text/calendar")).extract().asString();
        assertTrue(ics.startsWith("BEGIN:VCALENDAR"), ics);
        assertTrue(ics.contains("BEGIN:VTIMEZONE") && ics.contains("TZID:Europe/London"), ics);
        assertTrue(ics.contains("DTSTART;TZID=Europe/London:"), ics);
        assertEquals(2, ics.split("BEGIN:VEVENT", -1).length - 1, ics);
        assertTrue(ics.contains("Meeting: Facilities team (Wigan Council)"), ics);
        String buyers = given().auth().oauth2(buyer).when().get("/api/events/schedule.ics").then().statusCode(200)
                .extract().asString();
        assertTrue(buyers.contains("UID:event-" + event + "@anchormarket"), buyers);
        assertTrue(buyers.contains("Meeting: Marsh Green Cleaning Ltd"), buyers);
        given().auth().oauth2(Tokens.of("leader1")).when().get("/api/events/schedule.ics").then().statusCode(403);
        given().when().get("/api/events/schedule.ics").then().statusCode(401);

        // a registration given up takes its meetings with it
        String ra = given().auth().oauth2(a.token()).when().get("/api/events/" + event).then()
                .extract().path("myRegistration.id");
        given().auth().oauth2(a.token()).when().delete("/api/events/" + event + "/registrations/" + ra).then()
                .statusCode(204);
        given().auth().oauth2(buyer).when().get("/api/events/" + event + "/meetings").then()
                .body("find { it.id == '" + m1 + "' }.status", equalTo("CANCELLED"));
        given().when().get("/api/events/" + event + "/slots").then().body("id", hasItem(slots.get(0)));
        // a supplier cancels its own meeting; another's it may not
        given().auth().oauth2(a.token()).when().delete("/api/events/" + event + "/meetings/" + m3).then()
                .statusCode(403);
        given().auth().oauth2(b.token()).when().delete("/api/events/" + event + "/meetings/" + m3).then()
                .statusCode(204);
    }

    @Test
    void shouldRankTheAttendingBuyersByHowWellTheirWorkMatchesTheSuppliersCategories() {
        // Parties.supplier works in 45210000 (building construction)
        Member supplier = Parties.supplier("Hindley Builders Ltd");
        UUID nhsTender = UUID.randomUUID();
        UUID councilPlan = UUID.randomUUID();
        UUID councilMeals = UUID.randomUUID();
        tenderMessage(nhsTender, org.anchormarket.contracts.messaging.Topics.EventTypes.TENDER_PUBLISHED, """
                {"tenderId":"%s","anchorId":"wwl-nhs","title":"New outpatients wing","contractType":"WORKS",
                 "cpvCodes":["45215140"],"reservation":"NONE","submissionDeadline":"%s","lots":[],
                 "publishedAt":"%s"}""".formatted(nhsTender, start, Instant.now()));
        tenderMessage(councilPlan, org.anchormarket.contracts.messaging.Topics.EventTypes.PIPELINE_ITEM_ANNOUNCED, """
                {"pipelineItemId":"%s","anchorId":"wigan-council","title":"Site clearance","cpvCodes":["45100000"],
                 "expectedPublication":"2027-06-01","announcedAt":"%s"}""".formatted(councilPlan, Instant.now()));
        tenderMessage(councilMeals, org.anchormarket.contracts.messaging.Topics.EventTypes.TENDER_PUBLISHED, """
                {"tenderId":"%s","anchorId":"wigan-council","title":"School meals","contractType":"SERVICES",
                 "cpvCodes":["55520000"],"reservation":"NONE","submissionDeadline":"%s","lots":[],
                 "publishedAt":"%s"}""".formatted(councilMeals, start, Instant.now()));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                        org.anchormarket.events.domain.AnchorWork.count("id in ?1",
                                List.of(nhsTender, councilPlan, councilMeals)) == 3));
        given().auth().oauth2(supplier.token()).when().get("/api/events/" + event + "/suggestions").then()
                .statusCode(200).body("anchor", equalTo(List.of("wwl-nhs", "wigan-council")))
                .body("[0].score", equalTo(3)).body("[0].matches[0].title", equalTo("New outpatients wing"))
                .body("[1].score", equalTo(1)).body("[1].matches.title", equalTo(List.of("Site clearance")));
        given().auth().oauth2(supplier.token()).when().get("/api/events/" + event + "/meetings/" + UUID.randomUUID())
                .then().statusCode(404);
        // the plan tendered and the tender closed: neither counts any more
        UUID tendered = UUID.randomUUID();
        tenderMessage(tendered, org.anchormarket.contracts.messaging.Topics.EventTypes.TENDER_PUBLISHED, """
                {"tenderId":"%s","anchorId":"wigan-council","title":"Site clearance","contractType":"WORKS",
                 "cpvCodes":["45100000"],"reservation":"NONE","submissionDeadline":"%s","lots":[],
                 "pipelineItemId":"%s","publishedAt":"%s"}""".formatted(tendered, start, councilPlan, Instant.now()));
        tenderMessage(nhsTender, org.anchormarket.contracts.messaging.Topics.EventTypes.TENDER_CLOSED, 2, """
                {"tenderId":"%s","anchorId":"wwl-nhs","status":"CLOSED","closedAt":"%s"}"""
                .formatted(nhsTender, Instant.now()));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                        !org.anchormarket.events.domain.AnchorWork.<org.anchormarket.events.domain.AnchorWork>findById(
                                nhsTender).open && org.anchormarket.events.domain.AnchorWork.count("id", tendered) == 1));
        given().auth().oauth2(supplier.token()).when().get("/api/events/" + event + "/suggestions").then()
                .statusCode(200).body("anchor", equalTo(List.of("wigan-council", "wwl-nhs")))
                .body("[0].matches.kind", equalTo(List.of("TENDER"))).body("[1].score", equalTo(0));
        given().auth().oauth2(Tokens.of("buyer1")).when().get("/api/events/" + event + "/suggestions").then()
                .statusCode(403);
    }

    private static void tenderMessage(UUID key, String type, String data) {
        tenderMessage(key, type, 1, data);
    }

    private static void tenderMessage(UUID key, String type, long version, String data) {
        org.anchormarket.testing.CloudEventRecords.send(org.anchormarket.contracts.messaging.Topics.TENDERS,
                key.toString(), version, type, data);
    }

    @Test
    void shouldGiveARacedSlotToOneSupplierOnly() throws Exception {
        String slot = table(Tokens.of("buyer1"), tableBody(start, start.plus(15, ChronoUnit.MINUTES), 15))
                .statusCode(201).extract().path("slots[0].id");
        List<Member> crowd = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Member m = Parties.supplier("Racer " + i + " Ltd");
            register(m.token(), event, "Runner " + i).statusCode(201);
            crowd.add(m);
        }
        ExecutorService pool = Executors.newFixedThreadPool(crowd.size());
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (Member m : crowd) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return ask(m.token(), slot).extract().statusCode();
            }, pool));
        }
        go.countDown();
        List<Integer> codes = new ArrayList<>();
        for (var answer : answers) {
            codes.add(answer.get());
        }
        pool.shutdown();
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
        assertEquals(crowd.size() - 1, codes.stream().filter(c -> c == 409).count(), codes.toString());
    }
}
