package org.anchormarket.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(RecordingUpstream.class)
class GatewayTest {

    @Test
    void shouldRefuseApiCallsWithoutATokenBeforeRouting() {
        RecordingUpstream.LAST.set(null);
        given().when().get("/api/suppliers/abc").then().statusCode(401);
        given().auth().oauth2("not-a-token").when().get("/api/suppliers/abc").then().statusCode(401);
        assertNull(RecordingUpstream.LAST.get(), "nothing should reach the service");
    }

    @Test
    void shouldLetAnyoneReadOpportunitiesButNothingElseWithoutAToken() {
        RecordingUpstream.LAST.set(null);
        // Routed (tender-service is down in these tests: 503), not refused at the door
        given().when().get("/api/tenders?q=kitchen").then().statusCode(503);
        given().when().get("/api/tenders/" + java.util.UUID.randomUUID()).then().statusCode(503);
        given().when().get("/api/contracts").then().statusCode(503);
        given().when().get("/api/pipeline").then().statusCode(503);
        given().when().get("/api/events").then().statusCode(503); // events-service is down too
        given().when().get("/api/events/" + java.util.UUID.randomUUID() + "/slots").then().statusCode(503);
        given().contentType("application/json").body("{}").when().post("/api/events").then().statusCode(401);
        given().contentType("application/json").body("{}").when()
                .post("/api/events/" + java.util.UUID.randomUUID() + "/registrations").then().statusCode(401);
        given().when().get("/api/registrations/mine").then().statusCode(401);
        given().when().post("/api/pipeline/" + java.util.UUID.randomUUID() + "/followers").then().statusCode(401);
        given().when().get("/api/notifications").then().statusCode(401);
        given().contentType("application/json").body("{}").when().post("/api/tenders").then().statusCode(401);
        given().when().post("/api/tenders/" + java.util.UUID.randomUUID() + "/opening").then().statusCode(401);
        given().when().get("/api/tendersX").then().statusCode(401);
        given().when().get("/api/suppliers").then().statusCode(401);
        given().auth().oauth2("not-a-token").when().get("/api/tenders").then().statusCode(401);
        // Signed in, every method is routed
        String buyer = Tokens.of("buyer1");
        given().auth().oauth2(buyer).contentType("application/json").body("{}").when().post("/api/tenders").then()
                .statusCode(503);
        given().auth().oauth2(buyer).when().get("/api/tenders").then().statusCode(503);
        given().auth().oauth2(buyer).when().delete("/api/tenders/x/lots/y/bids/mine").then().statusCode(503);
    }

    @Test
    void shouldRouteToTheOwningServiceWithPathQueryAndTokenAndPassItsAnswerBack() {
        String token = Tokens.of("buyer1");
        given().auth().oauth2(token).when().get("/api/suppliers/abc?page=2")
                .then().statusCode(418).body("upstream", equalTo(true));
        RecordingUpstream.Seen seen = RecordingUpstream.LAST.get();
        assertEquals("GET", seen.method());
        assertEquals("/api/suppliers/abc?page=2", seen.uri());
        assertEquals("Bearer " + token, seen.authorization());
        assertEquals(io.restassured.RestAssured.baseURI.replaceFirst("^https?://", "") + ":" + io.restassured.RestAssured.port,
                seen.forwardedHost());
        assertEquals("http", seen.forwardedProto());

        given().auth().oauth2(token).contentType("application/json").body("{}").when().post("/api/suppliers")
                .then().statusCode(418);
        assertEquals("POST", RecordingUpstream.LAST.get().method());
        assertEquals("/api/suppliers", RecordingUpstream.LAST.get().uri());
    }

