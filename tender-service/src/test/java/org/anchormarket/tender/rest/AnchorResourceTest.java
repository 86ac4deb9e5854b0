package org.anchormarket.tender.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.anchormarket.testing.TopicRecords;
import org.junit.jupiter.api.Test;

/** The anchor institutions: read by everyone signed in, administered by admins, announced on anchor.anchors. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class AnchorResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String newId() {
        return "anchor-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shouldListTheSeededAnchorsWithTheirTypeAndAnnounceThem() throws Exception {
        given().auth().oauth2(Tokens.of("supplier1")).when().get("/api/anchors").then().statusCode(200)
                .body("find { it.id == 'wigan-council' }.type", equalTo("SUB_CENTRAL"))
                .body("find { it.id == 'wwl-nhs' }.type", equalTo("NHS"))
                .body("find { it.id == 'housing' }.type", equalTo("OTHER"))
                .body("id", hasItem("gmfrs"));
        var announced = TopicRecords.await(Topics.ANCHORS,
                TopicRecords.keyAndType("wigan-council", Topics.EventTypes.ANCHOR_REGISTERED), Duration.ofSeconds(30));
        JsonNode data = JSON.readTree(announced.value());
        assertEquals("Wigan Council", data.path("name").asText());
        assertEquals("SUB_CENTRAL", data.path("type").asText());
        given().when().get("/api/anchors").then().statusCode(401);
    }

    @Test
    void shouldLetAnAdminAddAnAnchorAndAnnounceIt() throws Exception {
        String id = newId();
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "  Wigan and Leigh Housing  ", "type", "OTHER"))
                .when().post("/api/anchors").then().statusCode(201)
                .header("Location", containsString("/api/anchors/" + id))
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id)).body("name", equalTo("Wigan and Leigh Housing")).body("type", equalTo("OTHER"));
        given().auth().oauth2(Tokens.of("buyer1")).when().get("/api/anchors/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).body("name", equalTo("Wigan and Leigh Housing"));
        var record = TopicRecords.await(Topics.ANCHORS,
                TopicRecords.keyAndType(id, Topics.EventTypes.ANCHOR_REGISTERED), Duration.ofSeconds(30));
        assertEquals("Wigan and Leigh Housing", JSON.readTree(record.value()).path("name").asText());
    }

    @Test
    void shouldRefuseBadAnchorsNamingTheFieldAndChangeNothing() {
        String admin = Tokens.of("admin1");
        String id = newId();
        for (var bad : List.of(
                Map.of("body", Map.of("id", "Wigan Council", "name", "Wigan", "type", "OTHER"), "field", "id"),
                Map.of("body", Map.of("id", "-wigan", "name", "Wigan", "type", "OTHER"), "field", "id"),
                Map.of("body", Map.of("id", id, "name", "   ", "type", "OTHER"), "field", "name"),
                Map.of("body", Map.of("id", id, "name", "Wigan", "type", "COUNCIL"), "field", "type"),
                Map.of("body", Map.of("id", id, "type", "OTHER"), "field", "name"),
                Map.of("body", Map.of("id", id, "name", "\u200b\u00a0a\u00a0", "type", "OTHER"), "field", "name"),
                Map.of("body", Map.of("id", id, "name", "Two\nlines", "type", "OTHER"), "field", "name"))) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(bad.get("body"))
                    .when().post("/api/anchors").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(bad.get("field")));
        }
        given().auth().oauth2(admin).when().get("/api/anchors/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Wigan", "type", "OTHER"))
                .when().post("/api/anchors").then().statusCode(403);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("id", "wigan-council", "name", "Another Wigan Council", "type", "OTHER"))
                .when().post("/api/anchors").then().statusCode(409).body("errors.field", hasItem("id"));
        given().auth().oauth2(admin).when().get("/api/anchors/wigan-council").then().statusCode(200)
                .body("name", equalTo("Wigan Council"));
    }

    /** Many admins adding the same anchor at once: one gets 201, every other 409, none a 500. */
    @Test
    void shouldAddAnAnchorOnceWhenAddedManyTimesAtOnce() throws Exception {
        String id = newId();
        String admin = Tokens.of("admin1");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                statuses.add(pool.submit(() -> {
                    go.await();
                    return given().auth().oauth2(admin).contentType(ContentType.JSON)
                            .body(Map.of("id", id, "name", "Raced Anchor", "type", "OTHER"))
                            .when().post("/api/anchors").then().extract().statusCode();
                }));
            }
            go.countDown();
            List<Integer> seen = new ArrayList<>();
            for (var status : statuses) {
                seen.add(status.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, seen.stream().filter(s -> s == 201).count(), seen.toString());
            assertEquals(5, seen.stream().filter(s -> s == 409).count(), seen.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldLetAnAdminChangeAnAnchorGuardedByItsETag() throws Exception {
        String admin = Tokens.of("admin1");
        String id = newId();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Leigh Community Trust", "type", "OTHER"))
                .when().post("/api/anchors").then().statusCode(201);

        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("type", "SUB_CENTRAL"))
                .when().patch("/api/anchors/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("type", equalTo("SUB_CENTRAL"))
                .body("name", equalTo("Leigh Community Trust"));
        var record = TopicRecords.await(Topics.ANCHORS,
                TopicRecords.keyAndType(id, Topics.EventTypes.ANCHOR_UPDATED), Duration.ofSeconds(30));
        JsonNode data = JSON.readTree(record.value());
        assertEquals("SUB_CENTRAL", data.path("type").asText());
        assertEquals("[\"type\"]", data.path("changedFields").toString());

        // Read before the change above: refused, nothing changed
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("name", "Leigh Trust")).when().patch("/api/anchors/" + id).then().statusCode(412);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", " "))
                .when().patch("/api/anchors/" + id).then().statusCode(400).body("errors.field", hasItem("name"));
        given().auth().oauth2(admin).when().get("/api/anchors/" + id).then().statusCode(200)
                .body("name", equalTo("Leigh Community Trust")).header("ETag", equalTo("\"1\""));

        given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON).body(Map.of("name", "Mine now"))
                .when().patch("/api/anchors/" + id).then().statusCode(403);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "Nobody"))
                .when().patch("/api/anchors/" + newId()).then().statusCode(404);
    }
}
