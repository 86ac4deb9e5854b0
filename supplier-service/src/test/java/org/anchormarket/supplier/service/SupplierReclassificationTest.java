package org.anchormarket.supplier.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.supplier.rest.Registrations;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.anchormarket.testing.TopicRecords;
import org.junit.jupiter.api.Test;

/** Stored classifications made with older rules or other reference data are worked out again at start-up. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class SupplierReclassificationTest {

    @Inject
    SupplierReclassification reclassification;

    @Inject
    EntityManager em;

    @Inject
    SupplierEditing editing;

    @Inject
    SupplierClassifier classifier;

    /**
     * With the database gone (a real driver, nothing listening), the run's failure is logged, never thrown (and the
     * run is started in the background, so start-up does not wait for it).
     */
    @Test
    void shouldNeverFailStartUpWhenTheDatabaseCannotBeReached() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        int port = closedPort;
        try (io.agroal.api.AgroalDataSource unreachable = io.agroal.api.AgroalDataSource.from(
                new io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier()
                        .connectionPoolConfiguration(pool -> pool.maxSize(1)
                                .acquisitionTimeout(Duration.ofSeconds(2))
                                .connectionFactoryConfiguration(factory -> factory
                                        .jdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/suppliers"))))) {
            java.util.List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.logging.Handler handler = new java.util.logging.Handler() {
                @Override
                public void publish(java.util.logging.LogRecord record) {
                    logged.add(record.getLevel() + " " + record.getMessage());
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            var logger = java.util.logging.Logger.getLogger(SupplierReclassification.class.getName());
            logger.addHandler(handler);
            try {
                SupplierReclassification broken = new SupplierReclassification(editing, classifier, unreachable);
                org.junit.jupiter.api.Assertions.assertDoesNotThrow(broken::runLogged);
                assertTrue(logged.stream().anyMatch(line -> line.startsWith("ERROR")
                        && line.contains("Classifying suppliers again failed; the service runs on")), logged.toString());
            } finally {
                logger.removeHandler(handler);
            }
        }
    }

    private static String register(String token, Object... fields) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Registrations.valid(fields))
                .when().post("/api/suppliers").then().statusCode(201).extract().path("id");
    }

    /** What a row written before classification existed looks like (V2's defaults, no basis). */
    private void makeStale(String id) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update supplier set locality = 'REST_OF_UK',"
                + " town = null, classified_with = '' where id = ?1").setParameter(1, UUID.fromString(id))
                .executeUpdate());
    }

    @Test
    void shouldClassifyAgainARowClassifiedWithOlderRulesAndAnnounceTheChange() {
        String member = Tokens.ofNewUser("supplier");
        String id = register(member);
        makeStale(id);
        given().auth().oauth2(member).when().get("/api/suppliers/" + id)
                .then().body("classification.locality", equalTo("REST_OF_UK"));

        SupplierReclassification.Result result = reclassification.run();

        assertTrue(result.changed() >= 1, result.toString());
        given().auth().oauth2(member).when().get("/api/suppliers/" + id).then()
                .body("classification.locality", equalTo("IN_BOROUGH"))
                .body("classification.town", equalTo("Wigan"));
        given().auth().oauth2(member).when().get("/api/suppliers/" + id + "/history").then()
                .body("[0].changedBy", equalTo(SupplierEditing.RECLASSIFICATION))
                .body("[0].changes.field", hasItems("locality", "town"))
                .body("[0].changes.find { it.field == 'locality' }.from", equalTo("REST_OF_UK"));
        var record = TopicRecords.await(Topics.SUPPLIERS,
                TopicRecords.keyAndType(id, Topics.EventTypes.SUPPLIER_UPDATED), Duration.ofSeconds(30));
        assertTrue(record.value().contains("\"locality\":\"IN_BOROUGH\""), record.value());
        assertTrue(record.value().contains("\"changedFields\":[\"locality\",\"town\"]"), record.value());
    }

    @Test
    void shouldOnlyNoteTheNewBasisWhenTheClassificationIsTheSame() {
        String member = Tokens.ofNewUser("supplier");
        String id = register(member);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update supplier set classified_with = 'rules-0' where id = ?1").setParameter(1, UUID.fromString(id))
                .executeUpdate());

        reclassification.run();

        given().auth().oauth2(member).when().get("/api/suppliers/" + id + "/history").then()
                .body("size()", equalTo(1));
        Object basis = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select classified_with from supplier where id = ?1").setParameter(1, UUID.fromString(id))
                .getSingleResult());
        assertTrue(String.valueOf(basis).startsWith("rules-"), String.valueOf(basis));
        assertEquals(0, reclassification.run().checked(), "nothing is out of date any more");
    }

    @Test
    void shouldLeaveTheWorkToTheInstanceThatHoldsTheLock() throws Exception {
        String id = register(Tokens.ofNewUser("supplier"));
        makeStale(id);
        try (var other = io.quarkus.arc.Arc.container().instance(io.agroal.api.AgroalDataSource.class).get()
                .getConnection(); var lock = other.prepareStatement("select pg_advisory_lock(" + 0x5EC1A55L + ")")) {
            lock.execute(); // another instance is reclassifying
            assertTrue(reclassification.runExclusively().isEmpty(), "this instance stands aside");
            try (var unlock = other.prepareStatement("select pg_advisory_unlock(" + 0x5EC1A55L + ")")) {
                unlock.execute();
            }
        }
        assertTrue(reclassification.runExclusively().orElseThrow().checked() >= 1, "then it does the work");
        try (var any = io.quarkus.arc.Arc.container().instance(io.agroal.api.AgroalDataSource.class).get()
                .getConnection(); var held = any.prepareStatement("select count(*) from pg_locks where locktype ="
                        + " 'advisory' and ((classid::bigint << 32) | objid::bigint) = " + 0x5EC1A55L);
                var rs = held.executeQuery()) {
            rs.next();
            assertEquals(0, rs.getLong(1), "the lock ended with the run: no connection in the pool still holds it");
        }
    }
}
