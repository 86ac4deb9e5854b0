package org.anchormarket.supplier.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.anchormarket.supplier.rest.Registrations;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The directory's cost does not grow with the page: a page of 50 is a fixed handful of queries, and the same page
 * asked again soon is none, until a supplier changes.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class SupplierDirectoryTest {

    /**
     * Each supplier's branches and CPV codes are loaded for the whole page at once: one query each, not one per
     * supplier or per batch of 16 (eight for a page of 50 before).
     */
    @Test
    void shouldLoadAPageOfFiftyWithAFixedNumberOfQueries() {
        String word = "Qd" + UUID.randomUUID().toString().substring(0, 6);
        String admin = Tokens.of("admin1");
        for (int i = 0; i < 55; i++) {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Registrations.valid("legalName", word + " Supplier " + (100 + i), "cpvCodes",
                            List.of("45210000", "55520000"), "branches", List.of(java.util.Map.of("postcode",
                                    "WN7 2AA"))))
                    .when().post("/api/suppliers").then().statusCode(201);
        }
        String buyer = Tokens.of("buyer1");
        // Warms the query up with another page size (another cached page, so the page below is read afresh)
        given().auth().oauth2(buyer).queryParam("q", word).queryParam("pageSize", 10).when().get("/api/suppliers")
                .then().statusCode(200);

        StatementLog.start();
        given().auth().oauth2(buyer).queryParam("q", word).queryParam("pageSize", 50).when().get("/api/suppliers")
                .then().statusCode(200).body("total", equalTo(55)).body("items", hasSize(50))
                .body("items[0].cpvCodes", hasSize(2)).body("items[49].branches", hasSize(1));
        List<String> statements = StatementLog.stop();

        long collections = statements.stream()
                .filter(sql -> sql.contains("supplier_branch") || sql.contains("supplier_cpv")).count();
        assertTrue(collections <= 2, collections + " queries for the page's branches and CPV codes: " + statements);
        long directory = statements.stream().filter(sql -> sql.contains(" from supplier ")).count();
        assertTrue(directory >= 1 && directory <= 2, "the page and its count: " + statements);

        // The same page again within the cache's time: no query at all
        StatementLog.start();
        given().auth().oauth2(buyer).queryParam("q", word).queryParam("pageSize", 50).when().get("/api/suppliers")
                .then().statusCode(200).body("total", equalTo(55)).body("items", hasSize(50));
        List<String> again = StatementLog.stop();
        assertTrue(again.stream().noneMatch(sql -> sql.contains("supplier")), "served from the cache: " + again);

        // A change made here clears it: the next ask sees the new supplier at once
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Registrations.valid("legalName", word + " Supplier 000"))
                .when().post("/api/suppliers").then().statusCode(201);
        given().auth().oauth2(buyer).queryParam("q", word).queryParam("pageSize", 50).when().get("/api/suppliers")
                .then().statusCode(200).body("total", equalTo(56))
                .body("items[0].legalName", equalTo(word + " Supplier 000"));
    }

    /**
     * Many asking at once for a page nobody has loaded (a much-asked page that just expired, under load) make one
     * query of it, not one each: the others wait for that one. Before, every request in flight queried it (through
     * the gateway under load, the directory's queries took a fifth of supplier-service's time).
     */
    @Test
    void shouldLoadAPageOnceWhenManyAskForItAtOnce() throws Exception {
        String word = "Qc" + UUID.randomUUID().toString().substring(0, 6);
        String admin = Tokens.of("admin1");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Registrations.valid("legalName", word + " Supplier " + i))
                    .when().post("/api/suppliers").then().statusCode(201);
        }
        String buyer = Tokens.of("buyer1");
        int callers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
        try {
            StatementLog.start();
            StatementLog.slowDown(java.time.Duration.ofMillis(300)); // every caller arrives while the page loads
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> totals = new java.util.ArrayList<>();
            for (int i = 0; i < callers; i++) {
                totals.add(pool.submit(() -> {
                    go.await();
                    return given().auth().oauth2(buyer).queryParam("q", word).when().get("/api/suppliers")
                            .then().statusCode(200).extract().<Integer>path("total");
                }));
            }
            go.countDown();
            for (var total : totals) {
                org.junit.jupiter.api.Assertions.assertEquals(3, total.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            List<String> statements = StatementLog.stop();
            long directory = statements.stream().filter(sql -> sql.contains(" from supplier ")).count();
            org.junit.jupiter.api.Assertions.assertEquals(2, directory,
                    "one page query and one count for " + callers + " callers, not one of each per caller");
        } finally {
            StatementLog.stop();
            pool.shutdownNow();
        }
    }

    /**
     * A load that hangs holds up only its own request: one asking for the same page meanwhile waits for it at most
     * supplier.directory.load-wait (2 s here), then loads the page itself. Before, it waited as long as the load hung
     * (a half-open database connection: hours), and so did every request for that page after it.
     */
    @Test
    void shouldNotKeepEveryoneWaitingBehindALoadThatHangs() throws Exception {
        String word = "Qh" + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Registrations.valid("legalName", word + " Supplier"))
                .when().post("/api/suppliers").then().statusCode(201);
        String buyer = Tokens.of("buyer1");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            StatementLog.start();
            StatementLog.slowDownFirst(" from supplier ", java.time.Duration.ofSeconds(10));
            var hanging = pool.submit(() -> given().auth().oauth2(buyer).queryParam("q", word)
                    .when().get("/api/suppliers").then().statusCode(200).extract().<Integer>path("total"));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> StatementLog.recorded(" from supplier ") > 0); // the first is in its hanging query

            long started = System.nanoTime();
            given().auth().oauth2(buyer).queryParam("q", word).when().get("/api/suppliers")
                    .then().statusCode(200).body("total", equalTo(1));
            long waited = java.time.Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertTrue(waited < 7_000, "the second request took " + waited + " ms, behind a load hanging 10 s");
            org.junit.jupiter.api.Assertions.assertEquals(1, hanging.get(30, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            StatementLog.stop();
            pool.shutdownNow();
        }
    }
}
