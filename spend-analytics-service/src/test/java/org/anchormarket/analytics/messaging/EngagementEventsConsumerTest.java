package org.anchormarket.analytics.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.testing.CloudEventRecords;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Who came to events (AttendanceRecorded on anchor.engagement) is the funnel's attended stage, for the organising
 * anchor and every anchor attending; each stage after it says how many of its organisations came. A no-show who
 * checks in late counts as attended, and the no-show replayed after that changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class EngagementEventsConsumerTest {

    @Inject
    EntityManager em;

    @Test
    void shouldCountWhoCameToEventsAndFollowThemToBids() {
        String organiser = KnownAnchors.create();
        String attending = KnownAnchors.create();
        String other = KnownAnchors.create();
        UUID event = UUID.randomUUID();
        UUID came = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        UUID stayedAway = UUID.randomUUID();
        UUID lastOne = UUID.randomUUID();
        UUID lateRegistration = UUID.randomUUID();
        String key = event.toString();

        CloudEventRecords.send(Topics.ENGAGEMENT, key, 1, Topics.EventTypes.REGISTRATION_CONFIRMED, """
                {"eventId":"%s","registrationId":"%s","supplierId":"%s"}""".formatted(event, UUID.randomUUID(), came));
        CloudEventRecords.send(Topics.ENGAGEMENT, key, 2, Topics.EventTypes.ATTENDANCE_RECORDED,
                attendance(event, UUID.randomUUID(), came, organiser, attending, "ATTENDED", "2026-05-12T09:05:00Z"));
        String noShow = attendance(event, lateRegistration, late, organiser, attending, "NO_SHOW",
                "2026-05-12T10:00:00Z");
        CloudEventRecords.send(Topics.ENGAGEMENT, key, 3, Topics.EventTypes.ATTENDANCE_RECORDED, noShow);
        CloudEventRecords.send(Topics.ENGAGEMENT, key, 4, Topics.EventTypes.ATTENDANCE_RECORDED,
                attendance(event, lateRegistration, late, organiser, attending, "ATTENDED", "2026-05-12T10:40:00Z"));
        CloudEventRecords.send(Topics.ENGAGEMENT, key, 5, Topics.EventTypes.ATTENDANCE_RECORDED,
                attendance(event, UUID.randomUUID(), stayedAway, organiser, attending, "NO_SHOW",
                        "2026-05-12T10:00:00Z"));
        // The no-show replayed from the dead letters after the late check-in that followed it
        CloudEventRecords.send(Topics.ENGAGEMENT, key, 3, Topics.EventTypes.ATTENDANCE_RECORDED, noShow);
        // Read last of this event's messages (one key, one partition, in order): once it is in, so is all the rest
        CloudEventRecords.send(Topics.ENGAGEMENT, key, 6, Topics.EventTypes.ATTENDANCE_RECORDED,
                attendance(event, UUID.randomUUID(), lastOne, organiser, attending, "ATTENDED",
                        "2026-05-12T11:00:00Z"));
        UUID tender = UUID.randomUUID();
        CloudEventRecords.send(Topics.TENDERS, tender.toString(), 2, Topics.EventTypes.TENDER_CLOSED, """
                {"tenderId":"%1$s","anchorId":"%2$s","status":"CLOSED","bids":2,"closedAt":"2026-06-20T12:00:00Z",
                 "bidders":[{"lotId":"%1$s","supplierId":"%3$s"},{"lotId":"%1$s","supplierId":"%4$s"}]}"""
                .formatted(tender, organiser, came, stayedAway));

        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                count("select count(*) from event_attendance where supplier_id = ?1", lastOne) == 2
                        && count("select count(*) from tender_bidder where tender_id = ?1", tender) == 2));
        assertEquals(2, count("select count(*) from event_attendance where registration_id = ?1 and attended",
                lateRegistration), "the late check-in stands for both anchors at the event");

        JsonPath ours = funnel("leader1", organiser, "2026-04-01", "2027-03-31");
        assertEquals(true, ours.getBoolean(stage("ATTENDED") + ".available"));
        assertEquals(3, ours.getInt(stage("ATTENDED") + ".organisations"), "came, came late and the last one");
        assertEquals(3, ours.getInt(stage("ATTENDED") + ".attendedOrganisations"));
        assertEquals(2, ours.getInt(stage("BID") + ".organisations"));
        assertEquals(1, ours.getInt(stage("BID") + ".attendedOrganisations"), "of the two bidders, one came");
        assertEquals(0, ours.getInt(stage("WON") + ".attendedOrganisations"));
        // An anchor attending the event met the same people
        JsonPath theirs = funnel("leader1", attending, "2026-04-01", "2027-03-31");
        assertEquals(3, theirs.getInt(stage("ATTENDED") + ".organisations"));
        assertEquals(0, theirs.getInt(stage("BID") + ".organisations"), "the tender was the organiser's");
        // Not at an event of this anchor, nor in an earlier period
        assertEquals(0, funnel("leader1", other, "2026-04-01", "2027-03-31")
                .getInt(stage("ATTENDED") + ".organisations"));
        assertEquals(0, funnel("leader1", organiser, "2025-04-01", "2026-03-31")
                .getInt(stage("ATTENDED") + ".organisations"));
        // A buyer of another anchor may not ask for it
        given().auth().oauth2(Tokens.of("buyer1")).queryParam("anchor", organiser).get("/api/reports/funnel").then()
                .statusCode(403);
        String csv = given().auth().oauth2(Tokens.of("leader1")).queryParam("anchor", organiser)
                .queryParam("from", "2026-04-01").queryParam("to", "2027-03-31").accept("text/csv")
                .get("/api/reports/funnel").then().statusCode(200).extract().asString();
        assertTrue(csv.lines().findFirst().orElseThrow().endsWith(",attendedOrganisations"), csv);
        assertTrue(csv.contains("\nBID,Bid for a tender,true,2,") && csv.lines().anyMatch(l -> l.startsWith("BID,")
                && l.endsWith(",1")), csv);
    }

    private static String stage(String name) {
        return "stages.find { it.stage == '" + name + "' }";
    }

    private static JsonPath funnel(String user, String anchor, String from, String to) {
        return given().auth().oauth2(Tokens.of(user)).queryParam("anchor", anchor).queryParam("from", from)
                .queryParam("to", to).get("/api/reports/funnel").then().statusCode(200).extract().jsonPath();
    }

    private static String attendance(UUID event, UUID registration, UUID supplier, String anchor, String attending,
            String attendance, String at) {
        return """
                {"eventId":"%s","registrationId":"%s","supplierId":"%s","eventKind":"MEET_THE_BUYER","anchorId":"%s",
                 "anchors":["%s","%s"],"attendance":"%s","recordedAt":"%s"}"""
                .formatted(event, registration, supplier, anchor, anchor, attending, attendance, at);
    }

    private int count(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, id)
                .getSingleResult()).intValue());
    }
}
