package org.anchormarket.supplier.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.supplier.domain.Supplier;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class SupplierResourceTest {


    @Test
    void shouldRegisterASupplierAnswering201WithLocationAndNormalisedPostcode() {
        String token = Tokens.ofNewUser("supplier");
        String location = given().auth().oauth2(token)
                .contentType(ContentType.JSON).body(Registrations.valid())
                .when().post("/api/suppliers")
                .then().statusCode(201)
                .body("id", notNullValue())
                .body("legalName", equalTo("Pemberton Joinery Ltd"))
                .body("postcode", equalTo("WN5 9XX"))
                .body("status", equalTo("PENDING"))
                .extract().header("Location");
        assertTrue(location.matches(".*/api/suppliers/[0-9a-f-]{36}"), location);

        given().auth().oauth2(token)
                .when().get(location)
                .then().statusCode(200).body("legalName", equalTo("Pemberton Joinery Ltd"));
    }

    /** As the gateway calls: from its own source address (127.0.0.2). */
    private static io.restassured.config.RestAssuredConfig fromTheGateway() throws java.net.UnknownHostException {
        return io.restassured.config.RestAssuredConfig.config().httpClient(io.restassured.config.HttpClientConfig
                .httpClientConfig().setParam("http.route.local-address", java.net.InetAddress.getByName("127.0.0.2")));
    }

    @Test
    void shouldIgnoreForwardedHeadersFromAnyoneButTheGateway() {
        given().auth().oauth2(Tokens.of("admin1"))
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .contentType(ContentType.JSON).body(Registrations.valid())
                .when().post("/api/suppliers")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("evil.example")));
    }

    @Test
    void shouldNameTheGatewaysAddressInLocationWhenCalledThroughIt() throws Exception {
        given().config(fromTheGateway()).auth().oauth2(Tokens.of("admin1"))
                .header("X-Forwarded-Host", "gateway.example:8080")
                .header("X-Forwarded-Proto", "https")
                .contentType(ContentType.JSON).body(Registrations.valid())
                .when().post("/api/suppliers")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.startsWith("https://gateway.example:8080/api/suppliers/"));
    }

    @Test
    void shouldPublishSupplierRegisteredAsCloudEventThroughTheOutbox() {
        var registration = Registrations.valid("legalName", "Leigh Community Kitchen CIC",
                "organisationType", "CIC", "postcode", "WN7 1AA");
        String id = given().auth().oauth2(Tokens.of("admin1"))
                .contentType(ContentType.JSON).body(registration)
                .when().post("/api/suppliers")
                .then().statusCode(201).extract().path("id");

        KafkaCompanion kafka = new KafkaCompanion(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        try {
            ConsumerTask<String, String> records = kafka.consumeStrings()
                    .fromTopics(Topics.SUPPLIERS)
                    .awaitRecords(1, Duration.ofSeconds(30));
            ConsumerRecord<String, String> record = records.getRecords().stream()
                    .filter(r -> id.equals(r.key())).findFirst().orElseThrow();
            assertEquals(Topics.EventTypes.SUPPLIER_REGISTERED, header(record, "ce_type"));
            assertEquals("1.0", header(record, "ce_specversion"));
            assertEquals(id, header(record, "ce_subject"));
            assertTrue(record.value().contains("\"legalName\":\"Leigh Community Kitchen CIC\""), record.value());
            assertTrue(record.value().contains("\"locality\":\"IN_BOROUGH\""), record.value());
            assertTrue(record.value().contains("\"vcfse\":true"), record.value());
            // Spend analytics matches payments to suppliers by their Companies House number first
            assertTrue(record.value().contains("\"companyNumber\":\"" + registration.get("companyNumber") + "\""),
                    record.value());
        } finally {
            kafka.close();
        }
    }

    @Test
    void shouldRefuseRequestsWithoutAToken() {
        given().contentType(ContentType.JSON).body(Registrations.valid())
                .when().post("/api/suppliers")
                .then().statusCode(401);
    }

    @Test
    void shouldRefuseRegistrationByLeadershipOrBuyers() {
        for (String user : new String[] { "leader1", "buyer1" }) {
            given().auth().oauth2(Tokens.of(user))
                    .contentType(ContentType.JSON).body(Registrations.valid())
                    .when().post("/api/suppliers")
                    .then().statusCode(403);
        }
    }

    @Test
    void shouldLetAnAdminRegisterOnABusinessBehalf() {
        given().auth().oauth2(Tokens.of("admin1"))
                .contentType(ContentType.JSON).body(Registrations.valid())
                .when().post("/api/suppliers")
                .then().statusCode(201);
    }

    @Test
    void shouldRejectInvalidFieldsWithProblemDetailsAndStoreNothing() {
        long before = countSuppliers();
        given().auth().oauth2(Tokens.of("admin1"))
                .contentType(ContentType.JSON).body(Registrations.valid("legalName", "", "employees", -1,
                        "email", "not an email"))
                .when().post("/api/suppliers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", containsInAnyOrder("legalName", "employees", "email"));
        given().auth().oauth2(Tokens.of("admin1"))
                .contentType(ContentType.JSON).body(Registrations.valid("legalName", null))
                .when().post("/api/suppliers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("legalName"));
        given().auth().oauth2(Tokens.of("admin1"))
                .contentType(ContentType.JSON).body("{\"legalName\": ")
                .when().post("/api/suppliers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        assertEquals(before, countSuppliers());
    }

    @Test
    void shouldLetStaffReadAnySupplierButASupplierOnlyItsOwn() {
        String token = Tokens.ofNewUser("supplier");
        String location = given().auth().oauth2(token)
                .contentType(ContentType.JSON).body(Registrations.valid())
                .when().post("/api/suppliers")
                .then().statusCode(201).extract().header("Location");
        for (String staff : new String[] { "buyer1", "leader1", "admin1" }) {
            given().auth().oauth2(Tokens.of(staff)).when().get(location).then().statusCode(200);
        }
        // Another supplier learns nothing, not even that the id exists: the same 404 as for no supplier at all.
        given().auth().oauth2(Tokens.of("supplier2")).when().get(location)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("buyer1")).when().get("/api/suppliers/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseATokenTheRealmIssuedToAnotherClient() {
        given().auth().oauth2(Tokens.ofOtherClient("admin1")).when().get("/api/suppliers").then().statusCode(401);
        given().auth().oauth2(Tokens.of("admin1")).when().get("/api/suppliers").then().statusCode(200);
    }

    @Test
    void shouldServeHealthMetricsAndTheSpecAsWritten() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Database connections health check"))
                .body(containsString("Kafka (degraded, not down, when unreachable)"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> given().when()
                .get("/q/health/ready").then().extract().asString().contains("\"kafka\": \"UP\""));
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
        given().when().get("/q/openapi").then().statusCode(200)
                .body(containsString("operationId: registerSupplier"))
                .body(containsString("Anchor Market supplier API"));
    }

    private static long countSuppliers() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Supplier.count());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
