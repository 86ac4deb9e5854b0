package org.anchormarket.chassis.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.PostgresResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class ProblemMappersTest {

    @Test
    void shouldAnswerAnUnexpectedErrorWithProblemJsonAndAnErrorIdThatIsInTheLogButNoInternals() throws Exception {
        String errorId = given().when().get("/test/boom").then().statusCode(500)
                .contentType("application/problem+json")
                .body("status", equalTo(500))
                .body("errorId", matchesPattern("[0-9a-f-]{36}"))
                .body("detail", containsString("error id"))
                .body(not(containsString("hunter2")))
                .body(not(containsString("IllegalStateException")))
                .extract().path("errorId");
        Path log = Path.of("target", "quarkus.log");
        assertTrue(Files.readString(log).contains("Error id " + errorId), "the error id is in the log");
    }

    @Test
    void shouldAnswer400ForTheRequestsOwnFieldsAnd500ForAConstraintOurCodeBroke() {
        given().when().get("/test/limit?n=11").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("n"));
        given().when().get("/test/server-side-violation").then().statusCode(500)
                .contentType("application/problem+json").body("errorId", matchesPattern("[0-9a-f-]{36}"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "invalid, 400, Invalid request, size",
        "not-allowed, 403, Forbidden, ",
        "not-found, 404, Not Found, ",
        "conflict, 409, Conflict, name",
        "gone, 410, Gone, code",
        "stale, 412, Precondition Failed, ",
        "too-many, 429, Too Many Requests, "})
    void shouldAnswerEachOfTheDomainsRefusalsWithItsStatusAndTheFieldsItNames(String kind, int status, String title,
            String field) {
        var response = given().when().get("/test/refusals/" + kind).then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", equalTo(title));
        if (field == null) {
            response.body("errors", org.hamcrest.Matchers.nullValue());
        } else {
            response.body("errors[0].field", equalTo(field));
        }
        if (status == 429) {
            response.header("Retry-After", equalTo("120"));
        }
    }
}
