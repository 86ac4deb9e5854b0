package org.anchormarket.events.rest;

import static io.restassured.RestAssured.given;
import static org.anchormarket.events.support.EventCalls.cancel;
import static org.anchormarket.events.support.EventCalls.event;
import static org.anchormarket.events.support.EventCalls.register;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.anchormarket.events.support.EventCalls;
import org.anchormarket.events.support.Parties;
import org.anchormarket.events.support.Parties.Member;
import org.anchormarket.events.support.TestClock;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The people registered are emailed what stands, at the addresses given when registering: a place with its check-in
 * code, the waitlist, a place that came free, their registration cancelled, the event moved or cancelled. A request
 * refused sends nothing; a change of description tells nobody. (The sender's own rules: MailSenderTest.)
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class RegistrantEmailsTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    EntityManager em;

    @BeforeEach
    void anchors() {
        Parties.demoAnchors();
    }

    @Test
    void shouldTellRegistrantsOfTheirPlaceTheWaitlistAPromotionAMoveAndTheCancellation() {
        String ann = "Ann " + letters();
        String bev = "Bev " + letters();
        String cy = "Cy " + letters();
        String event = event(1, 1);
        String title = given().get("/api/events/" + event).then().extract().path("title");
        Member a = Parties.supplier("Ince Joinery Ltd");
        Member b = Parties.supplier("Pemberton Print Ltd");
        Member c = Parties.supplier("Standish Cleaning CIC");

        String ra = register(a.token(), event, ann).statusCode(201).extract().path("id");
        String code = given().auth().oauth2(a.token()).get("/api/events/" + event + "/registrations/" + ra).then()
                .extract().path("checkInCode");
        Mail placed = onlyMailTo(ann);
        assertEquals("Your place at " + title + " is confirmed", placed.getSubject());
        assertTrue(placed.getText().startsWith("Dear " + ann + ",") && placed.getText().contains("Check-in code: "
                + code) && placed.getText().contains("Where: Wigan Life Centre"), placed.getText());
        assertTrue(placed.getText().contains("http://127.0.0.1:8080/app/events/" + event), placed.getText());

        String rb = register(b.token(), event, bev).statusCode(201).extract().path("id");
        Mail waiting = onlyMailTo(bev);
        assertEquals("You are on the waitlist for " + title, waiting.getSubject());
        assertTrue(waiting.getText().contains("number 1"), waiting.getText());
        // A refused request sends nothing: the organisation is registered already
        register(b.token(), event, cy).statusCode(409);
        register(c.token(), event, cy, cy).statusCode(400); // the same person twice

        cancel(a.token(), event, ra);
        await().atMost(Duration.ofSeconds(20)).until(() -> mails(ann).size() == 2 && mails(bev).size() == 2);
        assertEquals("Your registration for " + title + " is cancelled", mails(ann).get(1).getSubject());
        Mail promoted = mails(bev).get(1);
        assertEquals("A place came free: you are going to " + title, promoted.getSubject());
        String bevCode = given().auth().oauth2(b.token()).get("/api/events/" + event + "/registrations/" + rb)
                .then().extract().path("checkInCode");
        assertTrue(promoted.getText().contains("Check-in code: " + bevCode), promoted.getText());

        // A change of the description tells nobody; a move in time tells those still registered
        patch(event, "{\"description\": \"Bring your questions\"}");
        Instant later = TestClock.now().plus(11, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        patch(event, "{\"startsAt\": \"%s\", \"endsAt\": \"%s\", \"registrationClosesAt\": \"%s\"}".formatted(later,
                later.plus(3, ChronoUnit.HOURS), later));
        await().atMost(Duration.ofSeconds(20)).until(() -> mails(bev).size() == 3);
        assertEquals(title + " has changed", mails(bev).get(2).getSubject());
        assertTrue(mails(bev).get(2).getText().contains(java.time.format.DateTimeFormatter
                .ofPattern("EEEE d MMMM yyyy 'at' h:mma", java.util.Locale.UK)
                .format(later.atZone(java.time.ZoneId.of("Europe/London")))), mails(bev).get(2).getText());

        given().auth().oauth2(Tokens.of(EventCalls.BUYER)).contentType(ContentType.JSON)
                .body("{\"reason\": \"The venue flooded\"}").post("/api/events/" + event + "/cancellation").then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> mails(bev).size() == 4);
        assertEquals(title + " is cancelled", mails(bev).get(3).getSubject());
        assertTrue(mails(bev).get(3).getText().contains("The venue flooded"), mails(bev).get(3).getText());

        // Nothing more for those no longer registered, and nothing ever for the refused
        assertEquals(2, mails(ann).size(), "the cancelled registration is not told of the move or the cancellation");
        assertEquals(0, mails(cy).size());
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from mail_outbox where to_address = ?1 and "
                        + "(status is null or status <> 'SENT')").setParameter(1, address(bev))
                        .getSingleResult()).intValue() == 0));
    }

    private void patch(String event, String body) {
        given().auth().oauth2(Tokens.of(EventCalls.BUYER)).contentType(ContentType.JSON).body(body)
                .patch("/api/events/" + event).then().statusCode(200);
    }

    private Mail onlyMailTo(String name) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !mails(name).isEmpty());
        assertEquals(1, mails(name).size(), "one email for one registration");
        return mails(name).get(0);
    }

    private List<Mail> mails(String name) {
        List<Mail> sent = mailbox.getMailsSentTo(address(name));
        return sent == null ? List.of() : sent;
    }

    /** As EventCalls.people writes it. */
    private static String address(String name) {
        return name.toLowerCase().replaceAll("[^a-z]", "") + "@example.org";
    }

    private static String letters() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }
}
