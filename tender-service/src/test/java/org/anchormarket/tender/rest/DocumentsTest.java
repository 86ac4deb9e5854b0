package org.anchormarket.tender.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.tender.support.Files;
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
 * A tender's documents (public once published; added afterwards, an amendment told to bidders) and bids' files
 * (sealed like the bids until the opening): types checked by their contents, sizes limited, nothing kept on refusal.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class DocumentsTest {

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Inject
    DataSource db;

    private static io.restassured.response.ValidatableResponse add(String token, String tender, String type,
            byte[] bytes, String name, String reason) {
        var request = given().auth().oauth2(token).contentType(type).body(bytes).queryParam("name", name);
        if (reason != null) {
            request = request.queryParam("reason", reason);
        }
        return request.when().post("/api/tenders/" + tender + "/documents").then();
    }

    @Test
    void shouldKeepADraftsDocumentsPrivateAndPublishThemWithIt() {
        String buyer = Tokens.of("buyer1");
        String id = TenderLifecycleTest.create(buyer, TenderBodies.draft("Documents " + UUID.randomUUID()));
        byte[] spec = Files.pdf("the specification");
        String doc = add(buyer, id, PDF, spec, "C:\\fakepath\\Specification.pdf", null).statusCode(201)
                .body("name", equalTo("Specification.pdf")).body("contentType", equalTo(PDF))
                .body("size", equalTo(spec.length)).extract().path("id");
        add(buyer, id, DOCX, Files.docx(), "Pricing schedule.docx", null).statusCode(201);
        given().when().get("/api/tenders/" + id + "/documents").then().statusCode(404); // a draft is private
        // another anchor's buyer does not see the draft at all; a supplier may not add documents
        given().auth().oauth2(Tokens.ofNewBuyer("gmp")).contentType(PDF).body(spec).queryParam("name", "x.pdf")
                .when().post("/api/tenders/" + id + "/documents").then().statusCode(404);
        given().auth().oauth2(Tokens.ofNewUser("supplier")).contentType(PDF).body(spec).queryParam("name", "x.pdf")
                .when().post("/api/tenders/" + id + "/documents").then().statusCode(403);

        TenderLifecycleTest.publish(buyer, id);
        given().auth().oauth2(Tokens.ofNewBuyer("gmp")).contentType(PDF).body(spec).queryParam("name", "x.pdf")
                .queryParam("reason", "Not ours").when().post("/api/tenders/" + id + "/documents").then()
                .statusCode(403);
        given().when().get("/api/tenders/" + id + "/documents").then().statusCode(200)
                .body("name", equalTo(List.of("Specification.pdf", "Pricing schedule.docx")));
        var download = given().when().get("/api/tenders/" + id + "/documents/" + doc).then().statusCode(200)
                .contentType(PDF).header("Content-Disposition", containsString("attachment"))
                .header("Content-Disposition", containsString("Specification.pdf"))
                .header("X-Content-Type-Options", "nosniff").extract();
        assertArrayEquals(spec, download.asByteArray());
        given().when().get("/api/tenders/" + id + "/documents/" + UUID.randomUUID()).then().statusCode(404);
        given().when().get("/api/tenders/" + id + "/ocds").then().statusCode(200)
                .body("records[0].compiledRelease.tender.documents.title", hasItem("Specification.pdf"));
    }

    @Test
    void shouldRefuseFilesThatAreNotWhatTheySayAndKeepNothing() {
        String buyer = Tokens.of("buyer1");
        String id = TenderLifecycleTest.create(buyer, TenderBodies.draft("Refused files " + UUID.randomUUID()));
        add(buyer, id, "application/x-msdownload", new byte[] { 'M', 'Z' }, "setup.exe", null).statusCode(415)
                .contentType(containsString("problem+json"));
        add(buyer, id, PDF, Files.png(), "picture.pdf", null).statusCode(400).body("errors.field", hasItem("content"));
        add(buyer, id, DOCX, Files.zip(false, "readme.txt", "hello"), "not-word.docx", null).statusCode(400)
                .body("errors.field", hasItem("content"));
        add(buyer, id, "text/csv", new byte[] { 'a', ',', (byte) 0xa3 }, "prices.csv", null).statusCode(400);
        add(buyer, id, PDF, new byte[0], "empty.pdf", null).statusCode(400);
        add(buyer, id, PDF, Files.pdf("x"), "  ", null).statusCode(400).body("errors.field", hasItem("name"));
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(Files.pdf("big"), 0, big, 0, 10);
        add(buyer, id, PDF, big, "big.pdf", null).statusCode(413);
        given().auth().oauth2(buyer).when().get("/api/tenders/" + id + "/documents").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void shouldMakeADocumentAddedAfterPublicationAnAmendmentToldToBidders() throws Exception {
        String buyer = Tokens.of("buyer1");
        String id = TenderLifecycleTest.create(buyer, TenderBodies.draft("Amended by a document " + UUID.randomUUID()));
        TenderLifecycleTest.publish(buyer, id);
        Member bidder = KnownSuppliers.localSme("Document Bidder Ltd " + UUID.randomUUID());
        String lot = given().when().get("/api/tenders/" + id).then().extract().path("lots[0].id");
        given().auth().oauth2(bidder.token()).contentType(ContentType.JSON)
                .body(Map.of("price", 1000, "qualityResponse", "Q", "socialValueCommitments", "S"))
                .when().put("/api/tenders/" + id + "/lots/" + lot + "/bids/mine").then().statusCode(200);

        add(buyer, id, PDF, Files.pdf("addendum"), "Addendum 1.pdf", null).statusCode(400)
                .body("errors.field", hasItem("reason"));
        add(buyer, id, PDF, Files.pdf("addendum"), "Addendum 1.pdf", "Site plan corrected").statusCode(201)
                .body("reason", equalTo("Site plan corrected"));
        var amended = TopicRecords.await(Topics.TENDERS, TopicRecords.keyAndType(id, Topics.EventTypes.TENDER_AMENDED),
                Duration.ofSeconds(30));
        assertEquals(true, amended.value().contains("\"documents\""), amended.value());
        given().auth().oauth2(bidder.token()).when().get("/api/notifications").then().statusCode(200)
                .body("title", hasItem(containsString("New document")));
        given().when().get("/api/tenders/" + id + "/ocds").then()
                .body("records[0].releases.tag.flatten()", hasItem("tenderAmendment"));

        TestClock.advance(Duration.ofDays(15));
        add(buyer, id, PDF, Files.pdf("late"), "Late.pdf", "Too late").statusCode(409);
    }

    @Test
    void shouldSealABidsFilesUntilTheOpening() throws Exception {
        String buyer = Tokens.of("buyer1");
        String id = TenderLifecycleTest.create(buyer, TenderBodies.draft("Sealed files " + UUID.randomUUID()));
        TenderLifecycleTest.publish(buyer, id);
        String lot = given().when().get("/api/tenders/" + id).then().extract().path("lots[0].id");
        String bids = "/api/tenders/" + id + "/lots/" + lot + "/bids";
        Member bidder = KnownSuppliers.localSme("Sealed Files Ltd " + UUID.randomUUID());
        Member other = KnownSuppliers.localSme("Nosy Neighbour Ltd " + UUID.randomUUID());
        byte[] method = Files.pdf("Our method statement: secret technique");
        String secretName = "Method statement of " + UUID.randomUUID() + ".pdf";

        given().auth().oauth2(bidder.token()).contentType(PDF).body(method).queryParam("name", secretName)
                .when().post(bids + "/mine/attachments").then().statusCode(409); // the bid first
        given().auth().oauth2(bidder.token()).contentType(ContentType.JSON)
                .body(Map.of("price", 2000, "qualityResponse", "Q", "socialValueCommitments", "S"))
                .when().put(bids + "/mine").then().statusCode(200);
        String file = given().auth().oauth2(bidder.token()).contentType(PDF).body(method)
                .queryParam("name", secretName).when().post(bids + "/mine/attachments").then().statusCode(201)
                .body("name", equalTo(secretName)).extract().path("id");
        given().auth().oauth2(bidder.token()).when().get(bids + "/mine").then().statusCode(200)
                .body("attachments.name", equalTo(List.of(secretName)));
        assertArrayEquals(method, given().auth().oauth2(bidder.token()).when()
                .get(bids + "/mine/attachments/" + file).then().statusCode(200).contentType(PDF)
                .header("Cache-Control", containsString("no-store")).extract().asByteArray());
        given().auth().oauth2(other.token()).when().get(bids + "/mine/attachments/" + file).then().statusCode(404);

        // nobody reads it before the opening: not the buyer, not the database
        String bidId = given().auth().oauth2(bidder.token()).when().get(bids + "/mine").then().extract().path("id");
        given().auth().oauth2(buyer).when().get(bids + "/" + bidId + "/attachments/" + file).then().statusCode(409);
        try (var c = db.getConnection(); var st = c.createStatement();
                var rs = st.executeQuery("select * from bid_attachment")) {
            StringBuilder dump = new StringBuilder();
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    dump.append(v instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : String.valueOf(v));
                }
            }
            assertFalse(dump.toString().contains("secret technique"), "the file's contents are sealed");
            assertFalse(dump.toString().contains(secretName), "its name too");
        }
        given().auth().oauth2(buyer).when().get("/api/tenders/" + id + "/audit").then()
                .body("action", not(hasItem("BID_ATTACHMENT_ADDED")));

        TestClock.advance(Duration.ofDays(15));
        given().auth().oauth2(bidder.token()).contentType(PDF).body(method).queryParam("name", "late.pdf")
                .when().post(bids + "/mine/attachments").then().statusCode(409);
        given().auth().oauth2(bidder.token()).when().delete(bids + "/mine/attachments/" + file).then()
                .statusCode(409);
        given().auth().oauth2(buyer).when().post("/api/tenders/" + id + "/opening").then().statusCode(200);
        given().auth().oauth2(buyer).when().get(bids).then().statusCode(200)
                .body("[0].attachments.name", equalTo(List.of(secretName)));
        assertArrayEquals(method, given().auth().oauth2(buyer).when()
                .get(bids + "/" + bidId + "/attachments/" + file).then().statusCode(200).extract().asByteArray());
        given().auth().oauth2(Tokens.ofNewBuyer("gmp")).when().get(bids + "/" + bidId + "/attachments/" + file)
                .then().statusCode(403);
    }

    @Test
    void shouldRemoveABidsFilesWithTheBid() {
        String buyer = Tokens.of("buyer1");
        String id = TenderLifecycleTest.create(buyer, TenderBodies.draft("Withdrawn files " + UUID.randomUUID()));
        TenderLifecycleTest.publish(buyer, id);
        String lot = given().when().get("/api/tenders/" + id).then().extract().path("lots[0].id");
        String bids = "/api/tenders/" + id + "/lots/" + lot + "/bids";
        Member bidder = KnownSuppliers.localSme("Withdrawing Ltd " + UUID.randomUUID());
        given().auth().oauth2(bidder.token()).contentType(ContentType.JSON)
                .body(Map.of("price", 2000, "qualityResponse", "Q", "socialValueCommitments", "S"))
                .when().put(bids + "/mine").then().statusCode(200);
        String first = given().auth().oauth2(bidder.token()).contentType(DOCX).body(Files.docx())
                .queryParam("name", "cv.docx").when().post(bids + "/mine/attachments").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(bidder.token()).when().delete(bids + "/mine/attachments/" + first).then()
                .statusCode(204);
        given().auth().oauth2(bidder.token()).contentType(DOCX).body(Files.docx()).queryParam("name", "cv2.docx")
                .when().post(bids + "/mine/attachments").then().statusCode(201);
        given().auth().oauth2(bidder.token()).when().delete(bids + "/mine").then().statusCode(204);
        given().auth().oauth2(bidder.token()).contentType(ContentType.JSON)
                .body(Map.of("price", 1500, "qualityResponse", "Q", "socialValueCommitments", "S"))
                .when().put(bids + "/mine").then().statusCode(200).body("attachments.size()", equalTo(0));
    }
}
