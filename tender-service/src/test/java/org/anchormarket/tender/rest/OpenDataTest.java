package org.anchormarket.tender.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The open data: every public change of a tender is an OCDS 1.1 release; a tender's record package and the release
 * feed validate against the official OCDS 1.1.5 schemas (../shared/data/ocds-1.1.5, JSON Schema draft 4), and say
 * what the tender says: lots, the UK suitability and reservation, awards and contracts; a draft is never released and
 * nobody learns how many bid before the deadline.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class OpenDataTest {

    static final Path OCDS = Path.of("..", "..", "shared", "data", "ocds-1.1.5").toAbsolutePath().normalize();
    static final String SCHEMAS = "https://standard.open-contracting.org/schema/1__1__5/";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static Schema recordPackage;
    private static Schema releasePackage;

    @BeforeAll
    static void officialSchemas() {
        // The schemas refer to each other by their published addresses: served here from the reference data
        Map<String, String> local = Map.of(
                SCHEMAS + "release-schema.json", read("release-schema.json"),
                SCHEMAS + "record-package-schema.json", read("record-package-schema.json"),
                SCHEMAS + "release-package-schema.json", read("release-package-schema.json"),
                SCHEMAS + "versioned-release-validation-schema.json", read("versioned-release-validation-schema.json"));
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                b -> b.schemas(local));
        recordPackage = registry.getSchema(com.networknt.schema.SchemaLocation.of(SCHEMAS
                + "record-package-schema.json"));
        releasePackage = registry.getSchema(com.networknt.schema.SchemaLocation.of(SCHEMAS
                + "release-package-schema.json"));
    }

    @Test
    void shouldCheckAgainstTheOfficialSchemaForReal() throws Exception {
        // the validator is not a yes-machine: the standard's own example passes, a broken copy does not
        JsonNode example = JSON.readTree(OCDS.resolve("examples/record.json").toFile());
        assertEquals(List.of(), messages(recordPackage.validate(example)));
        ObjectNode broken = example.deepCopy();
        ((ObjectNode) broken.path("records").get(0)).remove("ocid");
        ((ObjectNode) broken.path("records").get(0).path("compiledRelease")).putArray("tag").add("notATag");
        List<String> problems = messages(recordPackage.validate(broken));
        assertTrue(problems.stream().anyMatch(p -> p.contains("ocid")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("notATag") || p.contains("enum")), problems.toString());
    }

    @Test
    void shouldPublishEachPublicChangeAsAReleaseAndTheRecordValid() throws Exception {
        String buyer = Tokens.of("buyer1");
        String id = TenderLifecycleTest.create(buyer, TenderBodies.draft("Open data hall " + UUID.randomUUID(),
                "SME_VCFSE", "40000", Duration.ofDays(2), Duration.ofDays(4),
                ", \"lots\": [{\"title\": \"Hall\", \"estimatedValue\": 30000}, {\"title\": \"Kitchen\","
                        + " \"estimatedValue\": 10000, \"cpvCodes\": [\"45421000\"]}]"));
        given().when().get("/api/tenders/" + id + "/ocds").then().statusCode(404); // a draft is never released
        TenderLifecycleTest.publish(buyer, id);
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(Map.of("reason", "More time for SMEs",
                "submissionDeadline", TestClock.now().plus(Duration.ofDays(6)).toString()))
                .when().post("/api/tenders/" + id + "/amendments").then().statusCode(200);

        JsonNode open = record(id);
        JsonNode compiled = open.path("records").get(0).path("compiledRelease");
        assertEquals(List.of("[\"tender\"]", "[\"tenderAmendment\"]"), tags(open));
        assertEquals("active", compiled.path("tender").path("status").asText());
        assertEquals(2, compiled.path("tender").path("lots").size());
        assertEquals("SME_VCFSE", compiled.path("tender").path("x_reservation").path("code").asText());
        assertTrue(compiled.path("tender").path("suitability").path("sme").asBoolean());
        assertTrue(compiled.path("tender").path("lots").get(0).path("suitability").path("vcse").asBoolean());
        assertEquals("More time for SMEs", compiled.path("tender").path("amendments").get(0).path("rationale").asText()
                .replaceFirst("^submissionDeadline: ", ""));
        assertEquals("buyer", compiled.path("parties").get(0).path("roles").get(0).asText());
        assertEquals("wigan-council", compiled.path("buyer").path("id").asText());
        assertFalse(compiled.path("tender").has("numberOfTenderers"), "who bid is sealed until the deadline");
        assertEquals("45421000", compiled.path("tender").path("items").get(1).path("classification").path("id")
                .asText());

        // to the award: bids, the deadline, the opening, scores, the contract
        Member winner = KnownSuppliers.localSme("Open Data Joinery Ltd " + UUID.randomUUID());
        List<String> lots = given().when().get("/api/tenders/" + id).then().extract().path("lots.id");
        String bid = given().auth().oauth2(winner.token()).contentType(ContentType.JSON)
                .body(Map.of("price", 28000, "qualityResponse", "Good", "socialValueCommitments", "Local"))
                .when().put("/api/tenders/" + id + "/lots/" + lots.get(0) + "/bids/mine").then().statusCode(200)
                .extract().path("id");
        assertFalse(record(id).path("records").get(0).path("compiledRelease").path("tender").has("numberOfTenderers"));
        TestClock.advance(Duration.ofDays(7));
        given().auth().oauth2(buyer).when().post("/api/tenders/" + id + "/opening").then().statusCode(200);
        String lotPath = "/api/tenders/" + id + "/lots/" + lots.get(0);
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(Map.of("quality", 70, "socialValue", 60))
                .when().put(lotPath + "/bids/" + bid + "/scores").then().statusCode(200);
        String contract = given().auth().oauth2(buyer).contentType(ContentType.JSON).body(Map.of("bidId", bid,
                "contractStart", "2027-04-01", "contractEnd", "2028-03-31"))
                .when().post(lotPath + "/award").then().statusCode(201).extract().path("id");

        JsonNode awarded = record(id);
        // the close (who bid still sealed), the opening (now how many), the award
        assertEquals(List.of("[\"tender\"]", "[\"tenderAmendment\"]", "[\"tenderUpdate\"]", "[\"tenderUpdate\"]",
                "[\"award\",\"contract\"]"), tags(awarded));
        JsonNode releases = awarded.path("records").get(0).path("releases");
        assertFalse(releases.get(2).path("tender").has("numberOfTenderers"), "closed, not yet opened");
        assertEquals(1, releases.get(3).path("tender").path("numberOfTenderers").asInt(), "opened");
        JsonNode last = awarded.path("records").get(0).path("compiledRelease");
        assertEquals("[\"compiled\"]", last.path("tag").toString());
        assertEquals(1, last.path("tender").path("numberOfTenderers").asInt());
        assertEquals(contract, last.path("awards").get(0).path("id").asText());
        assertEquals(winner.supplierId().toString(), last.path("awards").get(0).path("suppliers").get(0).path("id")
                .asText());
        assertEquals(lots.get(0), last.path("awards").get(0).path("relatedLots").get(0).asText());
        assertEquals(0, new java.math.BigDecimal("28000.00").compareTo(last.path("contracts").get(0).path("value")
                .path("amount").decimalValue()));
        assertEquals("GBP", last.path("contracts").get(0).path("value").path("currency").asText());
        assertEquals("2027-04-01T00:00:00+01:00", last.path("contracts").get(0).path("period").path("startDate")
                .asText(), "the first day, in UK time (BST in April)");
        assertTrue(last.path("parties").toString().contains("\"supplier\""), last.path("parties").toString());
        assertEquals("complete", last.path("tender").path("lots").get(0).path("status").asText());
        assertEquals("active", last.path("tender").path("lots").get(1).path("status").asText(), "not yet awarded");
        assertEquals("active", last.path("tender").path("status").asText(), "one lot of two awarded: still active");
        assertEquals("pending", last.path("contracts").get(0).path("status").asText(), "it starts in April");
        assertTrue(!awarded.toString().contains("Good") && !awarded.toString().contains("\"Local\""),
                "bids' contents are never open data");

        // the feed: every release, in order, valid as release packages
        List<String> feed = new ArrayList<>();
        for (int page = 0;; page++) {
            JsonNode pkg = JSON.readTree(given().queryParam("page", page).queryParam("size", 500)
                    .when().get("/api/ocds/releases").then().statusCode(200).extract().asString());
            assertEquals(List.of(), messages(releasePackage.validate(pkg)), pkg.toString());
            pkg.path("releases").forEach(r -> feed.add(r.path("id").asText()));
            if (pkg.path("releases").size() < 500) {
                break;
            }
        }
        List<String> ours = feed.stream().filter(r -> r.contains(id)).toList();
        assertEquals(5, ours.size(), feed.toString());
        assertTrue(ours.get(0).endsWith("-1-tender") && ours.get(4).endsWith("-5-award-contract"), ours.toString());
        given().queryParam("size", 501).when().get("/api/ocds/releases").then().statusCode(400);
    }

    @Test
    void shouldReleaseACancellationAndKeepACancelledDraftOutOfTheData() throws Exception {
        String buyer = Tokens.of("buyer1");
        String draft = TenderLifecycleTest.create(buyer, TenderBodies.draft("Never published " + UUID.randomUUID()));
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(Map.of("reason", "Not needed"))
                .when().post("/api/tenders/" + draft + "/cancellation").then().statusCode(200);
        given().when().get("/api/tenders/" + draft + "/ocds").then().statusCode(404);

        String id = TenderLifecycleTest.create(buyer, TenderBodies.draft("Cancelled " + UUID.randomUUID()));
        TenderLifecycleTest.publish(buyer, id);
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(Map.of("reason", "Budget withdrawn"))
                .when().post("/api/tenders/" + id + "/cancellation").then().statusCode(200);
        JsonNode cancelled = record(id);
        assertEquals(List.of("[\"tender\"]", "[\"tenderCancellation\"]"), tags(cancelled));
        JsonNode tender = cancelled.path("records").get(0).path("compiledRelease").path("tender");
        assertEquals("cancelled", tender.path("status").asText());
        assertEquals("Budget withdrawn", tender.path("x_cancellationReason").asText());
        given().when().get("/api/tenders/" + UUID.randomUUID() + "/ocds").then().statusCode(404)
                .contentType(org.hamcrest.Matchers.containsString("problem+json"));
    }

    /** The tender's record package, checked against the official schema. */
    private static JsonNode record(String id) throws IOException {
        JsonNode pkg = JSON.readTree(given().when().get("/api/tenders/" + id + "/ocds").then().statusCode(200)
                .contentType(ContentType.JSON).extract().asString());
        assertEquals(List.of(), messages(recordPackage.validate(pkg)), pkg.toString());
        assertEquals("1.1", pkg.path("version").asText());
        return pkg;
    }

    private static List<String> tags(JsonNode recordPackage) {
        List<String> tags = new ArrayList<>();
        recordPackage.path("records").get(0).path("releases").forEach(r -> tags.add(r.path("tag").toString()));
        return tags;
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }

    private static String read(String file) {
        try {
            return Files.readString(OCDS.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("The OCDS schemas are read from the reference data beside the checkout: "
                    + OCDS, e);
        }
    }
}
