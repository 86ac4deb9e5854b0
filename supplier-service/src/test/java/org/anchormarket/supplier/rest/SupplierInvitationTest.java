package org.anchormarket.supplier.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.Duration;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.anchormarket.testing.TopicRecords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Members invite colleagues by email; an assisted registration's contact takes the organisation over. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class SupplierInvitationTest {

    @Inject
    javax.sql.DataSource dataSource;

    private static final Pattern CODE = Pattern.compile("^\\s+([A-Za-z0-9_-]{43})\\s*$", Pattern.MULTILINE);

    @Inject
    MockMailbox mailbox;

    @Inject
    EntityManager em;

    @BeforeEach
    void emptyMailbox() {
        mailbox.clear();
    }

    private static String email() {
        return "person-" + UUID.randomUUID().toString().substring(0, 8) + "@firm.example";
    }

    private String codeSentTo(String email) {
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(1, mails.size(), "one email to " + email);
        Matcher m = CODE.matcher(mails.get(0).getText());
        assertTrue(m.find(), mails.get(0).getText());
        return m.group(1);
    }

    private static ValidatableResponse invite(String token, String supplierId, String email) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("email", email))
                .when().post("/api/suppliers/" + supplierId + "/invitations").then();
    }

    private static ValidatableResponse accept(String token, String code) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("code", code))
                .when().post("/api/suppliers/invitations/acceptance").then();
    }

    @Test
    void shouldLetAMemberInviteAColleagueWhoJoinsWithTheEmailedCode() {
        String member = Tokens.ofNewUser("supplier");
        String id = given().auth().oauth2(member).contentType(ContentType.JSON).body(Registrations.valid())
                .when().post("/api/suppliers").then().statusCode(201).extract().path("id");
        String email = email();
        invite(member, id, email.toUpperCase()).statusCode(201)
                .header("Location", endsWith("/api/suppliers/" + id + "/invitations"))
                .body("email", equalTo(email))
                .body("status", equalTo("PENDING"))
                .body("expiresAt", notNullValue());
        String code = codeSentTo(email);
        assertTrue(mailbox.getMailsSentTo(email).get(0).getSubject().contains("Pemberton Joinery Ltd"));

        String colleague = Tokens.ofNewUserWithEmail("supplier", email);
        accept(colleague, code).statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(colleague).when().get("/api/suppliers/me").then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(colleague).contentType(ContentType.JSON).body(Map.of("employees", 13))
                .when().patch("/api/suppliers/" + id).then().statusCode(200);
        given().auth().oauth2(member).when().get("/api/suppliers/" + id + "/invitations").then().statusCode(200)
                .body("[0].status", equalTo("ACCEPTED")).body("[0].acceptedAt", notNullValue());
        given().auth().oauth2(member).when().get("/api/suppliers/" + id + "/history").then().statusCode(200)
                .body("[1].changes[0].field", equalTo("member"))
                .body("[1].changedBy", notNullValue());

        accept(Tokens.ofNewUser("supplier"), code).statusCode(409).body("errors[0].field", equalTo("code"));
    }

    @Test
    void shouldTellOtherServicesWhoActsForTheOrganisationWhenItRegistersAndWhenAMemberJoins() throws Exception {
        String member = Tokens.ofNewUser("supplier");
        String id = given().auth().oauth2(member).contentType(ContentType.JSON).body(Registrations.valid())
                .when().post("/api/suppliers").then().statusCode(201).extract().path("id");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var registered = TopicRecords.await(Topics.SUPPLIERS,
                TopicRecords.keyAndType(id, Topics.EventTypes.SUPPLIER_REGISTERED), Duration.ofSeconds(30));
        assertEquals(List.of(Tokens.subject(member)),
                json.convertValue(json.readTree(registered.value()).get("members"), List.class));

        String email = email();
        invite(member, id, email).statusCode(201);
        String colleague = Tokens.ofNewUserWithEmail("supplier", email);
        accept(colleague, codeSentTo(email)).statusCode(200);
        var joined = TopicRecords.await(Topics.SUPPLIERS, TopicRecords.keyAndType(id, Topics.EventTypes.SUPPLIER_UPDATED),
                Duration.ofSeconds(30));
        var data = json.readTree(joined.value());
        assertEquals(List.of("members"), json.convertValue(data.get("changedFields"), List.class));
        assertEquals(java.util.Set.of(Tokens.subject(member), Tokens.subject(colleague)),
                java.util.Set.copyOf(json.convertValue(data.get("members"), List.class)));
    }

    @Inject
    org.anchormarket.supplier.service.MemberAnnouncements announcements;

    @Test
    void shouldAnnounceTheMembersOfAnOrganisationRegisteredBeforeMessagesNamedThem() throws Exception {
        String member = Tokens.ofNewUser("supplier");
        String id = given().auth().oauth2(member).contentType(ContentType.JSON).body(Registrations.valid())
                .when().post("/api/suppliers").then().statusCode(201).extract().path("id");
        String etag = given().auth().oauth2(member).when().get("/api/suppliers/" + id).then().extract().header("ETag");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update supplier set members_announced = false where id = ?1").setParameter(1, UUID.fromString(id))
                .executeUpdate());
        while (announcements.announceSome() > 0) {
            // until every organisation is announced
        }
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var announced = json.readTree(TopicRecords.await(Topics.SUPPLIERS, TopicRecords.keyAndType(id,
                Topics.EventTypes.SUPPLIER_UPDATED), Duration.ofSeconds(30)).value());
        assertEquals(List.of("members"), json.convertValue(announced.get("changedFields"), List.class));
        assertEquals(List.of(Tokens.subject(member)), json.convertValue(announced.get("members"), List.class));
        assertEquals(etag, given().auth().oauth2(member).when().get("/api/suppliers/" + id).then().extract()
                .header("ETag"));
        // Once, and without changing the supplier's version (its ETag)
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_message where message_key = ?1 and type = ?2 and payload like ?3")
                .setParameter(1, id).setParameter(2, Topics.EventTypes.SUPPLIER_UPDATED)
                .setParameter(3, "%\"changedFields\":[\"members\"]%").getSingleResult()).longValue()));
    }

    @Test
    void shouldInviteTheContactOfAnAssistedRegistrationToTakeItOver() {
        String contact = email();
        String id = given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Registrations.valid("legalName", "Hindley Cafe CIC", "organisationType", "CIC",
                        "inviteEmail", contact))
                .when().post("/api/suppliers").then().statusCode(201).extract().path("id");
        String owner = Tokens.ofNewUserWithEmail("supplier", contact);
        given().auth().oauth2(owner).when().get("/api/suppliers/me").then().statusCode(404);

        accept(owner, codeSentTo(contact)).statusCode(200).body("legalName", equalTo("Hindley Cafe CIC"));
        given().auth().oauth2(owner).when().get("/api/suppliers/me").then().statusCode(200).body("id", equalTo(id));

        // Without a named contact the invitation goes to the organisation's email.
        String office = email();
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Registrations.valid("email", office))
                .when().post("/api/suppliers").then().statusCode(201);
        codeSentTo(office);
        // A supplier registering itself invites nobody.
        mailbox.clear();
        given().auth().oauth2(Tokens.ofNewUser("supplier")).contentType(ContentType.JSON)
                .body(Registrations.valid("email", email(), "inviteEmail", email()))
                .when().post("/api/suppliers").then().statusCode(201);
        assertEquals(0, mailbox.getTotalMessagesSent());
    }

    @Test
    void shouldRefuseUnknownExpiredAndSecondOrganisationAcceptances() {
        String member = Tokens.ofNewUser("supplier");
        String id = given().auth().oauth2(member).contentType(ContentType.JSON).body(Registrations.valid())
                .when().post("/api/suppliers").then().statusCode(201).extract().path("id");
        accept(Tokens.ofNewUser("supplier"), "x".repeat(43)).statusCode(404)
                .contentType("application/problem+json").body("errors[0].field", equalTo("code"));

        String late = email();
        invite(member, id, late).statusCode(201);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update supplier_invitation set expires_at = now() - interval '1 minute' where email = ?1")
                .setParameter(1, late).executeUpdate());
        accept(Tokens.ofNewUser("supplier"), codeSentTo(late)).statusCode(410).body("errors[0].field", equalTo("code"));

        String other = email();
        invite(member, id, other).statusCode(201);
        String memberElsewhere = Tokens.ofNewUserWithEmail("supplier", other);
        given().auth().oauth2(memberElsewhere).contentType(ContentType.JSON).body(Registrations.valid())
                .when().post("/api/suppliers").then().statusCode(201);
        accept(memberElsewhere, codeSentTo(other)).statusCode(409);
        given().auth().oauth2(member).when().get("/api/suppliers/" + id + "/invitations").then()
                .body("status", equalTo(List.of("PENDING", "EXPIRED")));
    }

    @Test
    void shouldLetOnlyMembersAndAdminsInviteAndNameABadEmail() {
        String member = Tokens.ofNewUser("supplier");
        String id = given().auth().oauth2(member).contentType(ContentType.JSON).body(Registrations.valid())
                .when().post("/api/suppliers").then().statusCode(201).extract().path("id");
        invite(Tokens.ofNewUser("supplier"), id, email()).statusCode(404);
        invite(Tokens.of("buyer1"), id, email()).statusCode(403);
        invite(member, id, "not an email").statusCode(400).body("errors[0].field", equalTo("email"));
        invite(Tokens.of("admin1"), id, email()).statusCode(201);
        given().auth().oauth2(Tokens.ofNewUser("supplier")).when().get("/api/suppliers/" + id + "/invitations")
                .then().statusCode(404);
        assertEquals(1, mailbox.getTotalMessagesSent(), "only the admin's invitation was sent");
    }

    /** A forwarded or leaked code is of no use to an account of another address. */
    @Test
    void shouldLetOnlyTheAccountOfTheInvitedAddressAccept() {
        String member = Tokens.ofNewUser("supplier");
        String id = given().auth().oauth2(member).contentType(ContentType.JSON).body(Registrations.valid())
                .when().post("/api/suppliers").then().statusCode(201).extract().path("id");
        String invited = email();
        invite(member, id, invited).statusCode(201);
        String code = codeSentTo(invited);

        accept(Tokens.ofNewUser("supplier"), code).statusCode(403).contentType("application/problem+json")
                .body("errors[0].field", equalTo("code"));
        accept(Tokens.ofNewUserWithEmail("supplier", invited), code).statusCode(200).body("id", equalTo(id));

        // The right address, but not verified by Keycloak: anyone could have typed it in.
        String unverified = email();
        invite(member, id, unverified).statusCode(201);
        accept(Tokens.ofNewUserWithUnverifiedEmail("supplier", unverified), codeSentTo(unverified)).statusCode(403)
                .body("errors[0].reason", equalTo("needs a verified email address"));
    }

    @Test
    void shouldLimitHowManyInvitationsAMemberSendsADay() {
        String member = Tokens.ofNewUser("supplier");
        String id = given().auth().oauth2(member).contentType(ContentType.JSON).body(Registrations.valid())
                .when().post("/api/suppliers").then().statusCode(201).extract().path("id");
        for (int i = 0; i < 20; i++) {
            invite(member, id, email()).statusCode(201);
        }
        invite(member, id, email()).statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        invite(Tokens.of("admin1"), id, email()).statusCode(201); // the helpdesk is not limited
    }

    /**
     * Invitations sent at once are counted one at a time: the limit holds however many race for it. A member who has
     * sent 15 sends 10 at once; to make the race certain, the table is held against inserts (not reads) until all
     * ten are waiting on a lock, each having counted (or waiting for the one that counts). Without the lock all ten
     * counted 15 and all ten were sent.
     */
    @Test
    void shouldKeepTheDailyLimitWhenInvitationsAreSentAtOnce() throws Exception {
        String member = Tokens.ofNewUser("supplier");
        String id = given().auth().oauth2(member).contentType(ContentType.JSON).body(Registrations.valid())
                .when().post("/api/suppliers").then().statusCode(201).extract().path("id");
        for (int i = 0; i < 15; i++) {
            invite(member, id, email()).statusCode(201);
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try (java.sql.Connection holder = dataSource.getConnection();
                java.sql.Connection watcher = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("lock table supplier_invitation in share mode");
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> invite(member, id, email()).extract().statusCode()));
            }
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
                try (var rs = watcher.createStatement().executeQuery("select count(*) from pg_stat_activity "
                        + "where wait_event_type = 'Lock' and datname = current_database()")) {
                    return rs.next() && rs.getInt(1) >= 10;
                }
            });
            holder.commit();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            org.junit.jupiter.api.Assertions.assertEquals(5, java.util.Collections.frequency(statuses, 201),
                    statuses.toString());
            org.junit.jupiter.api.Assertions.assertEquals(5, java.util.Collections.frequency(statuses, 429),
                    statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }
}
