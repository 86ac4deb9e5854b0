package org.anchormarket.events.support;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests (it replaces the default bean): the real time moved on by however far the tests have
 * moved it. It only moves forward, so tests that share the application never see time go back.
 */
@Singleton
public class TestClock extends Clock {

    private static volatile Duration ahead = Duration.ZERO;

    /** Moves the service's clock on by {@code by}. */
    public static synchronized void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("The test clock only moves forward");
        }
        ahead = ahead.plus(by);
    }

    /** Moves the service's clock on to {@code to}, if it is later than now. */
    public static void advanceTo(Instant to) {
        Duration by = Duration.between(now(), to);
        if (!by.isNegative()) {
            advance(by);
        }
    }

    /** The time the service sees. */
    public static Instant now() {
        return Instant.now().plus(ahead);
    }

    @Override
    public Instant instant() {
        return now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
