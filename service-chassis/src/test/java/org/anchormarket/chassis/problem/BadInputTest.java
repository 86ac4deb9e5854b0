package org.anchormarket.chassis.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.PostgresResource;
import org.junit.jupiter.api.Test;

/** Bad input is refused with a 400 (or 413, 415) problem that names the field and says why in plain words. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class BadInputTest {

    private static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/test/echo").then()
                .contentType("application/problem+json");
    }

    private static void refused(String body, String field, String reason) {
        post(body).statusCode(400).body("errors[0].field", equalTo(field)).body("errors[0].reason", equalTo(reason))
                .body(not(containsString("Feature"))).body(not(containsString("expected ")));
    }

    @Test
    void shouldNameEveryMissingRequiredField() {
        post("{}").statusCode(400).body("errors.field", hasItems("name", "count"))
                .body("errors.reason", hasItems("is required"));
    }

    @Test
    void shouldRefuseValuesOfTheWrongTypeInsteadOfGuessing() {
        refused("{\"name\":\"a\",\"count\":1.5}", "count", "must be a whole number");
        refused("{\"name\":\"a\",\"count\":\"3\"}", "count", "must be a whole number");
        refused("{\"name\":\"a\",\"count\":1,\"flag\":\"true\"}", "flag", "must be true or false");
        refused("{\"name\":7,\"count\":1}", "name", "must be text");
        refused("{\"name\":\"a\",\"count\":1,\"tags\":\"x\"}", "tags", "must be a list");
    }

    @Test
    void shouldRefuseWhatTheDatabaseCannotHold() {
        refused("{\"name\":\"a\\u0000b\",\"count\":1}", "name", "must not contain the NUL character");
        refused("{\"name\":\"a\",\"count\":1,\"share\":1e-100000}", "share",
                "has more than 18 digits before or 10 after the decimal point");
        refused("{\"name\":\"a\",\"count\":1,\"when\":\"+999999999-01-01T00:00:00Z\"}", "when",
                "must have a year between 1000 and 9999");
        refused("{\"name\":\"a\",\"count\":1,\"tags\":[\"x\",null]}", "tags[1]", "must not be null");
    }

    @Test
    void shouldRefuseJsonThatIsNotExactlyOneObject() {
        refused("{\"name\":\"a\",\"count\":1} {\"more\":1}", "body", "has more after the JSON value");
        refused("{\"name\":\"a\",\"name\":\"b\",\"count\":1}", "name", "appears more than once");
        post("{\"name\":\"a\",\"count\":NaN}").statusCode(400).body("errors[0].field", equalTo("body"))
                .body(not(containsString("JsonReadFeature"))).body(not(containsString("StreamReadFeature")));
        post("{\"name\":").statusCode(400).body("errors[0].reason", containsString("is not valid JSON"));
    }

    @Test
    void shouldRefuseABodyWithoutContentTypeOrTooLarge() throws Exception {
        // No Content-Type at all (REST Assured always sends one): the JDK's client.
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/test/echo"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"a\",\"count\":1}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(415, response.statusCode(), response.body());
        org.junit.jupiter.api.Assertions.assertTrue(response.body().contains("\"field\":\"Content-Type\""),
                response.body());
        given().contentType("application/octet-stream").body("{\"name\":\"a\",\"count\":1}".getBytes())
                .when().post("/test/echo").then().statusCode(415).contentType("application/problem+json");
        // A body declared larger than 10 MB is refused from its headers, before it is read (as a raw socket sees it:
        // a client still sending gets the answer and a closed connection).
        try (var socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("POST /test/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (11 * 1024 * 1024) + "\r\n\r\n").getBytes());
            out.write(" ".repeat(1024).getBytes());
            out.flush();
            String answer = new String(socket.getInputStream().readNBytes(2048));
            org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            org.junit.jupiter.api.Assertions.assertTrue(answer.contains("application/problem+json"), answer);
        }
    }

    /**
     * A body of no declared length is counted as it arrives: one within the limit reaches the resource whole (and a
     * client that asks to be told to go on is told); one past it gets 413 problem+json (Quarkus alone answered with an
     * empty 413).
     */
    @Test
    void shouldReadAChunkedBodyWithinTheLimitAndRefuseOnePastItWithProblemJson() throws Exception {
        var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        byte[] json = "{\"name\":\"chunked\",\"count\":2}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/test/echo"))
                .header("Content-Type", "application/json").expectContinue(true) // as curl does for uploads
                .timeout(java.time.Duration.ofSeconds(10))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(json))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(200, response.statusCode(), response.body());
        org.junit.jupiter.api.Assertions.assertTrue(response.body().contains("\"name\":\"chunked\""),
                response.body());

        String answer = org.anchormarket.testing.ChunkedUpload.post(io.restassured.RestAssured.port, "/test/echo",
                12L * 1024 * 1024, "Content-Type: application/json");
        org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        org.junit.jupiter.api.Assertions.assertTrue(answer.contains("application/problem+json")
                && answer.contains("\"field\":\"body\""), answer);
    }

    @Test
    void shouldRefuseParametersThatAreNotWhatTheySay() {
        given().when().get("/test/flag?flag=maybe").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("flag")).body("errors[0].reason", equalTo("must be true or false"));
        given().urlEncodingEnabled(false).when().get("/test/flag?flag=true&q=a%00b").then().statusCode(400)
                .body("errors[0].field", equalTo("q"));
        given().when().get("/test/items/not-a-uuid").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("id")).body("errors[0].reason", equalTo("must be a UUID"));
        given().when().get("/test/flag?flag=TRUE").then().statusCode(200).body(equalTo("true null"));
        // JAX-RS alone answered 404 for a date that is not one
        given().when().get("/test/on?day=2020-13-01").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("day")).body("errors[0].reason", equalTo("must be a date as yyyy-mm-dd"));
        given().when().get("/test/on?day=2020-02-29").then().statusCode(200).body(equalTo("2020-02-29"));
    }
}
