package org.anchormarket.supplier.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.junit.jupiter.api.Test;

/** A supplier sees and edits its profile; every change is kept as history (who, when, what). */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class SupplierProfileEditTest {

    private static String registerAs(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/suppliers").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse edit(String token, String id, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().patch("/api/suppliers/" + id).then();
    }

    @Test
    void shouldKeepEveryEditAsHistoryWithWhoWhenAndWhat() {
        String member = Tokens.ofNewUser("supplier");
        String id = registerAs(member, Registrations.valid());
        edit(member, id, Map.of("postcode", "PR7 1AA", "employees", 60))
                .statusCode(200)
                .body("postcode", equalTo("PR7 1AA"))
                .body("legalName", equalTo("Pemberton Joinery Ltd"))
                .body("classification.locality", equalTo("NORTH_WEST"))
                .body("classification.sizeBand", equalTo("MEDIUM"))
                .body("updatedAt", notNullValue());

        given().auth().oauth2(member).when().get("/api/suppliers/" + id + "/history")
                .then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].changedBy", notNullValue())
                .body("[0].changedAt", notNullValue())
                .body("[0].changes.field", hasItems("postcode", "employees", "locality", "town", "sizeBand"))
                .body("[0].changes.find { it.field == 'postcode' }.from", equalTo("WN5 9XX"))
                .body("[0].changes.find { it.field == 'postcode' }.to", equalTo("PR7 1AA"))
                .body("[0].changes.find { it.field == 'employees' }.to", equalTo(60))
                .body("[1].changes.field", hasItem("legalName"));
    }

    @Test
    void shouldChangeNothingForAnInvalidEdit() {
        String member = Tokens.ofNewUser("supplier");
        String id = registerAs(member, Registrations.valid());
        edit(member, id, Map.of("companyNumber", "XY123456", "postcode", "PR7 1AA"))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("companyNumber")));
        edit(member, id, Map.of("employees", -5)).statusCode(400).body("errors[0].field", equalTo("employees"));
        given().auth().oauth2(member).when().get("/api/suppliers/" + id)
                .then().body("postcode", equalTo("WN5 9XX")).body("employees", equalTo(12));
        given().auth().oauth2(member).when().get("/api/suppliers/" + id + "/history").then().body("", hasSize(1));
    }

    @Test
    void shouldRecordNothingForAnEditThatChangesNothing() {
        String member = Tokens.ofNewUser("supplier");
        String id = registerAs(member, Registrations.valid());
        edit(member, id, Map.of("postcode", "WN5 9XX", "employees", 12)).statusCode(200);
        given().auth().oauth2(member).when().get("/api/suppliers/" + id + "/history").then().body("", hasSize(1));
    }

    @Test
    void shouldEmptyAListSentEmptyAndKeepAListNotSent() {
        String member = Tokens.ofNewUser("supplier");
        String id = registerAs(member, Registrations.valid("cpvCodes", List.of("45421000", "45210000")));
        edit(member, id, Map.of("description", "Bespoke joinery")).statusCode(200)
                .body("cpvCodes", hasSize(2));
        edit(member, id, Map.of("cpvCodes", List.of())).statusCode(200).body("cpvCodes", emptyIterable());
    }

    @Test
    void shouldReturnAVerifiedSupplierToPendingWhenItsLegalIdentityChanges() {
        String admin = Tokens.of("admin1");
        String id = registerAs(admin, Registrations.valid());
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("status", "VERIFIED"))
                .when().post("/api/suppliers/" + id + "/verification").then().statusCode(200);
        edit(admin, id, Map.of("description", "Joinery and shopfitting")).statusCode(200)
                .body("status", equalTo("VERIFIED"));
        edit(admin, id, Map.of("legalName", "Pemberton Joinery and Shopfitting Ltd")).statusCode(200)
                .body("status", equalTo("PENDING"));
    }

    @Test
    void shouldLetOnlyMembersAndAdminsEditOrReadTheHistory() {
        String member = Tokens.ofNewUser("supplier");
        String id = registerAs(member, Registrations.valid());
        String stranger = Tokens.ofNewUser("supplier");
        edit(stranger, id, Map.of("description", "Hijacked")).statusCode(404);
        edit(Tokens.of("buyer1"), id, Map.of("description", "Hijacked")).statusCode(403);
        given().auth().oauth2(stranger).when().get("/api/suppliers/" + id + "/history").then().statusCode(404);
        given().auth().oauth2(Tokens.of("leader1")).when().get("/api/suppliers/" + id + "/history")
                .then().statusCode(403);
        edit(Tokens.of("admin1"), id, Map.of("description", "Checked by the helpdesk")).statusCode(200);
        given().auth().oauth2(Tokens.of("admin1")).when().get("/api/suppliers/" + id + "/history")
                .then().statusCode(200).body("", hasSize(2));
    }

    @Test
    void shouldRefuseAnEditToANumberAVerifiedOrganisationHas() {
        String taken = Registrations.uniqueCompanyNumber();
        String holder = registerAs(Tokens.of("admin1"), Registrations.valid("companyNumber", taken));
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).body(Map.of("status", "VERIFIED"))
                .when().post("/api/suppliers/" + holder + "/verification").then().statusCode(200);
        String member = Tokens.ofNewUser("supplier");
        String id = registerAs(member, Registrations.valid());
        edit(member, id, Map.of("companyNumber", taken)).statusCode(409)
                .body("errors[0].field", equalTo("companyNumber"));
    }

    @Test
    void shouldRefuseAnEditMadeOnAStaleReadWith412AndChangeNothing() {
        String member = Tokens.ofNewUser("supplier");
        String id = registerAs(member, Registrations.valid());
        String read = given().auth().oauth2(member).when().get("/api/suppliers/" + id).then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.matchesPattern("\"[0-9]+\"")).extract().header("ETag");

        String afterFirst = given().auth().oauth2(member).header("If-Match", read).contentType(ContentType.JSON)
                .body(Map.of("description", "First edit")).when().patch("/api/suppliers/" + id)
                .then().statusCode(200).extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(read, afterFirst);
        given().auth().oauth2(member).header("If-Match", read).contentType(ContentType.JSON)
                .body(Map.of("description", "Second edit, made on the old read")).when().patch("/api/suppliers/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(member).header("If-Match", "yesterday").contentType(ContentType.JSON)
                .body(Map.of("description", "x")).when().patch("/api/suppliers/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("If-Match"));
        given().auth().oauth2(member).when().get("/api/suppliers/" + id).then().statusCode(200)
                .header("ETag", afterFirst).body("description", equalTo("First edit"));
    }

    @Test
    void shouldAnswer409NotA500WhenEditsRace() throws Exception {
        String member = Tokens.ofNewUser("supplier");
        String id = registerAs(member, Registrations.valid());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < 8; i++) {
                    int n = round * 8 + i;
                    statuses.add(pool.submit(() -> given().auth().oauth2(member).contentType(ContentType.JSON)
                            .body(Map.of("description", "Edit " + n, "employees", 10 + n))
                            .when().patch("/api/suppliers/" + id).then().extract().statusCode()));
                }
            }
            java.util.Map<Integer, Long> counted = new java.util.TreeMap<>();
            for (var status : statuses) {
                counted.merge(status.get(), 1L, Long::sum);
            }
            org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of(), new java.util.HashSet<>(
                    counted.keySet()).stream().filter(s -> s != 200 && s != 409).collect(
                            java.util.stream.Collectors.toSet()), "only 200 or 409: " + counted);
            org.junit.jupiter.api.Assertions.assertTrue(counted.getOrDefault(200, 0L) > 0, counted.toString());
        } finally {
            pool.shutdown();
        }
    }
}
