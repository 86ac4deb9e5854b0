package org.anchormarket.supplier.service;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/** The SQL statements Hibernate prepares while a test records them (for tests that count queries). */
@PersistenceUnitExtension
public class StatementLog implements StatementInspector {

    private static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();
    private static volatile boolean recording;

    /** Starts recording, forgetting what was recorded before. */
    public static void start() {
        STATEMENTS.clear();
        recording = true;
    }

    /** Stops recording and gives what was recorded. */
    public static List<String> stop() {
        recording = false;
        return List.copyOf(STATEMENTS);
    }

    @Override
    public String inspect(String sql) {
        if (recording) {
            STATEMENTS.add(sql);
        }
        return sql;
    }
}
