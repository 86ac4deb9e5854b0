package org.anchormarket.tender.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anchormarket.tender.support.KnownSuppliers;
import org.anchormarket.tender.support.KnownSuppliers.Member;
import org.anchormarket.tender.support.TenderBodies;
import org.anchormarket.tender.support.TestClock;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.anchormarket.testing.TopicRecords;
import org.anchormarket.contracts.messaging.Topics;
import org.junit.jupiter.api.Test;

/** Forward plans firms follow, and the notifications a publication, an amendment and a cancellation send. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class PipelineTest {

    private static String plan(String title, String cpv, LocalDate expected) {
        return """
                {"title": "%s", "description": "Resurfacing the car parks", "cpvCodes": ["%s"],
                 "estimatedValue": 90000, "expectedPublication": "%s"}""".formatted(title, cpv, expected);
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(TestClock.now(), ZoneId.of("Europe/London"));
    }

    private static List<Map<String, Object>> notifications(Member m) {
        return given().auth().oauth2(m.token()).when().get("/api/notifications").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    private static List<String> kindsFor(Member m, String tenderId) {
        return notifications(m).stream().filter(n -> tenderId.equals(n.get("tenderId")))
                .map(n -> (String) n.get("kind")).toList();
    }

    @Test
    void shouldLetFirmsFollowAPlanAndTellThemAndMatchingFirmsWhenItIsTendered() {
        String buyer = Tokens.of("buyer1");
        String title = "Car park resurfacing " + UUID.randomUUID();
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(plan(title, "45233222", today().minusDays(1)))
                .when().post("/api/pipeline").then().statusCode(400)
                .body("errors[0].field", equalTo("expectedPublication"));
        given().auth().oauth2(Tokens.of("supplier1")).contentType(ContentType.JSON)
                .body(plan(title, "45233222", today())).when().post("/api/pipeline").then().statusCode(403);
        String planId = given().auth().oauth2(buyer).contentType(ContentType.JSON)
                .body(plan(title, "45233222", today().plusDays(30))).when().post("/api/pipeline").then()
                .statusCode(201).body("anchor", equalTo("wigan-council")).body("followers", equalTo(0))
                .extract().path("id");
        given().when().get("/api/pipeline?anchor=wigan-council&size=100").then().statusCode(200)
                .body("id", hasItem(planId));

        Member follower = KnownSuppliers.newMember("Hindley Surfacing Ltd", "IN_BOROUGH", "SMALL", false, "VERIFIED",
                "90000000"); // not in the plan's category: follows it anyway
        Member matching = KnownSuppliers.newMember("Leigh Tarmac Ltd", "IN_BOROUGH", "MICRO", false, "VERIFIED",
                "45233000"); // the same CPV group (452)
        Member outside = KnownSuppliers.newMember("Bolton Tarmac Ltd", "GREATER_MANCHESTER", "SMALL", false,
                "VERIFIED", "45233000"); // the same category, but the tender is reserved to the borough
        Member elsewhere = KnownSuppliers.newMember("Wigan Catering Ltd", "IN_BOROUGH", "SMALL", false, "VERIFIED",
                "55520000");
        given().when().post("/api/pipeline/" + planId + "/followers").then().statusCode(401);
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(follower.token()).when().post("/api/pipeline/" + planId + "/followers").then()
                    .statusCode(200).body("following", equalTo(true)).body("followers", equalTo(1));
        }

        String tender = TenderLifecycleTest.create(buyer, TenderBodies.draft(title, "LOCAL", "90000",
                Duration.ofDays(10), Duration.ofDays(20), ", \"pipelineItemId\": \"" + planId + "\"")
                .replace("45210000", "45233222"));
        assertEquals(List.of(), kindsFor(follower, tender), "nothing is told of a draft");
        TenderLifecycleTest.publish(buyer, tender);
        assertEquals(List.of("PIPELINE_TENDERED"), kindsFor(follower, tender));
        assertEquals(List.of("NEW_OPPORTUNITY"), kindsFor(matching, tender));
        assertEquals(List.of(), kindsFor(outside, tender), "not eligible: not told");
        assertEquals(List.of(), kindsFor(elsewhere, tender), "another category: not told");
        given().when().get("/api/pipeline?anchor=wigan-council&size=100").then().body("id", not(hasItem(planId)));
        given().when().get("/api/tenders/" + tender).then().body("pipelineItemId", equalTo(planId));
        // the plan and its tendering are announced, for events to match suppliers to the buyers planning work
        var announced = TopicRecords.await(Topics.TENDERS, TopicRecords.keyAndType(planId,
                Topics.EventTypes.PIPELINE_ITEM_ANNOUNCED), Duration.ofSeconds(30));
        org.junit.jupiter.api.Assertions.assertTrue(announced.value().contains("\"cpvCodes\":[\"45233222\"]"),
                announced.value());
        var published = TopicRecords.await(Topics.TENDERS, TopicRecords.keyAndType(tender,
                Topics.EventTypes.TENDER_PUBLISHED), Duration.ofSeconds(30));
        org.junit.jupiter.api.Assertions.assertTrue(published.value().contains("\"pipelineItemId\":\"" + planId
                + "\""), published.value());

        // A second tender cannot come from the same plan
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(TenderBodies.draft(title + " again", "NONE",
                "1000", Duration.ofDays(10), Duration.ofDays(20), ", \"pipelineItemId\": \"" + planId + "\""))
                .when().post("/api/tenders").then().statusCode(409);
        // Another anchor's plan cannot be named
        given().auth().oauth2(Tokens.ofNewBuyer("gmp")).contentType(ContentType.JSON).body(TenderBodies.draft(title,
                "NONE", "1000", Duration.ofDays(10), Duration.ofDays(20), ", \"pipelineItemId\": \"" + planId + "\""))
                .when().post("/api/tenders").then().statusCode(400).body("errors[0].field", equalTo("pipelineItemId"));

        // Followers and bidders are told of an amendment and of a cancellation; others are not
        String lot = given().when().get("/api/tenders/" + tender).then().extract().path("lots[0].id");
        given().auth().oauth2(matching.token()).contentType(ContentType.JSON)
                .body(Map.of("price", 85000, "qualityResponse", "Two crews", "socialValueCommitments", "Local labour"))
                .when().put("/api/tenders/" + tender + "/lots/" + lot + "/bids/mine").then().statusCode(200);
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body("{\"reason\": \"Site survey delayed\", "
                + "\"submissionDeadline\": \"" + TestClock.now().plus(Duration.ofDays(25)) + "\"}")
                .when().post("/api/tenders/" + tender + "/amendments").then().statusCode(200);
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body("{\"reason\": \"Budget withdrawn\"}")
                .when().post("/api/tenders/" + tender + "/cancellation").then().statusCode(200);
        assertEquals(List.of("TENDER_CANCELLED", "TENDER_AMENDED", "PIPELINE_TENDERED"), kindsFor(follower, tender));
        assertEquals(List.of("TENDER_CANCELLED", "TENDER_AMENDED", "NEW_OPPORTUNITY"), kindsFor(matching, tender));
        assertEquals(List.of(), kindsFor(elsewhere, tender));
        given().auth().oauth2(follower.token()).when().delete("/api/pipeline/" + planId + "/followers").then()
                .statusCode(204);
        given().auth().oauth2(Tokens.of("buyer1")).when().get("/api/notifications").then().statusCode(403);
    }
}
