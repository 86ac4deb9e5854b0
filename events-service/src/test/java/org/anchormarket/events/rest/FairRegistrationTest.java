package org.anchormarket.events.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.anchormarket.events.support.EventCalls;
import org.anchormarket.events.support.Parties;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A 300-seat event opened to 1,000 registrations at once, against the real PostgreSQL: exactly 300 confirmed and
 * 700 waitlisted in arrival order, nobody overbooked, no request lost.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class FairRegistrationTest {

    private static final int SEATS = 300;
    private static final int REQUESTS = 1_000;

    @TestHTTPResource("/")
    URI base;

    @Inject
    EntityManager em;

    @Test
    void shouldConfirmExactlyTheSeatsAndWaitlistTheRestInArrivalOrder() throws Exception {
        Parties.demoAnchors();
        String event = EventCalls.event(SEATS, 1);
        List<UUID> organisations = Parties.organisations(REQUESTS, "Crowd " + UUID.randomUUID());
        String admin = Tokens.of("admin1"); // registrations taken for named organisations, as at the door

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        ExecutorService senders = Executors.newFixedThreadPool(REQUESTS);
        CountDownLatch ready = new CountDownLatch(REQUESTS);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (UUID organisation : organisations) {
                HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/events/" + event + "/registrations"))
                        .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"supplierId\": \"" + organisation
                                + "\", \"attendees\": [{\"name\": \"Pat Person\", \"email\": \"pat@example.org\"}]}"))
                        .build();
                answers.add(CompletableFuture.supplyAsync(() -> {
                    ready.countDown();
                    try {
                        go.await();
                        return http.send(request, HttpResponse.BodyHandlers.ofString());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, senders));
            }
            ready.await();
            long started = System.nanoTime();
            go.countDown(); // all at once
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
            // a figure for the log, not a test of speed (deploy/bench/registrations.sh measures that)
            System.out.printf("%d registrations answered in %d ms%n", REQUESTS,
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            senders.shutdown();
        }

        // every request was answered 201, each with a registration of its own
        Map<String, Map<String, Object>> answered = new HashMap<>();
        for (var answer : answers) {
            HttpResponse<String> response = answer.get();
            assertEquals(201, response.statusCode(), response.body());
            Map<String, Object> body = JsonPath.from(response.body()).getMap("$");
            answered.put((String) body.get("id"), body);
        }
        assertEquals(REQUESTS, answered.size());

        JsonPath list = given().auth().oauth2(admin).when().get("/api/events/" + event + "/registrations").then()
                .statusCode(200).extract().jsonPath();
        List<String> ids = list.getList("registrations.id");
        List<String> statuses = list.getList("registrations.status");
        assertEquals(new HashSet<>(answered.keySet()), new HashSet<>(ids), "no request lost, none made up");
        assertEquals(SEATS, statuses.stream().filter("CONFIRMED"::equals).count());
        assertEquals(REQUESTS - SEATS, statuses.stream().filter("WAITLISTED"::equals).count());
        // the waitlist is 1..700 in order, and each answer told its registrant what stands now
        List<Map<String, Object>> registrations = list.getList("registrations");
        for (int i = 0; i < registrations.size(); i++) {
            Map<String, Object> r = registrations.get(i);
            Map<String, Object> told = answered.get((String) r.get("id"));
            assertEquals(r.get("status"), told.get("status"));
            assertEquals(i < SEATS ? null : i - SEATS + 1, r.get("waitlistPosition"));
            assertEquals(r.get("waitlistPosition"), told.get("waitlistPosition"));
        }
        given().when().get("/api/events/" + event).then().statusCode(200)
                .body("seatsTaken", org.hamcrest.Matchers.equalTo(SEATS))
                .body("waitlistLength", org.hamcrest.Matchers.equalTo(REQUESTS - SEATS));

        // arrival order: every confirmed registration arrived before every waitlisted one, and no two at once
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select status, arrival from registration where event_id = ?1 order by arrival", Object[].class)
                .setParameter(1, UUID.fromString(event)).getResultList());
        assertEquals(REQUESTS, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals((long) i + 1, ((Number) rows.get(i)[1]).longValue(), "arrivals are 1.." + REQUESTS);
            assertEquals(i < SEATS ? "CONFIRMED" : "WAITLISTED", rows.get(i)[0]);
        }
        long messages = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from outbox_message where message_key = ?1 and type like '%RegistrationConfirmed'""")
                .setParameter(1, event).getSingleResult()).longValue());
        assertTrue(messages == SEATS, "one RegistrationConfirmed per confirmed registration: " + messages);
    }
}
