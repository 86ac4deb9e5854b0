package org.anchormarket.tender.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.tender.service.BidSeal;
import org.anchormarket.tender.support.KnownSuppliers;
import org.anchormarket.tender.support.KnownSuppliers.Member;
import org.anchormarket.tender.support.TenderBodies;
import org.anchormarket.tender.support.TestClock;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.anchormarket.testing.TopicRecords;
import org.junit.jupiter.api.Test;

/**
 * Reserved competitions, clarification questions and sealed bids through to the award: who may ask and bid, what
 * nobody can read before the deadline, the scores and the contract.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class SealedBidTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource db;

    @Inject
    BidSeal seal;

    /** A published tender of buyer1's (Wigan Council); returns the tender and its one lot. */
    private static String[] published(String reservation, Duration clarification, Duration submission) {
        String buyer = Tokens.of("buyer1");
        String id = TenderLifecycleTest.create(buyer, TenderBodies.draft("Hall refurbishment " + UUID.randomUUID(),
                reservation, "60000", clarification, submission, ""));
        TenderLifecycleTest.publish(buyer, id);
        String lot = given().when().get("/api/tenders/" + id).then().extract().path("lots[0].id");
        return new String[] { id, lot };
    }

    private static io.restassured.response.ValidatableResponse bid(Member m, String[] t, String price, String text) {
        return given().auth().oauth2(m.token()).contentType(ContentType.JSON)
                .body(Map.of("price", new java.math.BigDecimal(price), "qualityResponse", text,
                        "socialValueCommitments", "Two apprentices from Leigh; " + text))
                .when().put("/api/tenders/" + t[0] + "/lots/" + t[1] + "/bids/mine").then();
    }

    @Test
    void shouldLetOnlyVerifiedLocalSuppliersTakePartInALocalCompetitionAndSayWhy() {
        String[] t = published("LOCAL", Duration.ofDays(5), Duration.ofDays(10));
        Member local = KnownSuppliers.localSme("Pemberton Joinery Ltd");
        Member outside = KnownSuppliers.newMember("Preston Builders Ltd", "NORTH_WEST", "SMALL", false, "VERIFIED");
        Member pending = KnownSuppliers.newMember("Hindley Decorators", "IN_BOROUGH", "MICRO", false, "PENDING");

        given().auth().oauth2(outside.token()).when().get("/api/tenders/" + t[0]).then()
                .body("eligibility.eligible", equalTo(false))
                .body("eligibility.reason", containsString("Wigan borough"));
        bid(outside, t, "1000", "Our method").statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("Wigan borough"));
        given().auth().oauth2(outside.token()).contentType(ContentType.JSON).body(Map.of("text", "May we bid?"))
                .when().post("/api/tenders/" + t[0] + "/questions").then().statusCode(403);
        bid(pending, t, "1000", "Our method").statusCode(403).body("detail", containsString("verified"));
        // A supplier user with no organisation known here is told to register
        given().auth().oauth2(Tokens.ofNewUser("supplier")).contentType(ContentType.JSON)
                .body(Map.of("price", 10, "qualityResponse", "x", "socialValueCommitments", "y"))
                .when().put("/api/tenders/" + t[0] + "/lots/" + t[1] + "/bids/mine").then().statusCode(403)
                .body("detail", containsString("register"));

        given().auth().oauth2(local.token()).when().get("/api/tenders/" + t[0]).then()
                .body("eligibility.eligible", equalTo(true));
        bid(local, t, "1000", "Our method").statusCode(200).body("supplierId", equalTo(local.supplierId().toString()));
        // Buyers and leaders never bid
        given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON)
                .body(Map.of("price", 10, "qualityResponse", "x", "socialValueCommitments", "y"))
                .when().put("/api/tenders/" + t[0] + "/lots/" + t[1] + "/bids/mine").then().statusCode(403);
    }

    @Test
    void shouldShowAnsweredQuestionsToEveryoneWithoutWhoAskedUntilTheClarificationDeadline() {
        String[] t = published("NONE", Duration.ofDays(2), Duration.ofDays(10));
        Member asker = KnownSuppliers.localSme("Ince Electrical Ltd");
        String qid = given().auth().oauth2(asker.token()).contentType(ContentType.JSON)
                .body(Map.of("text", "Is the hall available at weekends for the works?"))
                .when().post("/api/tenders/" + t[0] + "/questions").then().statusCode(201)
                .body("answer", nullValue()).extract().path("id");
        given().when().get("/api/tenders/" + t[0] + "/questions").then().statusCode(200).body("$", empty());
        given().auth().oauth2(Tokens.of("buyer1")).when().get("/api/tenders/" + t[0] + "/questions").then()
                .body("id", equalTo(List.of(qid)));
        given().auth().oauth2(Tokens.ofNewBuyer("gmp")).contentType(ContentType.JSON).body(Map.of("text", "No"))
                .when().post("/api/tenders/" + t[0] + "/questions/" + qid + "/answer").then().statusCode(403);
        given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON)
                .body(Map.of("text", "Yes, from 8am on Saturdays"))
                .when().post("/api/tenders/" + t[0] + "/questions/" + qid + "/answer").then().statusCode(200);
        String everyone = given().when().get("/api/tenders/" + t[0] + "/questions").then().statusCode(200)
                .body("[0].text", equalTo("Is the hall available at weekends for the works?"))
                .body("[0].answer", equalTo("Yes, from 8am on Saturdays"))
                .extract().asString();
        assertFalse(everyone.contains(asker.supplierId().toString()), everyone);
        assertFalse(everyone.contains(Tokens.subject(asker.token())), everyone);
        assertEquals(List.of("id", "text", "askedAt", "answer", "answeredAt").stream().sorted().toList(),
                JsonPath.from(everyone).<String, Object>getMap("[0]").keySet().stream().sorted().toList());

        given().auth().oauth2(Tokens.of("buyer1")).when().get("/api/tenders/" + t[0] + "/audit").then()
                .body("find { it.action == 'QUESTION_ASKED' }.actor", equalTo("a supplier"));
        assertFalse(given().auth().oauth2(Tokens.of("buyer1")).when().get("/api/tenders/" + t[0] + "/audit").then()
                .extract().asString().contains(Tokens.subject(asker.token())), "the buyer cannot tell who asked");

        TestClock.advance(Duration.ofDays(2));
        given().auth().oauth2(asker.token()).contentType(ContentType.JSON).body(Map.of("text", "One more?"))
                .when().post("/api/tenders/" + t[0] + "/questions").then().statusCode(409)
                .body("errors[0].field", equalTo("clarificationDeadline"));
    }

    @Test
    void shouldKeepBidsSealedUntilTheDeadlineAndTheOpening() throws Exception {
        String[] t = published("NONE", Duration.ofDays(1), Duration.ofDays(3));
        Member first = KnownSuppliers.localSme("Standish Roofing Ltd");
        Member second = KnownSuppliers.localSme("Atherton Plastering Ltd");
        String secret = "Our-unmistakable-method-" + UUID.randomUUID();
        bid(first, t, "48123.45", "draft").statusCode(200);
        String firstBid = bid(first, t, "47999.99", secret).statusCode(200).body("price", equalTo(47999.99f))
                .extract().path("id");
        bid(second, t, "51000", "Second's method").statusCode(200);
        given().auth().oauth2(first.token()).when().get("/api/tenders/" + t[0] + "/lots/" + t[1] + "/bids/mine")
                .then().statusCode(200).body("id", equalTo(firstBid)).body("qualityResponse", equalTo(secret));
        TopicRecords.await(Topics.TENDERS, r -> t[0].equals(r.key()) && r.value().contains(
                first.supplierId().toString()), Duration.ofSeconds(30));

        // Nobody reads a bid before the deadline: not another supplier, not the buyer, not an admin ...
        given().auth().oauth2(second.token()).when().get("/api/tenders/" + t[0] + "/lots/" + t[1] + "/bids").then()
                .statusCode(403);
        for (String buyer : new String[] { "buyer1", "admin1" }) {
            given().auth().oauth2(Tokens.of(buyer)).when().get("/api/tenders/" + t[0] + "/lots/" + t[1] + "/bids")
                    .then().statusCode(409);
            given().auth().oauth2(Tokens.of(buyer)).when().post("/api/tenders/" + t[0] + "/opening").then()
                    .statusCode(409).body("errors[0].field", equalTo("submissionDeadline"));
        }
        // ... nor anyone with the database: no column of any bid shows its price or its text
        // (the bids, the audit log and the outbox, every row of each, as a dump would show them)
        try (var c = db.getConnection(); var s = c.createStatement();
                var rows = s.executeQuery("select b::text || encode(sealed, 'escape') from bid b"
                        + " union all select a::text from tender_audit a"
                        + " union all select o::text from outbox_message o")) {
            int seen = 0;
            while (rows.next()) {
                seen++;
                for (String needle : List.of(secret, "47999.99", "51000", "Second's method", "apprentices")) {
                    assertFalse(rows.getString(1).contains(needle), "a row shows " + needle + ": " + rows.getString(1));
                }
            }
            assertTrue(seen > 3, "the rows were read");
        }
        // The buyer's audit log shows no bid activity before the opening (who bid, how often, how many)
        given().auth().oauth2(Tokens.of("buyer1")).when().get("/api/tenders/" + t[0] + "/audit").then()
                .statusCode(200).body("action", not(hasItem("BID_SUBMITTED")))
                .body("action", not(hasItem("BID_REPLACED")));
        // ... nor the messages: BidSubmitted carries no contents
        var submitted = TopicRecords.await(Topics.TENDERS, TopicRecords.keyAndType(t[0],
                Topics.EventTypes.BID_SUBMITTED), Duration.ofSeconds(30));
        assertEquals(List.of("anchorId", "lotId", "submittedAt", "supplierId", "tenderId"),
                iterable(JSON.readTree(submitted.value()).fieldNames()));

        // Just before the deadline a bid is in; one second after it is refused, and so is a withdrawal
        Instant deadline = Instant.parse(given().when().get("/api/tenders/" + t[0]).then().extract()
                .path("submissionDeadline"));
        Member third = KnownSuppliers.localSme("Orrell Glazing Ltd");
        Member late = KnownSuppliers.localSme("Late Ltd");
        TestClock.advanceTo(deadline.minusSeconds(5)); // (real time goes on: five seconds are ample for one request)
        bid(third, t, "50500", "Third's method").statusCode(200);
        TestClock.advanceTo(deadline.plusSeconds(1));
        bid(late, t, "100", "Late").statusCode(409).body("errors[0].field", equalTo("submissionDeadline"));
        given().auth().oauth2(second.token()).when().delete("/api/tenders/" + t[0] + "/lots/" + t[1] + "/bids/mine")
                .then().statusCode(409);

        given().auth().oauth2(Tokens.ofNewBuyer("gmp")).when().post("/api/tenders/" + t[0] + "/opening").then()
                .statusCode(403);
        given().auth().oauth2(Tokens.of("buyer1")).when().post("/api/tenders/" + t[0] + "/opening").then()
                .statusCode(200).body("opened", equalTo(true)).body("status", equalTo("CLOSED"));
        // Closed (announced with who bid, now that nobody can) before it was opened; the buyer's log has no count
        var closed = JSON.readTree(TopicRecords.await(Topics.TENDERS, TopicRecords.keyAndType(t[0],
                Topics.EventTypes.TENDER_CLOSED), Duration.ofSeconds(30)).value());
        assertEquals(3, closed.get("bidders").size());
        given().auth().oauth2(Tokens.of("buyer1")).when().get("/api/tenders/" + t[0] + "/audit").then()
                .body("find { it.action == 'CLOSED' }.detail", equalTo("the submission deadline passed"));
        given().auth().oauth2(Tokens.of("buyer1")).when().post("/api/tenders/" + t[0] + "/opening").then()
                .statusCode(200);
        given().auth().oauth2(Tokens.of("buyer1")).when().get("/api/tenders/" + t[0] + "/lots/" + t[1] + "/bids")
                .then().statusCode(200)
                .body("size()", equalTo(3))
                .body("qualityResponse", hasItem(secret))
                .body("supplierName", hasItem("Standish Roofing Ltd"));
        given().auth().oauth2(Tokens.of("buyer1")).when().get("/api/tenders/" + t[0] + "/audit").then()
                .body("findAll { it.action == 'BIDS_OPENED' }.size()", equalTo(1))
                .body("action", hasItem("BID_REPLACED"));
        // A supplier still cannot read the others' bids
        given().auth().oauth2(second.token()).when().get("/api/tenders/" + t[0] + "/lots/" + t[1] + "/bids").then()
                .statusCode(403);
    }

    @Test
    void shouldNotOpenASealedValueCopiedOntoAnotherBidOrAltered() {
        UUID tender = UUID.randomUUID();
        UUID lot = UUID.randomUUID();
        UUID supplier = UUID.randomUUID();
        BidSeal.Sealed sealed = seal.seal(new byte[] { 1, 2, 3 }, tender, lot, supplier);
        assertEquals(List.of((byte) 1, (byte) 2, (byte) 3), boxed(seal.open(sealed, tender, lot, supplier)));
        assertThrows(IllegalStateException.class, () -> seal.open(sealed, tender, lot, UUID.randomUUID()));
        assertThrows(IllegalStateException.class, () -> seal.open(sealed, tender, UUID.randomUUID(), supplier));
        byte[] altered = sealed.bytes().clone();
        altered[altered.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> seal.open(new BidSeal.Sealed(sealed.keyId(), altered), tender,
                lot, supplier));
        assertThrows(IllegalStateException.class, () -> seal.open(new BidSeal.Sealed("k9", sealed.bytes()), tender,
                lot, supplier));
        // Sealed twice, never the same bytes (a fresh nonce each time)
        assertFalse(java.util.Arrays.equals(sealed.bytes(), seal.seal(new byte[] { 1, 2, 3 }, tender, lot, supplier)
                .bytes()));
    }

    private static List<Byte> boxed(byte[] bytes) {
        List<Byte> list = new ArrayList<>();
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }

    @Test
    void shouldKeepOneBidPerOrganisationWhenItsMembersSubmitAtOnce() throws Exception {
        String[] t = published("NONE", Duration.ofDays(1), Duration.ofDays(3));
        Member m = KnownSuppliers.localSme("Golborne Fencing Ltd");
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String price = (1000 + i) + ".00";
                Callable<Integer> put = () -> bid(m, t, price, "Attempt " + price).extract().statusCode();
                answers.add(pool.submit(put));
            }
            for (Future<Integer> a : answers) {
                assertEquals(200, a.get());
            }
        } finally {
            pool.shutdownNow();
        }
        try (var c = db.getConnection(); var s = c.prepareStatement("select count(*) from bid where lot_id = ?")) {
            s.setObject(1, UUID.fromString(t[1]));
            var rows = s.executeQuery();
            rows.next();
            assertEquals(1, rows.getInt(1));
        }
    }

    @Test
    void shouldScoreRankAwardAndTellEachBidderItsOutcome() throws Exception {
        String[] t = published("SME_VCFSE", Duration.ofDays(1), Duration.ofDays(3));
        Member cheap = KnownSuppliers.localSme("Leigh Builders Ltd");
        Member good = KnownSuppliers.newMember("Wigan Community Works CIC", "IN_BOROUGH", "MICRO", true, "VERIFIED");
        Member dear = KnownSuppliers.localSme("Ashton Contractors Ltd");
        String cheapBid = bid(cheap, t, "40000", "Cheap").statusCode(200).extract().path("id");
        String goodBid = bid(good, t, "50000", "Good").statusCode(200).extract().path("id");
        String dearBid = bid(dear, t, "80000", "Dear").statusCode(200).extract().path("id");
        String buyer = Tokens.of("buyer1");
        String lotPath = "/api/tenders/" + t[0] + "/lots/" + t[1];
        // each bidder sees its own bids only, its price included, and how each stands
        given().auth().oauth2(cheap.token()).when().get("/api/bids/mine").then().statusCode(200)
                .body("bidId", equalTo(List.of(cheapBid)))
                .body("[0].price", equalTo(40000.0f))
                .body("[0].tenderId", equalTo(t[0]))
                .body("[0].lotNumber", equalTo(1))
                .body("[0].outcome", equalTo("OPEN"));
        given().auth().oauth2(buyer).when().get("/api/bids/mine").then().statusCode(403);
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(Map.of("quality", 50, "socialValue", 50))
                .when().put(lotPath + "/bids/" + cheapBid + "/scores").then().statusCode(409); // still sealed
        TestClock.advance(Duration.ofDays(3));
        given().auth().oauth2(buyer).when().post("/api/tenders/" + t[0] + "/opening").then().statusCode(200);
        given().auth().oauth2(dear.token()).when().get("/api/bids/mine").then()
                .body("outcome", equalTo(List.of("UNDER_EVALUATION")));

        score(buyer, lotPath, cheapBid, 50, 40);
        var partial = given().auth().oauth2(buyer).when().get(lotPath + "/evaluation").then().statusCode(200)
                .body("complete", equalTo(false)).extract().jsonPath();
        assertEquals(List.of(), partial.getList("bids.findAll { it.rank != null }"));
        String award = "{\"bidId\": \"%s\", \"contractStart\": \"2027-04-01\", \"contractEnd\": \"2028-03-31\"}";
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(award.formatted(goodBid))
                .when().post(lotPath + "/award").then().statusCode(409); // every bid scored first
        score(buyer, lotPath, goodBid, 90, 100);
        score(buyer, lotPath, dearBid, 100, 100);
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(Map.of("quality", 101, "socialValue", 5))
                .when().put(lotPath + "/bids/" + dearBid + "/scores").then().statusCode(400);

        // Price scores: 40000/40000 = 100, 40000/50000 = 80, 40000/80000 = 50; weights 60/30/10
        // cheap 60 + 15 + 4 = 79; good 48 + 27 + 10 = 85; dear 30 + 30 + 10 = 70
        given().auth().oauth2(buyer).when().get(lotPath + "/evaluation").then().statusCode(200)
                .body("complete", equalTo(true))
                .body("bids.bidId", equalTo(List.of(goodBid, cheapBid, dearBid)))
                .body("bids.priceScore", equalTo(List.of(80.0f, 100.0f, 50.0f)))
                .body("bids.total", equalTo(List.of(85.0f, 79.0f, 70.0f)))
                .body("bids.rank", equalTo(List.of(1, 2, 3)));
        given().auth().oauth2(cheap.token()).when().get(lotPath + "/outcome").then().statusCode(409);

        String contract = given().auth().oauth2(buyer).contentType(ContentType.JSON).body(award.formatted(goodBid))
                .when().post(lotPath + "/award").then().statusCode(201)
                .body("supplierName", equalTo("Wigan Community Works CIC"))
                .body("value", equalTo(50000.0f))
                .body("reservation", equalTo("SME_VCFSE"))
                .extract().path("id");
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(award.formatted(cheapBid))
                .when().post(lotPath + "/award").then().statusCode(409);
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(Map.of("quality", 1, "socialValue", 1))
                .when().put(lotPath + "/bids/" + goodBid + "/scores").then().statusCode(409);
        given().when().get("/api/tenders/" + t[0]).then().body("status", equalTo("AWARDED"))
                .body("lots[0].awarded", equalTo(true));
        given().queryParam("supplier", good.supplierId().toString()).when().get("/api/contracts").then()
                .statusCode(200).body("id", equalTo(List.of(contract)));
        var awarded = TopicRecords.await(Topics.TENDERS, TopicRecords.keyAndType(t[0],
                Topics.EventTypes.CONTRACT_AWARDED), Duration.ofSeconds(30));
        var data = JSON.readTree(awarded.value());
        assertEquals("50000.00", data.get("value").asText());
        assertEquals(good.supplierId().toString(), data.get("supplierId").asText());
        assertEquals("wigan-council", data.get("anchorId").asText());
        assertEquals("2028-03-31", data.get("contractEnd").asText());

        given().auth().oauth2(cheap.token()).when().get(lotPath + "/outcome").then().statusCode(200)
                .body("won", equalTo(false))
                .body("mine.total", equalTo(79.0f))
                .body("winner.total", equalTo(85.0f))
                .body("winner.supplierName", equalTo("Wigan Community Works CIC"));
        given().auth().oauth2(good.token()).when().get(lotPath + "/outcome").then().body("won", equalTo(true));
        given().auth().oauth2(good.token()).when().get("/api/bids/mine").then()
                .body("bidId", equalTo(List.of(goodBid))).body("outcome", equalTo(List.of("WON")));
        given().auth().oauth2(cheap.token()).when().get("/api/bids/mine").then()
                .body("outcome", equalTo(List.of("NOT_WON"))).body("tenderStatus", equalTo(List.of("AWARDED")));
        given().auth().oauth2(KnownSuppliers.localSme("Not a bidder Ltd").token()).when().get(lotPath + "/outcome")
                .then().statusCode(404);
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body("{\"reason\": \"Too late\"}")
                .when().post("/api/tenders/" + t[0] + "/cancellation").then().statusCode(409);
        given().auth().oauth2(buyer).when().get("/api/tenders/" + t[0] + "/audit").then()
                .body("action", hasItem("LOT_AWARDED")).body("action", not(hasItem("CANCELLED")));
    }

    private static void score(String buyer, String lotPath, String bidId, int quality, int socialValue) {
        given().auth().oauth2(buyer).contentType(ContentType.JSON)
                .body(Map.of("quality", quality, "socialValue", socialValue))
                .when().put(lotPath + "/bids/" + bidId + "/scores").then().statusCode(200)
                .body("bidId", equalTo(bidId));
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list.stream().sorted().toList();
    }
}
