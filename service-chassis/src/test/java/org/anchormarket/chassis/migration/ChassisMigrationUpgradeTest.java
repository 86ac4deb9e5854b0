package org.anchormarket.chassis.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.anchormarket.infra.LocalPostgres;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.SharedInfra;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A service's database made by an older release is already past the chassis' new migration's version (a service at
 * V6 meets chassis 0.2): with the chassis' Flyway settings it still takes it, keeping its rows.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class ChassisMigrationUpgradeTest {

    @Test
    void shouldApplyANewChassisMigrationToADatabaseAheadOfIt() throws Exception {
        LocalPostgres postgres = SharedInfra.postgres();
        String database = "upgrade_" + Long.toHexString(System.nanoTime());
        postgres.ensureDatabase(database, "service_test", "service_test");
        String url = postgres.jdbcUrl(database);
        // As the older release left it: chassis 0.1, then the service's own V1, and a message in its outbox.
        Flyway.configure().dataSource(url, "service_test", "service_test").locations("classpath:db/chassis")
                .target("0.1").load().migrate();
        Flyway.configure().dataSource(url, "service_test", "service_test").locations("classpath:db/chassis-test")
                .baselineOnMigrate(false).ignoreMigrationPatterns("*:missing").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "service_test", "service_test")) {
            c.createStatement().executeUpdate("""
                    insert into outbox_message (id, topic, message_key, type, source, payload, created_at)
                    values (gen_random_uuid(), 't', 'k', 'T', 'urn:x', '{}', now())""");
        }

        boolean outOfOrder = ConfigProvider.getConfig().getValue("quarkus.flyway.out-of-order", Boolean.class);
        Flyway.configure().dataSource(url, "service_test", "service_test")
                .locations("classpath:db/chassis", "classpath:db/chassis-test").outOfOrder(outOfOrder).load()
                .migrate();

        try (Connection c = DriverManager.getConnection(url, "service_test", "service_test");
                ResultSet rs = c.createStatement().executeQuery(
                        "select aggregate_version, attempts from outbox_message where message_key = 'k'")) {
            assertTrue(rs.next(), "the older release's message is kept");
            assertEquals(1, rs.getLong(1), "and numbered as its aggregate's first version");
            assertEquals(0, rs.getInt(2));
        }
    }
}
