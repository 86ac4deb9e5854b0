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
    private static volatile long slowMillis;

    /** Makes each statement recorded from now on take this much longer (a slow database), until stop(). */
    public static void slowDown(java.time.Duration by) {
        slowMillis = by.toMillis();
    }

    /** Starts recording, forgetting what was recorded before. */
    public static void start() {
        STATEMENTS.clear();
        recording = true;
    }

    /** Stops recording and gives what was recorded. */
    public static List<String> stop() {
        recording = false;
        slowMillis = 0;
        return List.copyOf(STATEMENTS);
    }

    @Override
    public String inspect(String sql) {
        if (recording) {
            STATEMENTS.add(sql);
            if (slowMillis > 0) {
                try {
                    Thread.sleep(slowMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return sql;
    }
}
