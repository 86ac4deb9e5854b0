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
    private static final java.util.concurrent.atomic.AtomicLong FIRST_SLOW = new java.util.concurrent.atomic.AtomicLong();
    private static volatile String firstSlowMatching = "";

    /** Makes each statement recorded from now on take this much longer (a slow database), until stop(). */
    public static void slowDown(java.time.Duration by) {
        slowMillis = by.toMillis();
    }

    /**
     * Makes only the next recorded statement containing {@code matching} take this much longer (a query that hangs),
     * until stop().
     */
    public static void slowDownFirst(String matching, java.time.Duration by) {
        firstSlowMatching = matching;
        FIRST_SLOW.set(by.toMillis());
    }

    /** How many statements containing {@code matching} were recorded so far. */
    public static long recorded(String matching) {
        return STATEMENTS.stream().filter(sql -> sql.contains(matching)).count();
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
        FIRST_SLOW.set(0);
        return List.copyOf(STATEMENTS);
    }

    @Override
    public String inspect(String sql) {
        if (recording) {
            STATEMENTS.add(sql);
            long first = sql.contains(firstSlowMatching) ? FIRST_SLOW.getAndSet(0) : 0;
            if (first > 0) {
                try {
                    Thread.sleep(first);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
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