    /** A caller cannot make a service believe it came from elsewhere: the gateway sets the forwarding headers. */
    @Test
    void shouldReplaceForwardingHeadersTheCallerSentAndCallFromItsOwnAddress() {
        given().auth().oauth2(Tokens.of("buyer1")).header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Prefix", "/evil")
                .when().get("/api/suppliers/abc").then().statusCode(418);
        RecordingUpstream.Seen seen = RecordingUpstream.LAST.get();
        assertEquals(io.restassured.RestAssured.baseURI.replaceFirst("^https?://", "") + ":"
                + io.restassured.RestAssured.port, seen.forwardedHost());
        assertEquals("http", seen.forwardedProto());
        assertNull(seen.forwardedPrefix());
        assertEquals("127.0.0.2", seen.remoteAddress(), "the address the services trust forwarded headers from");
    }

    /** With tracing on, the service's request continues the caller's trace through the door. */
    @Test
    void shouldPassTheTraceOnToTheService() {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        RecordingUpstream.LAST.set(null);
        given().auth().oauth2(Tokens.of("buyer1")).header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
                .when().get("/api/suppliers/abc").then().statusCode(418);
        String passed = RecordingUpstream.LAST.get().traceparent();
        org.junit.jupiter.api.Assertions.assertNotNull(passed, "the service's request carries a traceparent");
        assertEquals(trace, passed.split("-")[1], passed);
        org.junit.jupiter.api.Assertions.assertNotEquals("00f067aa0ba902b7", passed.split("-")[2],
                "the gateway's own span is the service's parent");
    }

