package org.anchormarket.events.mapping;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.anchormarket.events.service.Schedules;

/** A schedule as iCalendar (RFC 5545, ical4j): times in Europe/London with its VTIMEZONE, so calendars show UK time. */
public final class ScheduleCalendar {

    private static final String ZONE = "Europe/London";

    private ScheduleCalendar() {
    }

    public static String of(List<Schedules.Entry> entries, Instant now) {
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        ZoneId london = ZoneId.of(ZONE);
        Calendar calendar = new Calendar()
                .withProperty(new ProdId("-//Anchor Market//Events of Wigan's anchor institutions//EN"))
                .withProperty(ImmutableVersion.VERSION_2_0)
                .withProperty(ImmutableCalScale.GREGORIAN)
                .withComponent(registry.getTimeZone(ZONE).getVTimeZone())
                .getFluentTarget();
        for (Schedules.Entry e : entries) {
            VEvent event = (VEvent) new VEvent(ZonedDateTime.ofInstant(e.startsAt(), london),
                    ZonedDateTime.ofInstant(e.endsAt(), london), e.summary())
                    .withProperty(new Uid(e.uid()))
                    .withProperty(new DtStamp(now))
                    .withProperty(new Status(e.tentative() ? "TENTATIVE" : "CONFIRMED"))
                    .getFluentTarget();
            if (e.location() != null) {
                event.add(new Location(e.location()));
            }
            if (e.description() != null && !e.description().isEmpty()) {
                event.add(new Description(e.description()));
            }
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
