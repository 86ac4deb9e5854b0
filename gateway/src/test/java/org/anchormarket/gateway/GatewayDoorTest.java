package org.anchormarket.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.Tokens;
import org.junit.jupiter.api.Test;

/** The door under abuse: callers that hang up, upstreams that never answer. */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(RecordingUpstream.class)
class GatewayDoorTest {

    private static final RestAssuredConfig TEN_SECONDS = RestAssuredConfig.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.socket.timeout", 10_000).setParam("http.connection.timeout", 5_000));

    /**
     * wrk closing 50 connections mid-request once wedged a route for good: every later request through the gateway
     * hung while the service itself answered in milliseconds. Callers hanging up must give back what they held.
     */
    @Test
    void shouldKeepARouteServingAfterManyCallersHangUpMidRequest() throws Exception {
        String token = Tokens.of("admin1");
        for (int round = 0; round < 3; round++) {
            List<Socket> callers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Socket socket = new Socket("127.0.0.1", RestAssured.port);
                OutputStream out = socket.getOutputStream();
                out.write(("GET /api/suppliers/slow HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                callers.add(socket);
            }
            Thread.sleep(300); // the requests are on their way to the service, which takes a second to answer
            for (Socket socket : callers) {
                socket.setSoLinger(true, 0); // hang up with a reset, as wrk does when it stops
                socket.close();
            }
        }
        for (int i = 0; i < 10; i++) {
            given().config(TEN_SECONDS).auth().oauth2(token).when().get("/api/suppliers/abc")
                    .then().statusCode(418).time(lessThan(5_000L));
        }
    }

    /**
     * A crowd larger than the pool (1,000 registering for an event at once) once got 503 after the connect timeout
     * while waiting for a pooled connection: now it waits its turn. Pool of 4, answers after a second, 12 at once:
     * the last wait about 2 s, twice the 1 s connect timeout of this test.
     */
    @Test
    void shouldLetACrowdLargerThanThePoolWaitItsTurn() throws Exception {
        String token = Tokens.of("admin1");
        java.util.concurrent.ExecutorService crowd = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                answers.add(crowd.submit(() -> given().config(TEN_SECONDS).auth().oauth2(token).when()
                        .get("/api/suppliers/slow").statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(java.util.Collections.nCopies(12, 418), statuses);
        } finally {
            crowd.shutdown();
        }
    }

    @Test
    void shouldAnswer504ProblemWhenTheServiceNeverAnswers() {
        long start = System.nanoTime();
        given().config(TEN_SECONDS).auth().oauth2(Tokens.of("buyer1")).when().get("/api/suppliers/stuck")
                .then().statusCode(504)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(504));
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        assertTrue(seconds < 8, "the read timeout is 3 s in this test, the answer came after " + seconds + " s");
    }

    /** Over the per-user limit (200 a minute in this test): 429 problem+json with Retry-After, nothing routed. */
    @Test
    void shouldLimitEachUsersRequestsAndSayWhenToComeBack() {
        String token = Tokens.of("supplier2"); // a user no other gateway test uses
        int limited = 0;
        io.restassured.response.Response refusal = null;
        for (int i = 0; i < 300; i++) {
            io.restassured.response.Response response = given().auth().oauth2(token).when().get("/api/me");
            if (response.statusCode() == 429) {
                limited++;
                refusal = response;
            }
        }
        // 200 allowed at once, and 3.3 more a second: at least 30 refused unless the loop took over 20 s
        assertTrue(limited >= 30, limited + " of 300 requests were limited");
        refusal.then().contentType(containsString("application/problem+json")).body("status", equalTo(429))
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"));
        // Another user is not held back by supplier2's requests
        given().auth().oauth2(Tokens.of("buyer1")).when().get("/api/me").then().statusCode(200);
    }

    @Test
    void shouldGiveEveryAnswerARequestIdAndTheSecurityHeaders() {
        io.restassured.response.Response first = given().when().get("/");
        first.then().statusCode(200)
                .header("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("Strict-Transport-Security", org.hamcrest.Matchers.nullValue()); // no TLS here
        String second = given().header("X-Request-Id", "forged").when().get("/").header("X-Request-Id");
        assertTrue(!second.equals("forged") && !second.equals(first.header("X-Request-Id")), second);
        given().auth().oauth2(Tokens.of("buyer1")).when().get("/api/suppliers/abc").then().statusCode(418);
        assertTrue(RecordingUpstream.LAST.get().requestId().matches("[0-9a-f-]{36}"),
                "the service is told the request id: " + RecordingUpstream.LAST.get().requestId());
    }

    @Test
    void shouldServeTheStylesAndOneApiDocumentationPageForEveryService() {
        given().when().get("/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css").then().statusCode(200);
        given().when().get("/static/anchor.css").then().statusCode(200);
        given().when().get("/api-docs/").then().statusCode(200).contentType(containsString("text/html"));
        for (String spec : java.util.List.of("supplier", "tender", "events", "analytics")) {
            given().when().get("/openapi/" + spec + "/openapi.yaml").then().statusCode(200)
                    .body(containsString("openapi: 3"));
        }
    }

    /**
     * Java's HttpClient offers a cleartext HTTP/2 upgrade (h2c) with its first request; the proxy then lost the
     * request's body race ("Request has already been read", the connection dropped) and the launcher's demo data
     * failed. The gateway speaks HTTP/1.1 to such a client, and the body arrives whole.
     */
    @Test
    void shouldStayOnHttp11WhenAJavaClientOffersAnUpgradeAndForwardTheBody() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient(); // HTTP_2 preferred: h2c offered
        java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://127.0.0.1:" + RestAssured.port + "/api/suppliers"))
                .header("Authorization", "Bearer " + Tokens.of("buyer1")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"legalName\":\"x\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(418, response.statusCode(), response.body());
        org.junit.jupiter.api.Assertions.assertEquals(java.net.http.HttpClient.Version.HTTP_1_1, response.version());
        org.junit.jupiter.api.Assertions.assertEquals("POST", RecordingUpstream.LAST.get().method());
        org.junit.jupiter.api.Assertions.assertEquals("{\"legalName\":\"x\"}", RecordingUpstream.LAST.get().body());
    }

    /** Over 10 MB: 413 problem+json before anything is read or routed. An upload path streams 100 MB through. */
    @Test
    void shouldRefuseOversizedBodiesAndStreamLargeUploads() throws Exception {
        RecordingUpstream.LAST.set(null);
        // The headers alone, declaring 11 MB: the answer comes without a byte of the body sent
        String answer;
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/suppliers HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + Tokens.of("buyer1") + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + (11 * 1024 * 1024) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("application/problem+json") && answer.contains("\"status\":413"), answer);
        org.junit.jupiter.api.Assertions.assertNull(RecordingUpstream.LAST.get(), "nothing reached the service");

        byte[] hundred = new byte[100 * 1024 * 1024];
        java.util.Arrays.fill(hundred, (byte) 'x');
        given().config(TEN_SECONDS).auth().oauth2(Tokens.of("buyer1")).contentType("text/csv").body(hundred)
                .when().post("/api/suppliers/uploads").then().statusCode(418);
        org.junit.jupiter.api.Assertions.assertEquals(hundred.length, RecordingUpstream.LAST.get().bodyLength());
    }

    /**
     * A chunked body declares no length, so the door cannot refuse it from its headers: it is counted as it streams
     * to the service, and past 10 MB the service's request is reset and the caller gets 413 problem+json (it was a
     * 502, or the service's own empty 413, before).
     */
    @Test
    void shouldRefuseAChunkedBodyThatGrowsPastTheLimitWithProblemJson() throws Exception {
        RecordingUpstream.ALL.clear();
        String answer = org.anchormarket.testing.ChunkedUpload.post(RestAssured.port, "/api/suppliers",
                12L * 1024 * 1024, "Authorization: Bearer " + Tokens.of("buyer1"), "Content-Type: application/json");
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("application/problem+json") && answer.contains("\"status\":413"), answer);
        // Only this test's request counts: another test's slow request may end meanwhile (it once failed so)
        assertTrue(RecordingUpstream.ALL.stream().noneMatch(seen -> seen.method().equals("POST")
                && seen.uri().startsWith("/api/suppliers")), "the service got no whole request: its request was reset");
    }