    /** A token that was good is refused once it has expired, before anything is routed. */
    @Test
    void shouldRefuseAnExpiredToken() {
        String token = Tokens.ofShortLived("buyer1");
        RecordingUpstream.LAST.set(null);
        int fresh = given().auth().oauth2(token).when().get("/api/suppliers/abc").then().extract().statusCode();
        org.junit.jupiter.api.Assertions.assertNotEquals(401, fresh, "the fresh token is accepted");
        org.junit.jupiter.api.Assertions.assertNotNull(RecordingUpstream.LAST.get(), "the fresh token was routed");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(250)).until(() -> {
                    RecordingUpstream.LAST.set(null);
                    return given().auth().oauth2(token).when().get("/api/suppliers/abc").then().extract()
                            .statusCode() == 401;
                });
        assertNull(RecordingUpstream.LAST.get(), "the expired token's request should not reach the service");
    }

    @jakarta.inject.Inject
    org.anchormarket.security.VerifiedTokens verified;

    /**
     * A token is verified once and then answered from the cache of verified tokens until it expires (the test above
     * shows the expiry is kept to), each request with its own user: two users' tokens are never confused.
     */
    @Test
    void shouldVerifyATokenOnceAndKnowItsUserOnEveryRequestAfter() {
        String tokenUrl = org.anchormarket.testing.SharedInfra.keycloak().tokenUrl();
        String buyer = Tokens.fetch(tokenUrl, "buyer1"); // a token of its own, never used before
        String leader = Tokens.fetch(tokenUrl, "leader1");
        org.junit.jupiter.api.Assertions.assertFalse(verified.holds("Default", buyer), "a new token is not held");
        given().auth().oauth2(buyer).when().get("/api/me").then().statusCode(200).body("username", equalTo("buyer1"));
        org.junit.jupiter.api.Assertions.assertTrue(verified.holds("Default", buyer), "held once verified");
        given().auth().oauth2(leader).when().get("/api/me").then().statusCode(200).body("username", equalTo("leader1"));
        long answeredBefore = verified.answered();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(buyer).when().get("/api/me").then().statusCode(200)
                    .body("username", equalTo("buyer1")).body("roles", contains("buyer"));
            given().auth().oauth2(leader).when().get("/api/me").then().statusCode(200)
                    .body("username", equalTo("leader1")).body("roles", contains("leadership"));
        }
        assertEquals(6, verified.answered() - answeredBefore, "each request after the first answered from the cache");
        // A token that was refused (the realm issued it, signed and unexpired, but to another client) is never held
        String otherClient = Tokens.ofOtherClient("buyer1");
        given().auth().oauth2(otherClient).when().get("/api/me").then().statusCode(401);
        org.junit.jupiter.api.Assertions.assertFalse(verified.holds("Default", otherClient));
        given().auth().oauth2(otherClient).when().get("/api/me").then().statusCode(401);
    }

    @Test
    void shouldRefuseABearerTokenTheRealmIssuedToAnotherClient() {
        given().auth().oauth2(Tokens.ofOtherClient("buyer1")).when().get("/api/suppliers/abc").then()
                .statusCode(401);
    }

    @Test
    void shouldTellTheCallerWhoTheyAre() {
        given().auth().oauth2(Tokens.of("buyer1")).when().get("/api/me")
                .then().statusCode(200)
                .body("username", equalTo("buyer1"))
                .body("roles", contains("buyer"))
                .body("anchor", equalTo("wigan-council"));
        given().auth().oauth2(Tokens.of("leader1")).when().get("/api/me")
                .then().statusCode(200).body("roles", contains("leadership"));
        given().when().get("/api/me").then().statusCode(401);
    }

    @Test
    void shouldShowThePublicLandingPageAndSendBrowsersToKeycloakWithPkce() {
        given().when().get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Sign in"));
        given().redirects().follow(false).when().get("/app")
                .then().statusCode(302)
                .header("Location", containsString("/realms/anchor-market/protocol/openid-connect/auth"))
                .header("Location", containsString("client_id=anchor-web"))
                .header("Location", containsString("code_challenge_method=S256"));
    }

    /** Management URLs are relative to its root, /q. */
    @TestHTTPResource(value = "health/live", management = true)
    java.net.URL health;

    @TestHTTPResource(value = "health/ready", management = true)
    java.net.URL readiness;

    @TestHTTPResource(value = "metrics", management = true)
    java.net.URL metrics;

    @Test
    void shouldServeHealthAndMetricsOnTheManagementPortOnlyAndItsSpec() {
        given().when().get(health).then().statusCode(200).body("status", equalTo("UP"));
        given().auth().oauth2(Tokens.of("buyer1")).when().get("/api/suppliers/abc").then().statusCode(418);
        given().when().get(metrics).then().statusCode(200)
                .body(containsString("gateway_route_requests_seconds_count{method=\"GET\",route=\"suppliers\",status=\"418\"}"))
                .body(containsString("gateway_route_requests_seconds_bucket"));
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/health/live").then().statusCode(404);
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("operationId: getMe"));
    }

    /**
     * Only the supplier route has a service in this test (the recording upstream); nothing listens where the others
     * point. The gateway stays ready, serving what it can, and says which service is down.
     */
    @Test
    void shouldStayReadyWhileServicesAreDownAndSayWhich() {
        given().when().get(readiness).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Routed services' }.data.tenders", containsString("DOWN"))
                .body("checks.find { it.name == 'Routed services' }.data.servicesDown", equalTo(11)); // tenders, contracts, pipeline, notifications, bids, ocds, anchors, events, registrations, reports, spend
        String token = Tokens.of("buyer1");
        given().auth().oauth2(token).when().get("/api/tenders").then().statusCode(503)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("not running or not reachable"))
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // After 5 refused connections within 10 s the circuit opens: 503 at once, come back when it closes
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).when().get("/api/tenders");
        }
        long start = System.nanoTime();
        given().auth().oauth2(token).when().get("/api/tenders").then().statusCode(503)
                .body("detail", containsString("will try it again shortly"))
                .header("Retry-After", "10");
        org.junit.jupiter.api.Assertions.assertTrue(System.nanoTime() - start < 150_000_000L,
                "an open circuit answers without trying the service (retries take 200 ms)");
        given().when().get(readiness).then().statusCode(200)
                .body("checks.find { it.name == 'Routed services' }.data['circuit.tenders']", equalTo("OPEN"))
                .body("checks.find { it.name == 'Routed services' }.data['circuit.suppliers']", equalTo("CLOSED"));
        given().auth().oauth2(Tokens.of("buyer1")).when().get("/api/suppliers/abc").then().statusCode(418);
    }
}
