package org.anchormarket.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.anchormarket.infra.Ports;
import org.anchormarket.launcher.DemoData;
import org.anchormarket.launcher.Platform;
import org.anchormarket.launcher.PlatformLayout;
import org.anchormarket.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The walking skeleton through the gateway, against the whole platform started as ./run.sh starts it. */
class WalkingSkeletonIT {

    private static Platform platform;
    private static String gateway;

    @BeforeAll
    static void startPlatform() throws Exception {
        Path root = Path.of(System.getProperty("anchor.root", "../..")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "platform-");
        PlatformLayout layout = PlatformLayout.freePorts(root, data);
        platform = Platform.start(layout, false, step -> System.out.println("[system-test] starting " + step));
        gateway = layout.gatewayUrl();
        assertTrue(new DemoData(gateway, platform.tokenUrl()).seedOnce(data));
    }

    @AfterAll
    static void stopPlatformLeavingNothingBehind() {
        List<ProcessHandle> processes = platform.processes();
        assertFalse(processes.isEmpty());
        platform.close();
        processes.forEach(p -> assertFalse(p.isAlive(), "process " + p.pid() + " " + p.info().command() + " left"));
        platform.layout().portsByName().forEach((name, port) ->
                assertFalse(Ports.inUse(port), name + " still listens on " + port));
    }

    private static String token(String user) {
        return Tokens.fetch(platform.tokenUrl(), user);
    }

    private static long registeredSuppliers(String leaderToken) {
        return ((Number) given().auth().oauth2(leaderToken).when().get(gateway + "/api/reports/suppliers")
                .then().statusCode(200).extract().path("registeredSuppliers")).longValue();
    }

    @Test
    void shouldRegisterThroughTheGatewayAndCountTheSupplierInTheReportWithinSeconds() {
        String leader = token("leader1");
        long before = registeredSuppliers(leader);

        String location = given().auth().oauth2(token("supplier1"))
                .contentType(ContentType.JSON).body("""
                        {"legalName": "Tyldesley Tiling Ltd", "organisationType": "SOLE_TRADER",
                         "postcode": "M29 8AA", "addressLines": ["3 Elliott Street"], "employees": 1,
                         "annualTurnover": 60000, "email": "tiles@tyldesley.example"}""")
                .when().post(gateway + "/api/suppliers")
                .then().statusCode(201)
                .header("Location", startsWith(gateway + "/api/suppliers/"))
                .extract().header("Location");
        given().auth().oauth2(token("supplier1")).when().get(location)
                .then().statusCode(200).body("legalName", equalTo("Tyldesley Tiling Ltd"))
                .body("classification.locality", equalTo("IN_BOROUGH"))
                .body("classification.town", equalTo("Tyldesley"));

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> registeredSuppliers(leader) == before + 1);
    }

    @Test
    void shouldRefuseCallersWithoutATokenOrWithTheWrongRole() {
        given().when().get(gateway + "/api/reports/suppliers").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").when().post(gateway + "/api/suppliers").then().statusCode(401);
        given().auth().oauth2(token("supplier1")).when().get(gateway + "/api/reports/suppliers")
                .then().statusCode(403);
        given().auth().oauth2(token("leader1")).contentType(ContentType.JSON)
                .body("{\"legalName\": \"X Ltd\", \"postcode\": \"WN1 1AA\"}")
                .when().post(gateway + "/api/suppliers").then().statusCode(403);
    }

    @Test
    void shouldServeTheDemoDataThroughTheGateway() {
        String buyer = token("buyer1");
        given().auth().oauth2(buyer).when().get(gateway + "/api/tenders")
                .then().statusCode(200).body("title", hasItem("Community meals for older residents in Leigh"));
        given().auth().oauth2(buyer).when().get(gateway + "/api/events")
                .then().statusCode(200).body("kind", hasItem("MEET_THE_BUYER"));
        await().atMost(Duration.ofSeconds(10)).until(() -> registeredSuppliers(token("leader1")) >= 5);
        given().auth().oauth2(buyer).when().get(gateway + "/api/me")
                .then().statusCode(200).body("anchor", equalTo("wigan-council"));
    }

    @Test
    void shouldReportTheGatewayReadyOnlyWithEveryServiceReady() {
        given().when().get(gateway + "/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks[0].data.size()", greaterThanOrEqualTo(4));
        assertEquals(200, given().when().get(gateway + "/").then().extract().statusCode());
    }
}
