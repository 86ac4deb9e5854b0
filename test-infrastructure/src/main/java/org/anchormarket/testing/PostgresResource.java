package org.anchormarket.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.anchormarket.infra.LocalPostgres;

/** A real PostgreSQL database for the service under test: {@code @QuarkusTestResource(PostgresResource.class)}. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final String DATABASE = "service_test";
    private static final String USER = "service_test";
    private static final String PASSWORD = "service_test";

    @Override
    public Map<String, String> start() {
        LocalPostgres postgres = SharedInfra.postgres();
        postgres.ensureDatabase(DATABASE, USER, PASSWORD);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE),
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", PASSWORD);
    }

    @Override
    public void stop() {
        // Stopped when the test JVM ends: other test classes of this JVM use it too.
    }
}