    /**
     * The pages' forms: Quarkus reads them with the upload limit (100 MB, for the spend upload page), so the door
     * keeps every other page to 10 MB: a declared length over it is a 413 page (browsers always declare forms'
     * lengths). The upload page takes more than 10 MB (here it goes on to sign-in: no session).
     */
    @Test
    void shouldKeepPageFormsToTheLimitAndLetTheUploadPageTakeSpendFiles() throws Exception {
        String declared = headersOnly("/app/suppliers/import", 11 * 1024 * 1024);
        assertTrue(declared.startsWith("HTTP/1.1 413"), declared);
        assertTrue(declared.contains("text/html") && declared.contains("Nothing was changed"), declared);
        String upload = headersOnly("/app/spend/uploads", 12 * 1024 * 1024);
        assertTrue(upload.startsWith("HTTP/1.1 302") || upload.startsWith("HTTP/1.1 401"), upload);
        String tooLarge = headersOnly("/app/spend/uploads", 101 * 1024 * 1024);
        assertTrue(tooLarge.startsWith("HTTP/1.1 413"), tooLarge);
    }

    /** POSTs only the headers of a body of {@code length} bytes and reads the answer (the gateway closes). */
    static String headersOnly(String path, long length) throws java.io.IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: " + length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            // until the gateway closes (a refusal) or stops sending (an answer on a connection kept open)
            socket.setSoTimeout(3_000);
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[2048];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) > 0;) {
                    answer.write(buffer, 0, n);
                }
            } catch (java.net.SocketTimeoutException quiet) {
                // all there is
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    /** CORS only for configured origins: a configured one may call the API from a browser, any other is refused. */
    @Test
    void shouldAllowCrossOriginCallsOnlyFromConfiguredOrigins() {
        given().header("Origin", "https://partner.example").header("Access-Control-Request-Method", "GET")
                .when().options("/api/suppliers").then()
                .header("Access-Control-Allow-Origin", equalTo("https://partner.example"))
                .header("Access-Control-Allow-Credentials", org.hamcrest.Matchers.not(equalTo("true")));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .when().options("/api/suppliers").then()
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(Tokens.of("buyer1")).header("Origin", "https://evil.example")
                .when().get("/api/suppliers").then().statusCode(403)
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
        org.junit.jupiter.api.Assertions.assertNotEquals(403, given().auth().oauth2(Tokens.of("buyer1"))
                .header("Origin", "http://127.0.0.1:" + RestAssured.port).when().get("/api/suppliers")
                .then().extract().statusCode(), "the gateway's own origin is not cross-origin");
    }
}
