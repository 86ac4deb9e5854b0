package org.anchormarket.supplier.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.junit.jupiter.api.Test;

/** One registration every anchor trusts: classification worked out, rules enforced, verification, directory. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class SupplierRegistrationTest {

    private static io.restassured.response.ValidatableResponse register(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).body(body)
                .when().post("/api/suppliers").then();
    }

    @Test
    void shouldWorkOutLocalityTownSizeAndVcfseStatus() {
        register(Registrations.valid("legalName", "Leigh Community Kitchen CIC", "organisationType", "CIC",
                "postcode", "WN7 1DB", "employees", 6, "annualTurnover", 180000))
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("classification.locality", equalTo("IN_BOROUGH"))
                .body("classification.town", equalTo("Leigh"))
                .body("classification.sizeBand", equalTo("MICRO"))
                .body("classification.sme", equalTo(true))
                .body("classification.vcfse", equalTo(true))
                .body("classification.vcfseVerified", equalTo(false));
        register(Registrations.valid("legalName", "Northern Office Supplies Ltd", "postcode", "M1 1AE",
                "employees", 300, "annualTurnover", 60000000))
                .statusCode(201)
                .body("classification.locality", equalTo("GREATER_MANCHESTER"))
                .body("classification.town", nullValue())
                .body("classification.sizeBand", equalTo("LARGE"))
                .body("classification.sme", equalTo(false))
                .body("classification.vcfse", equalTo(false));
    }

    @Test
    void shouldCountABranchInTheBoroughAsLocal() {
        register(Registrations.valid("postcode", "PR7 1AA",
                "branches", List.of(Map.of("postcode", "wn1 1aa", "addressLines", List.of("Wigan Life Centre")))))
                .statusCode(201)
                .body("classification.locality", equalTo("IN_BOROUGH"))
                .body("classification.town", equalTo("Wigan"))
                .body("branches[0].postcode", equalTo("WN1 1AA"));
        register(Registrations.valid("postcode", "PR7 1AA"))
                .statusCode(201).body("classification.locality", equalTo("NORTH_WEST"));
    }

    @Test
    void shouldPlaceAnAddressAbroadOutsideTheUk() {
        register(Registrations.valid("organisationType", "OTHER", "companyNumber", null, "country", "IE",
                "postcode", "D02 X285"))
                .statusCode(201).body("classification.locality", equalTo("OUTSIDE_UK"));
    }

    @Test
    void shouldRefuseANumberAVerifiedOrganisationHoldsButNotOneOnlyAwaitingVerification() {
        String company = Registrations.uniqueCompanyNumber();
        String squatter = register(Registrations.valid("companyNumber", company, "legalName", "Copycat Ltd"))
                .statusCode(201).extract().path("id");
        // The real organisation is not locked out by whoever registered its number first.
        String genuine = register(Registrations.valid("companyNumber", company)).statusCode(201).extract().path("id");
        for (String id : new String[] { squatter, genuine }) {
            given().auth().oauth2(Tokens.of("admin1")).when().get("/api/suppliers/" + id).then().statusCode(200)
                    .body("sharedNumber", equalTo(true));
        }
        given().auth().oauth2(Tokens.of("buyer1")).when().get("/api/suppliers/" + genuine).then().statusCode(200)
                .body("sharedNumber", org.hamcrest.Matchers.nullValue());

        verify(genuine).statusCode(200);
        verify(squatter).statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("companyNumber"));
        register(Registrations.valid("companyNumber", company, "legalName", "Third Try Ltd"))
                .statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("companyNumber"))
                .body("detail", containsString(company));

        String charity = Registrations.uniqueCharityNumber();
        String cio = register(Registrations.valid("organisationType", "CIO", "companyNumber", null, "charityNumber",
                charity)).statusCode(201).body("classification.vcfse", equalTo(true)).extract().path("id");
        verify(cio).statusCode(200);
        register(Registrations.valid("organisationType", "CIO", "companyNumber", null, "charityNumber", charity))
                .statusCode(409).body("errors[0].field", equalTo("charityNumber"));
    }

    private static io.restassured.response.ValidatableResponse verify(String id) {
        return given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(java.util.Map.of("status", "VERIFIED")).when().post("/api/suppliers/" + id + "/verification")
                .then();
    }

    @Test
    void shouldRequireTheRegistryNumbersEachFormHasAndCheckTheirFormat() {
        register(Registrations.valid("companyNumber", null)).statusCode(400)
                .body("errors.field", equalTo(List.of("companyNumber")));
        register(Registrations.valid("organisationType", "CHARITABLE_COMPANY")).statusCode(400)
                .body("errors.field", equalTo(List.of("charityNumber")));
        register(Registrations.valid("companyNumber", "XY123456", "postcode", "WN99 ZZZ")).statusCode(400)
                .body("errors.field", hasItem("companyNumber"))
                .body("errors.field", hasItem("postcode"));
        register(Registrations.valid("organisationType", "SOLE_TRADER", "companyNumber", null)).statusCode(201);
    }

    @Test
    void shouldRefuseCodesThatAreNotInTheCpvList() {
        register(Registrations.valid("cpvCodes", List.of("45421000", "99100000"))).statusCode(400)
                .body("errors.field", equalTo(List.of("cpvCodes[1]")));
        register(Registrations.valid("cpvCodes", List.of("4542"))).statusCode(400)
                .body("errors[0].field", containsString("cpvCodes"));
    }

    @Test
    void shouldKeepMoneyInPoundsWithTwoDecimals() {
        register(Registrations.valid("annualTurnover", 1234.5, "balanceSheetTotal", 999))
                .statusCode(201)
                .body(containsString("\"annualTurnover\":1234.50"))
                .body(containsString("\"balanceSheetTotal\":999.00"));
    }

    @Test
    void shouldMakeTheRegisteringUserItsFirstMemberAndOnlyOnce() {
        String token = Tokens.ofNewUser("supplier");
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(Registrations.valid())
                .when().post("/api/suppliers").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).when().get("/api/suppliers/me")
                .then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Registrations.valid())
                .when().post("/api/suppliers").then().statusCode(409).body("detail", containsString(id));
        given().auth().oauth2(Tokens.ofNewUser("supplier")).when().get("/api/suppliers/me")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("buyer1")).when().get("/api/suppliers/me").then().statusCode(403);
    }

    @Test
    void shouldLetOnlyAdminsVerifyOrRejectWithAReason() {
        String id = register(Registrations.valid("organisationType", "CIC")).statusCode(201).extract().path("id");
        String decision = "/api/suppliers/" + id + "/verification";

        given().auth().oauth2(Tokens.of("buyer1")).contentType(ContentType.JSON).body(Map.of("status", "VERIFIED"))
                .when().post(decision).then().statusCode(403);
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).body(Map.of("status", "REJECTED"))
                .when().post(decision).then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Map.of("status", "VERIFIED", "vcfseConfirmed", true))
                .when().post(decision).then().statusCode(200)
                .body("status", equalTo("VERIFIED"))
                .body("classification.vcfseVerified", equalTo(true));
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Map.of("status", "REJECTED", "reason", "Company dissolved"))
                .when().post(decision).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("rejectionReason", equalTo("Company dissolved"));
        given().auth().oauth2(Tokens.of("buyer1")).when().get("/api/suppliers/" + id)
                .then().statusCode(200).body("status", equalTo("REJECTED"));
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).body(Map.of("status", "VERIFIED"))
                .when().post("/api/suppliers/" + UUID.randomUUID() + "/verification").then().statusCode(404);
    }

    @Test
    void shouldSearchTheDirectoryByCategoryPlaceSizeAndStatus() {
        String word = "Zq" + UUID.randomUUID().toString().substring(0, 6);
        String leigh = register(Registrations.valid("legalName", word + " Builders Ltd", "postcode", "WN7 2AA",
                "cpvCodes", List.of("45210000"))).statusCode(201).extract().path("id");
        register(Registrations.valid("legalName", word + " Caterers CIC", "organisationType", "CIC",
                "postcode", "WN1 1AA", "cpvCodes", List.of("55520000"))).statusCode(201);
        register(Registrations.valid("legalName", word + " Office Ltd", "postcode", "M1 1AE", "employees", 300,
                "annualTurnover", 60000000, "cpvCodes", List.of("30192000"))).statusCode(201);
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).body(Map.of("status", "VERIFIED"))
                .when().post("/api/suppliers/" + leigh + "/verification").then().statusCode(200);

        String buyer = Tokens.of("buyer1");
        given().auth().oauth2(buyer).queryParam("q", word).when().get("/api/suppliers")
                .then().statusCode(200).body("total", equalTo(3)).body("items", hasSize(3))
                .body("items[0].legalName", equalTo(word + " Builders Ltd"));
        given().auth().oauth2(buyer).queryParam("q", word).queryParam("cpv", "45000000").when().get("/api/suppliers")
                .then().body("total", equalTo(1)).body("items[0].id", equalTo(leigh));
        given().auth().oauth2(buyer).queryParam("q", word).queryParam("locality", "IN_BOROUGH")
                .queryParam("town", "leigh").when().get("/api/suppliers")
                .then().body("total", equalTo(1)).body("items[0].classification.town", equalTo("Leigh"));
        given().auth().oauth2(buyer).queryParam("q", word).queryParam("vcfse", true).when().get("/api/suppliers")
                .then().body("total", equalTo(1)).body("items.classification.vcfse", everyItem(equalTo(true)));
        given().auth().oauth2(buyer).queryParam("q", word).queryParam("sizeBand", "LARGE").when().get("/api/suppliers")
                .then().body("total", equalTo(1));
        given().auth().oauth2(buyer).queryParam("q", word).queryParam("verified", true).when().get("/api/suppliers")
                .then().body("total", equalTo(1)).body("items[0].status", equalTo("VERIFIED"));
        given().auth().oauth2(buyer).queryParam("q", word).queryParam("pageSize", 2).queryParam("page", 1)
                .when().get("/api/suppliers")
                .then().body("total", equalTo(3)).body("items", hasSize(1))
                .body("items.legalName", not(hasItem(word + " Builders Ltd")));
        given().auth().oauth2(buyer).queryParam("pageSize", 0).when().get("/api/suppliers")
                .then().statusCode(400).body("errors[0].field", equalTo("pageSize"));
        given().auth().oauth2(buyer).queryParam("sizeBand", "HUGE").when().get("/api/suppliers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("sizeBand"));
        given().auth().oauth2(Tokens.of("supplier1")).when().get("/api/suppliers").then().statusCode(403);
    }
}
