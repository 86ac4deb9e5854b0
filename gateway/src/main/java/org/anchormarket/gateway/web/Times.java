package org.anchormarket.gateway.web;

import io.quarkus.qute.TemplateExtension;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as people in Wigan read them, whatever the service stored (UTC): "Friday 15 January 2027 at 12:00pm",
 * in UK time ({@code when:london(t)}); dates as "1 April 2027" ({@code when:day(d)}); and what a form shows back
 * for a time it edits ({@code when:typed(t)}: "15/01/2027 12:00").
 */
@TemplateExtension(namespace = "when")
public final class Times {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' h:mma",
            Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.UK);

    private Times() {
    }

    public static String london(OffsetDateTime at) {
        return at == null ? "–" : LONG.format(at.atZoneSameInstant(LONDON)).replace("AM", "am").replace("PM", "pm");
    }

    public static String day(LocalDate date) {
        return date == null ? "–" : DAY.format(date);
    }

    public static String typed(OffsetDateTime at) {
        return at == null ? "" : TYPED.format(at.atZoneSameInstant(LONDON));
    }
}
