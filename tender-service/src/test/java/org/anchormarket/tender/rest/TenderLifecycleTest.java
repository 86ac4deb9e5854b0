package org.anchormarket.tender.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.tender.domain.Tender;
import org.anchormarket.tender.support.TenderBodies;
import org.anchormarket.tender.support.TestClock;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.anchormarket.testing.TopicRecords;
import org.junit.jupiter.api.Test;

/** A tender from draft to published, amended, closed at its deadline or cancelled; who may see and do what. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class TenderLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static String create(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/tenders").then().statusCode(201).extract().path("id");
    }

    static void publish(String token, String id) {
        given().auth().oauth2(token).when().post("/api/tenders/" + id + "/publication").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));
    }

    private static long stored(String title) {
        return QuarkusTransaction.requiringNew().call(() -> Tender.count("title", title));
    }

    @Test
    void shouldRefuseASearchTimeThatIsNotOneNamingTheParameter() {
        // was 404 "Not Found": a date-time the converter could not read
        for (String bad : java.util.List.of("notadate", "2027-01-01", "2027-01-01T12:00")) {
            given().queryParam("closingBefore", bad).when().get("/api/tenders").then().statusCode(400)
                    .contentType(containsString("problem+json")).body("errors.field", hasItem("closingBefore"));
        }
        given().queryParam("closingBefore", "2027-01-01T12:00:00Z").when().get("/api/tenders").then()
                .statusCode(200);
    }

    @Test
    void shouldKeepADraftToItsAnchorThenPublishItForEveryoneAndAnnounceIt() throws Exception {
        String title = "Community centre kitchen " + UUID.randomUUID();
        String buyer = Tokens.of("buyer1");
        String id = given().auth().oauth2(buyer).contentType(ContentType.JSON).body(TenderBodies.draft(title))
                .when().post("/api/tenders").then().statusCode(201)
                .header("Location", containsString("/api/tenders/"))
                .body("status", equalTo("DRAFT"))
                .body("anchor", equalTo("wigan-council"))
                .body("anchorName", equalTo("Wigan Council"))
                .body("lots.size()", equalTo(1))
                .body("lots[0].title", equalTo(title))
                .body("lots[0].number", equalTo(1))
                .body("shortDeadline", equalTo(false))
                .extract().path("id");
        // A draft is nobody else's business: not found for suppliers, other anchors and anonymous callers
        given().auth().oauth2(buyer).when().get("/api/tenders/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.of("supplier1")).when().get("/api/tenders/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.ofNewBuyer("gmp")).when().get("/api/tenders/" + id).then().statusCode(404);
        given().when().get("/api/tenders/" + id).then().statusCode(404);
        given().when().get("/api/tenders?q=" + title.substring(title.length() - 36)).then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(buyer).queryParam("status", "DRAFT").queryParam("q", title.substring(title.length() - 36))
                .when().get("/api/tenders").then()
                .statusCode(200).body("items.title", hasItem(title));

        publish(buyer, id);
        given().when().get("/api/tenders/" + id).then().statusCode(200).body("status", equalTo("PUBLISHED"))
                .body("publishedAt", org.hamcrest.Matchers.notNullValue());
        given().when().get("/api/tenders?q=" + title.substring(title.length() - 36)).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        var published = TopicRecords.await(Topics.TENDERS, TopicRecords.keyAndType(id,
                Topics.EventTypes.TENDER_PUBLISHED), Duration.ofSeconds(30));
        var data = JSON.readTree(published.value());
        assertEquals("wigan-council", data.get("anchorId").asText());
        assertEquals("50000.00", data.get("estimatedValue").asText());
        assertEquals("NONE", data.get("reservation").asText());
        assertEquals(1, data.get("lots").size());
        // Published once: a second publication is a conflict, and so is an edit of the state by another anchor
        given().auth().oauth2(buyer).when().post("/api/tenders/" + id + "/publication").then().statusCode(409);
        given().auth().oauth2(Tokens.ofNewBuyer("gmp")).contentType(ContentType.JSON)
                .body("{\"reason\": \"Not ours to cancel\"}")
                .when().post("/api/tenders/" + id + "/cancellation").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(buyer).when().get("/api/tenders/" + id + "/audit").then().statusCode(200)
                .body("action", equalTo(List.of("CREATED", "PUBLISHED")));
        given().auth().oauth2(Tokens.of("supplier1")).when().get("/api/tenders/" + id + "/audit").then()
                .statusCode(403);
    }

    @Test
    void shouldRefuseBadTendersNamingTheFieldAndStoreNothing() {
        String buyer = Tokens.of("buyer1");
        String title = "Refused " + UUID.randomUUID();
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(TenderBodies.draft(title, "NONE", "1000",
                Duration.ofDays(3), Duration.ofDays(5), "").replace("\"price\": 60", "\"price\": 50"))
                .when().post("/api/tenders").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("weights"));
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(TenderBodies.draft(title, "NONE", "1000",
                Duration.ofDays(3), Duration.ofDays(5), "").replace("\"price\": 60", "\"price\": 65")
                .replace("\"socialValue\": 10", "\"socialValue\": 5"))
                .when().post("/api/tenders").then().statusCode(400)
                .body("errors.field", hasItem(containsString("socialValue")));
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(TenderBodies.draft(title, "NONE", "1000",
                Duration.ofDays(6), Duration.ofDays(5), ""))
                .when().post("/api/tenders").then().statusCode(400)
                .body("errors.field", equalTo(List.of("clarificationDeadline")));
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(TenderBodies.draft(title, "NONE", "1000",
                Duration.ofDays(-2), Duration.ofDays(-1), ""))
                .when().post("/api/tenders").then().statusCode(400)
                .body("errors.field", hasItems("submissionDeadline", "clarificationDeadline"));
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(TenderBodies.draft(title, "NONE", "1000.001",
                Duration.ofDays(3), Duration.ofDays(5), ""))
                .when().post("/api/tenders").then().statusCode(400)
                .body("errors.field", equalTo(List.of("estimatedValue")));
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(TenderBodies.draft(title, "NONE", "1000",
                Duration.ofDays(3), Duration.ofDays(5), ", \"anchor\": \"gmp\""))
                .when().post("/api/tenders").then().statusCode(403);
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).body(TenderBodies.draft(title))
                .when().post("/api/tenders").then().statusCode(400).body("errors[0].field", equalTo("anchor"));
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).body(TenderBodies.draft(title,
                "NONE", "1000", Duration.ofDays(3), Duration.ofDays(5), ", \"anchor\": \"nowhere\""))
                .when().post("/api/tenders").then().statusCode(400).body("errors[0].field", equalTo("anchor"));
        for (String user : new String[] { "supplier1", "leader1" }) {
            given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(TenderBodies.draft(title))
                    .when().post("/api/tenders").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(TenderBodies.draft(title)).when().post("/api/tenders").then()
                .statusCode(401);
        // 200 characters that NFC makes 400 (U+0958 decomposes): refused, not a database error
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(TenderBodies.draft("\u0958".repeat(200)))
                .when().post("/api/tenders").then().statusCode(400).body("errors[0].field", equalTo("title"));
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(TenderBodies.draft(title, "NONE", "0",
                Duration.ofDays(3), Duration.ofDays(5), ""))
                .when().post("/api/tenders").then().statusCode(400)
                .body("errors.field", equalTo(List.of("estimatedValue")));
        for (String extreme : new String[] { "1e1001", "1e-1001" }) {
            given().queryParam("minValue", extreme).when().get("/api/tenders").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        assertEquals(0, stored(title));
    }

    @Test
    void shouldKeepACancelledDraftPrivate() {
        String buyer = Tokens.of("buyer1");
        String title = "Confidential consultancy " + UUID.randomUUID();
        String id = create(buyer, TenderBodies.draft(title));
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body("{\"reason\": \"Not now\"}")
                .when().post("/api/tenders/" + id + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        given().when().get("/api/tenders/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.of("supplier1")).when().get("/api/tenders/" + id + "/questions").then()
                .statusCode(404);
        given().queryParam("status", "CANCELLED").queryParam("q", title.substring(title.length() - 36))
                .when().get("/api/tenders").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(buyer).when().get("/api/tenders/" + id).then().statusCode(200);
    }

    @Test
    void shouldAllowAReservationOnlyBelowTheThresholdForTheAnchorAndContractType() {
        String council = Tokens.of("buyer1"); // sub-central: goods and services £207,720 with VAT
        String title = "Reserved " + UUID.randomUUID();
        String atThreshold = TenderBodies.draft(title, "LOCAL", "173100.00", Duration.ofDays(10),
                Duration.ofDays(20), "").replace("\"WORKS\"", "\"SERVICES\"");
        given().auth().oauth2(council).contentType(ContentType.JSON).body(atThreshold)
                .when().post("/api/tenders").then().statusCode(400)
                .body("errors[0].field", equalTo("reservation"))
                .body("errors[0].reason", containsString("207720"));
        assertEquals(0, stored(title));
        create(council, atThreshold.replace("173100.00", "173099.99"));
        // The lots together count when they come to more than the tender's own value
        given().auth().oauth2(council).contentType(ContentType.JSON).body(atThreshold.replace("173100.00", "1000")
                .replace("\"reservation\"", "\"lots\": [{\"title\": \"North\", \"estimatedValue\": 100000},"
                        + " {\"title\": \"South\", \"estimatedValue\": 73100}], \"reservation\""))
                .when().post("/api/tenders").then().statusCode(400)
                .body("errors[0].field", equalTo("reservation"));
        assertEquals(1, stored(title));
        // Unreserved, any value is fine
        create(council, atThreshold.replace("\"LOCAL\"", "\"NONE\"").replace("173100.00", "9000000"));

        String hospital = Tokens.ofNewBuyer("wwl-nhs"); // NHS: £135,018
        String nhs = TenderBodies.draft(title, "SME_VCFSE", "112515.00", Duration.ofDays(10), Duration.ofDays(20), "")
                .replace("\"WORKS\"", "\"GOODS\"");
        given().auth().oauth2(hospital).contentType(ContentType.JSON).body(nhs).when().post("/api/tenders").then()
                .statusCode(400).body("errors[0].field", equalTo("reservation"));
        create(hospital, nhs.replace("112515.00", "112514.99"));
        // Works: £5,193,000 for every kind of anchor
        String works = TenderBodies.draft(title, "LOCAL_SME_VCFSE", "4327500", Duration.ofDays(10),
                Duration.ofDays(20), "");
        given().auth().oauth2(hospital).contentType(ContentType.JSON).body(works).when().post("/api/tenders").then()
                .statusCode(400).body("errors[0].field", equalTo("reservation"));
        create(hospital, works.replace("4327500", "4327499.99"));
        assertEquals(4, stored(title));
    }

    @Test
    void shouldCloseAtTheDeadlineByItselfAndAnnounceIt() {
        String buyer = Tokens.of("buyer1");
        String id = create(buyer, TenderBodies.draft("Closing soon " + UUID.randomUUID(), "NONE", "1000",
                Duration.ofHours(1), Duration.ofHours(2), ""));
        publish(buyer, id);
        given().when().get("/api/tenders/" + id).then().body("status", equalTo("PUBLISHED"))
                .body("shortDeadline", equalTo(true));
        TestClock.advance(Duration.ofHours(2));
        // Read as closed from the deadline on, before the closer has run
        given().when().get("/api/tenders/" + id).then().body("status", equalTo("CLOSED"));
        given().when().get("/api/tenders").then().body("items.id", not(hasItem(id)));
        given().queryParam("status", "CLOSED").when().get("/api/tenders").then().body("items.id", hasItem(id));
        // ... and recorded as closed by the scheduled closer (every 5 s) without anyone asking
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Tender.<Tender>findById(UUID.fromString(id)).status) == Tender.Status.CLOSED);
        TopicRecords.await(Topics.TENDERS, TopicRecords.keyAndType(id, Topics.EventTypes.TENDER_CLOSED),
                Duration.ofSeconds(30));
        given().auth().oauth2(buyer).when().get("/api/tenders/" + id + "/audit").then()
                .body("action", hasItem("CLOSED"));
        // Closed: no amendment, but a cancellation with its reason
        given().auth().oauth2(buyer).contentType(ContentType.JSON)
                .body("{\"reason\": \"More time\", \"submissionDeadline\": \"" + TestClock.now().plus(Duration.ofDays(9))
                        + "\"}").when().post("/api/tenders/" + id + "/amendments").then().statusCode(409);
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body("{\"reason\": \"  \"}")
                .when().post("/api/tenders/" + id + "/cancellation").then().statusCode(400);
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body("{\"reason\": \"Budget withdrawn\"}")
                .when().post("/api/tenders/" + id + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancellationReason", equalTo("Budget withdrawn"));
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body("{\"reason\": \"Twice\"}")
                .when().post("/api/tenders/" + id + "/cancellation").then().statusCode(409);
    }

    @Test
    void shouldAmendOnlyLaterDeadlinesWithAReasonAndAnnounceIt() throws Exception {
        String buyer = Tokens.of("buyer1");
        String id = create(buyer, TenderBodies.draft("Amended " + UUID.randomUUID()));
        publish(buyer, id);
        String earlier = TestClock.now().plus(Duration.ofDays(12)).toString();
        given().auth().oauth2(buyer).contentType(ContentType.JSON)
                .body("{\"reason\": \"Sooner\", \"submissionDeadline\": \"" + earlier + "\"}")
                .when().post("/api/tenders/" + id + "/amendments").then().statusCode(400)
                .body("errors[0].field", equalTo("submissionDeadline"));
        given().auth().oauth2(buyer).contentType(ContentType.JSON)
                .body("{\"reason\": \"Fewer questions\", \"clarificationDeadline\": \""
                        + TestClock.now().plus(Duration.ofDays(2)) + "\"}")
                .when().post("/api/tenders/" + id + "/amendments").then().statusCode(400)
                .body("errors[0].field", equalTo("clarificationDeadline"));
        given().auth().oauth2(buyer).contentType(ContentType.JSON)
                .body("{\"reason\": \"Back in time\", \"clarificationDeadline\": \""
                        + TestClock.now().minus(Duration.ofDays(1)) + "\"}")
                .when().post("/api/tenders/" + id + "/amendments").then().statusCode(400)
                .body("errors[0].reason", equalTo("must be in the future"));
        String later = TestClock.now().plus(Duration.ofDays(21)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        given().auth().oauth2(buyer).contentType(ContentType.JSON)
                .body("{\"reason\": \"Site visits take longer\", \"submissionDeadline\": \"" + later + "\"}")
                .when().post("/api/tenders/" + id + "/amendments").then().statusCode(200)
                .body("submissionDeadline", equalTo(later));
        var amended = TopicRecords.await(Topics.TENDERS, TopicRecords.keyAndType(id, Topics.EventTypes.TENDER_AMENDED),
                Duration.ofSeconds(30));
        var data = JSON.readTree(amended.value());
        assertEquals("Site visits take longer", data.get("reason").asText());
        assertTrue(data.get("changedFields").toString().contains("submissionDeadline"));
    }

    @Test
    void shouldFindTendersByCpvParentValueAnchorAndReservation() {
        String buyer = Tokens.of("buyer1");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String kitchen = create(buyer, TenderBodies.draft("Kitchen " + tag));
        publish(buyer, kitchen);
        String meals = create(buyer, TenderBodies.draft("Meals " + tag, "SME_VCFSE", "20000", Duration.ofDays(10),
                Duration.ofDays(14), "").replace("45210000", "55520000").replace("\"WORKS\"", "\"SERVICES\""));
        publish(buyer, meals);
        given().queryParam("q", tag).queryParam("cpv", "45000000").when().get("/api/tenders").then()
                .statusCode(200).body("items.id", equalTo(List.of(kitchen)));
        given().queryParam("q", tag).queryParam("cpv", "55520000").when().get("/api/tenders").then()
                .body("items.id", equalTo(List.of(meals)));
        given().queryParam("q", tag).queryParam("reserved", true).when().get("/api/tenders").then()
                .body("items.id", equalTo(List.of(meals)));
        given().queryParam("q", tag).queryParam("maxValue", 30000).when().get("/api/tenders").then()
                .body("items.id", equalTo(List.of(meals)));
        given().queryParam("q", tag).queryParam("anchor", "gmp").when().get("/api/tenders").then()
                .body("total", equalTo(0));
        given().queryParam("q", tag).queryParam("size", 1).when().get("/api/tenders").then()
                .body("total", equalTo(2)).body("items.size()", equalTo(1));
        given().queryParam("q", "100%_" + tag).when().get("/api/tenders").then().statusCode(200)
                .body("total", equalTo(0));
        given().queryParam("minValue", 10).queryParam("maxValue", 5).when().get("/api/tenders").then()
                .statusCode(400).body("errors[0].field", equalTo("maxValue"));
        given().queryParam("status", "DRAFT").when().get("/api/tenders").then().statusCode(403);
    }
}
