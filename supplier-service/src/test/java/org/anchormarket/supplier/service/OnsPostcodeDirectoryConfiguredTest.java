package org.anchormarket.supplier.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.util.Map;
import org.anchormarket.supplier.rest.Registrations;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.junit.jupiter.api.Test;

/** With the operator's ONS Postcode Directory configured, registrations get exact local authority and ward. */
@QuarkusTest
@TestProfile(OnsPostcodeDirectoryConfiguredTest.WithDirectory.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class OnsPostcodeDirectoryConfiguredTest {

    public static class WithDirectory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("supplier.reference-data.onspd-file", fixture("onspd-classic.csv"),
                    "supplier.reference-data.ward-names-file", fixture("wards.csv"));
        }

        private static String fixture(String name) {
            try {
                return Path.of(WithDirectory.class.getResource("/onspd/" + name).toURI()).toString();
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void shouldPlaceARegistrationByTheDirectorysLocalAuthorityAndWard() {
        given().auth().oauth2(Tokens.ofNewUser("supplier")).contentType(ContentType.JSON)
                .body(Registrations.valid("postcode", "wn8 7aa"))
                .when().post("/api/suppliers")
                .then().statusCode(201)
                .body("classification.locality", equalTo("IN_BOROUGH"))
                .body("classification.town", equalTo("Shevington"))
                .body("classification.ward", equalTo("Shevington with Lower Ground & Moor"));
    }

    @Test
    void shouldFindSuppliersByWard() {
        String id = given().auth().oauth2(Tokens.ofNewUser("supplier")).contentType(ContentType.JSON)
                .body(Registrations.valid("postcode", "WA3 3AB", "legalName", "Golborne Ward Test Ltd"))
                .when().post("/api/suppliers").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("buyer1"))
                .queryParam("ward", "golborne & lowton west").queryParam("q", "Golborne Ward Test")
                .when().get("/api/suppliers")
                .then().statusCode(200).body("items.id", equalTo(java.util.List.of(id)));
    }
}
