package org.anchormarket.supplier.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.junit.jupiter.api.Test;

/** Admins import a buyer's vendor master as CSV, with a per-row report; the same file again changes nothing. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class SupplierImportTest {

    private static final String HEADER = "legalName,organisationType,companyNumber,postcode,addressLines,employees,"
            + "annualTurnover,email,cpvCodes,branchPostcodes,paysRealLivingWage,localStaffShare\n";

    private static ValidatableResponse importAs(String user, String csv) {
        return given().auth().oauth2(Tokens.of(user)).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/suppliers/imports").then().log().ifValidationFails();
    }

    private static long directoryCount(String q) {
        return given().auth().oauth2(Tokens.of("admin1")).queryParam("q", q).when().get("/api/suppliers")
                .then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @Test
    void shouldRegisterValidRowsReportEachRejectedOneAndChangeNothingOnReimport() {
        String tag = "Imp" + UUID.randomUUID().toString().substring(0, 8);
        String existingNumber = Registrations.uniqueCompanyNumber();
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Registrations.valid("legalName", tag + " Already Here Ltd", "companyNumber", existingNumber))
                .when().post("/api/suppliers").then().statusCode(201);
        String csv = HEADER
                + tag + " Leigh Cleaning Ltd,Limited company," + Registrations.uniqueCompanyNumber()
                + ",WN7 1AA,1 Bradshawgate|Leigh,\"1,200\",£4500000.50,office@leigh-cleaning.example,"
                + "90910000;90911000,M46 9AA,yes,85%\n"
                + tag + " Jo Bloggs Gardening,SOLE_TRADER,,WN2 2AA,3 Market St,1,32000,jo@bloggs.example,,,,\n"
                + tag + " Bad Numbers Ltd,LIMITED_COMPANY,XY123,WN1 1AA,1 King St,many,100,bad@numbers.example,,,,\n"
                + tag + " No Email Ltd,LIMITED_COMPANY," + Registrations.uniqueCompanyNumber()
                + ",WN1 1AA,1 King St,3,100,,,,maybe,\n"
                + tag + " Already Here Ltd (vendor master),LIMITED_COMPANY," + existingNumber
                + ",WN5 9XX,Unit 4,12,850000,office@example.org,,,,\n";

        importAs("admin1", csv).statusCode(200)
                .body("rows", equalTo(5))
                .body("registered", equalTo(2))
                .body("alreadyRegistered", equalTo(1))
                .body("rejected", equalTo(2))
                .body("results.line", equalTo(List.of(2, 3, 4, 5, 6)))
                .body("results.outcome", equalTo(List.of("REGISTERED", "REGISTERED", "REJECTED", "REJECTED",
                        "ALREADY_REGISTERED")))
                .body("results[0].supplierId", notNullValue())
                .body("results[2].errors.field", containsInAnyOrder("companyNumber", "employees"))
                .body("results[2].supplierId", nullValue())
                .body("results[3].errors.field", containsInAnyOrder("email", "paysRealLivingWage"))
                .body("results[4].legalName", equalTo(tag + " Already Here Ltd"));

        String leigh = importAs("admin1", csv).statusCode(200)
                .body("registered", equalTo(0))
                .body("alreadyRegistered", equalTo(3))
                .body("rejected", equalTo(2))
                .extract().path("results[0].supplierId");
        org.junit.jupiter.api.Assertions.assertEquals(3, directoryCount(tag), "the second import added nobody");

        given().auth().oauth2(Tokens.of("buyer1")).when().get("/api/suppliers/" + leigh).then().statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("employees", equalTo(1200))
                .body("annualTurnover", equalTo(4500000.50f))
                .body("addressLines", equalTo(List.of("1 Bradshawgate", "Leigh")))
                .body("branches.postcode", equalTo(List.of("M46 9AA")))
                .body("cpvCodes", hasItems("90910000", "90911000"))
                .body("localStaffShare", equalTo(0.85f))
                .body("paysRealLivingWage", equalTo(true))
                .body("classification.locality", equalTo("IN_BOROUGH"))
                .body("classification.town", equalTo("Leigh"))
                .body("classification.sizeBand", equalTo("LARGE"));
    }

    @Test
    void shouldRefuseAHeaderItCannotReadAndStoreNothing() {
        String tag = "Hdr" + UUID.randomUUID().toString().substring(0, 8);
        importAs("admin1", "legal_name,organisationType,postcode,addressLines,employees,annualTurnover,email\n"
                + tag + ",SOLE_TRADER,WN1 1AA,1 King St,1,100,a@b.example\n")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("legal_name", "legalName"));
        org.junit.jupiter.api.Assertions.assertEquals(0, directoryCount(tag));
        importAs("admin1", "").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldLetOnlyAdminsImport() {
        for (String user : List.of("buyer1", "leader1", "supplier1")) {
            importAs(user, HEADER).statusCode(403);
        }
        given().contentType("text/csv").body(HEADER).when().post("/api/suppliers/imports").then().statusCode(401);
    }

    /** Excel saves "CSV" as Windows-1252 and "CSV UTF-8" with a byte-order mark: both read right, neither mangled. */
    @Test
    void shouldReadWindows1252AndUtf8WithABomAndHonourADeclaredCharset() {
        String tag = "Enc" + UUID.randomUUID().toString().substring(0, 8);
        java.util.function.Function<String, String> row = name -> HEADER + tag + " " + name
                + ",SOLE_TRADER,,WN2 2AA,3 Market St,1,32000,cafe@naive.example,,,,\n";
        java.nio.charset.Charset cp1252 = java.nio.charset.Charset.forName("windows-1252");
        // As a browser or Excel sends it: no charset added to the Content-Type.
        var asSent = io.restassured.config.RestAssuredConfig.config().encoderConfig(
                io.restassured.config.EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

        // ’ is 0x92 in Windows-1252 (a control character in ISO-8859-1, not UTF-8 at all).
        given().config(asSent).auth().oauth2(Tokens.of("admin1")).contentType("text/csv")
                .body(row.apply("Jo’s Café Naïve").getBytes(cp1252)).when().post("/api/suppliers/imports")
                .then().statusCode(200).body("registered", org.hamcrest.Matchers.equalTo(1))
                .body("results[0].legalName", org.hamcrest.Matchers.equalTo(tag + " Jo’s Café Naïve"));

        byte[] utf8 = row.apply("Crème Brûlée").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        given().config(asSent).auth().oauth2(Tokens.of("admin1")).contentType("text/csv").body(withBom)
                .when().post("/api/suppliers/imports").then().statusCode(200)
                .body("results[0].legalName", org.hamcrest.Matchers.equalTo(tag + " Crème Brûlée"));

        given().config(asSent).auth().oauth2(Tokens.of("admin1")).contentType("text/csv; charset=windows-1252")
                .body(row.apply("Señor Ñandú").getBytes(cp1252)).when().post("/api/suppliers/imports")
                .then().statusCode(200)
                .body("results[0].legalName", org.hamcrest.Matchers.equalTo(tag + " Señor Ñandú"));
        given().config(asSent).auth().oauth2(Tokens.of("admin1")).contentType("text/csv; charset=utf-8")
                .body(row.apply("Señor Ñandú").getBytes(cp1252)).when().post("/api/suppliers/imports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("body"));
    }
}
