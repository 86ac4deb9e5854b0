package org.anchormarket.tender.service;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The server's clock, in one place, so that tests can move past deadlines (a test bean replaces it). */
public class Clocks {

    private static final java.time.format.DateTimeFormatter UK = java.time.format.DateTimeFormatter
            .ofPattern("EEEE d MMMM yyyy 'at' h:mma", java.util.Locale.UK)
            .withZone(java.time.ZoneId.of("Europe/London"));

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** A time as people in Wigan read it, whatever the season: "Friday 15 January 2027 at 12:00pm" (UK time). */
    public static String uk(java.time.Instant at) {
        return UK.format(at).replace("AM", "am").replace("PM", "pm");
    }
}
