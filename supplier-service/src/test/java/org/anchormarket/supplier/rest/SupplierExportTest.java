package org.anchormarket.supplier.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Buyers, leadership and admins export the directory as CSV, with the same filters as the search. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class SupplierExportTest {

    private static void register(Object... fields) {
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).body(Registrations.valid(fields))
                .when().post("/api/suppliers").then().statusCode(201);
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }

    @Test
    void shouldExportTheSuppliersTheFiltersMatchWithTheirClassification() throws IOException {
        String tag = "Export" + UUID.randomUUID().toString().substring(0, 8);
        register("legalName", tag + " Leigh Bakery Ltd", "postcode", "WN7 1AA", "cpvCodes", List.of("15810000"));
        register("legalName", tag + " Bolton Builders Ltd", "postcode", "BL1 1AA", "employees", 300,
                "annualTurnover", 60_000_000);
        register("legalName", tag + " Wigan Joinery Ltd", "postcode", "WN1 1AA", "cpvCodes", List.of("45421000"));

        for (String user : List.of("buyer1", "leader1", "admin1")) {
            String csv = given().auth().oauth2(Tokens.of(user)).queryParam("q", tag).queryParam("locality", "IN_BOROUGH")
                    .when().get("/api/suppliers/export")
                    .then().statusCode(200)
                    .contentType(startsWith("text/csv"))
                    .header("Content-Disposition", containsString("suppliers.csv"))
                    .extract().asString();
            List<CSVRecord> rows = parse(csv);
            assertEquals(List.of(tag + " Leigh Bakery Ltd", tag + " Wigan Joinery Ltd"),
                    rows.stream().map(r -> r.get("legalName")).toList(), user);
            CSVRecord leigh = rows.get(0);
            assertEquals("IN_BOROUGH", leigh.get("locality"));
            assertEquals("Leigh", leigh.get("town"));
            assertEquals("SMALL", leigh.get("sizeBand")); // 12 staff
            assertEquals("true", leigh.get("sme"));
            assertEquals("850000.00", leigh.get("annualTurnover"));
            assertEquals("15810000", leigh.get("cpvCodes"));
            assertEquals("PENDING", leigh.get("status"));
        }

        String large = given().auth().oauth2(Tokens.of("buyer1")).queryParam("q", tag).queryParam("sizeBand", "LARGE")
                .when().get("/api/suppliers/export").then().statusCode(200).extract().asString();
        assertEquals(List.of(tag + " Bolton Builders Ltd"), parse(large).stream().map(r -> r.get("legalName")).toList());
    }

    @Test
    void shouldDisarmCellsASpreadsheetWouldRunAsFormulas() throws IOException {
        String tag = "Formula" + UUID.randomUUID().toString().substring(0, 8);
        register("legalName", "=HYPERLINK(\"http://evil.example\"," + tag + ")", "tradingName", "@SUM(1+1)",
                "description", tag);
        String csv = given().auth().oauth2(Tokens.of("buyer1")).queryParam("q", tag)
                .when().get("/api/suppliers/export").then().statusCode(200).extract().asString();
        CSVRecord row = parse(csv).get(0);
        assertEquals("'=HYPERLINK(\"http://evil.example\"," + tag + ")", row.get("legalName"));
        assertEquals("'@SUM(1+1)", row.get("tradingName"));
    }

    @Test
    void shouldRefuseSuppliersAndAnonymousCallersAndNameABadFilter() {
        given().auth().oauth2(Tokens.of("supplier1")).when().get("/api/suppliers/export").then().statusCode(403);
        given().when().get("/api/suppliers/export").then().statusCode(401);
        given().auth().oauth2(Tokens.of("buyer1")).queryParam("locality", "NOWHERE")
                .when().get("/api/suppliers/export")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("locality"));
    }
}
