package org.anchormarket.supplier.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.supplier.rest.Registrations;
import org.anchormarket.testing.CloudEventRecords;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * An organisation whose people completed procurement training (TrainingCompleted on anchor.engagement) is bid-ready
 * on its profile, in the directory (with a filter) and in the export; each completion counts once, the first one
 * dates it, and the directory's cached pages show it at once.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class ProcurementTrainingTest {

    @Inject
    EntityManager em;

    @Test
    void shouldShowAnOrganisationWhosePeopleCompletedTrainingAsBidReady() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        UUID trained = register("Ince Training " + run + " Ltd");
        UUID untrained = register("Ince Untrained " + run + " Ltd");
        // A page read (and cached) before the training was completed
        JsonPath before = directory(run, null);
        assertEquals(2, before.getInt("total"));
        assertEquals(java.util.List.of(false, false), before.getList("items.bidReady"));

        UUID session = UUID.randomUUID();
        UUID registration = UUID.randomUUID();
        String key = session.toString();
        CloudEventRecords.send(Topics.ENGAGEMENT, key, 1, Topics.EventTypes.REGISTRATION_CONFIRMED, """
                {"eventId":"%s","registrationId":"%s","supplierId":"%s"}""".formatted(session, registration,
                untrained));
        String completed = completed(session, registration, trained, "2026-11-12T16:30:00Z");
        CloudEventRecords.send(Topics.ENGAGEMENT, key, 2, Topics.EventTypes.TRAINING_COMPLETED, completed);
        // The same completion again (a replay under another id): one completion
        CloudEventRecords.send(Topics.ENGAGEMENT, key, 2, Topics.EventTypes.TRAINING_COMPLETED, completed);
        // An earlier session of the same organisation, told of late (on the same key, so read last): it dates the
        // organisation's readiness
        UUID earlier = UUID.randomUUID();
        CloudEventRecords.send(Topics.ENGAGEMENT, key, 3, Topics.EventTypes.TRAINING_COMPLETED,
                completed(earlier, UUID.randomUUID(), trained, "2026-10-01T12:00:00Z"));

        await().atMost(Duration.ofSeconds(30)).until(() -> trainings(trained) == 2);
        assertEquals(2, trainings(trained), "the replayed completion is one");
        JsonPath profile = given().auth().oauth2(Tokens.of("admin1")).get("/api/suppliers/" + trained).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(true, profile.getBoolean("bidReady"));
        assertEquals(OffsetDateTime.parse("2026-10-01T12:00:00Z").toInstant(),
                OffsetDateTime.parse(profile.getString("bidReadySince")).toInstant());
        assertEquals(false, given().auth().oauth2(Tokens.of("admin1")).get("/api/suppliers/" + untrained).then()
                .statusCode(200).extract().jsonPath().getBoolean("bidReady"), "registering is not training");

        // The page cached before shows it now, and the directory finds either
        assertEquals(java.util.List.of(true, false), directory(run, null).getList("items.bidReady"));
        assertEquals(java.util.List.of(trained.toString()), directory(run, true).getList("items.id"));
        assertEquals(java.util.List.of(untrained.toString()), directory(run, false).getList("items.id"));
        String csv = given().auth().oauth2(Tokens.of("buyer1")).queryParam("q", run).queryParam("bidReady", true)
                .get("/api/suppliers/export").then().statusCode(200).extract().asString();
        assertTrue(csv.lines().findFirst().orElseThrow().endsWith(",bidReady"), csv);
        assertEquals(2, csv.lines().count(), csv);
        assertTrue(csv.lines().skip(1).findFirst().orElseThrow().endsWith(",true"), csv);
        given().auth().oauth2(Tokens.of("buyer1")).queryParam("bidReady", "sometimes").get("/api/suppliers").then()
                .statusCode(400);
    }

    private static JsonPath directory(String q, Boolean bidReady) {
        var request = given().auth().oauth2(Tokens.of("buyer1")).queryParam("q", q);
        if (bidReady != null) {
            request.queryParam("bidReady", bidReady);
        }
        return request.get("/api/suppliers").then().statusCode(200).extract().jsonPath();
    }

    private static UUID register(String name) {
        return UUID.fromString(given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Registrations.valid("legalName", name)).post("/api/suppliers").then().statusCode(201)
                .extract().path("id"));
    }

    private static String completed(UUID session, UUID registration, UUID supplier, String at) {
        return """
                {"eventId":"%s","registrationId":"%s","supplierId":"%s","title":"Bidding for public contracts",
                 "completedAt":"%s"}""".formatted(session, registration, supplier, at);
    }

    private int trainings(UUID supplier) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from supplier_training where supplier_id = ?1").setParameter(1, supplier)
                .getSingleResult()).intValue());
    }
}
