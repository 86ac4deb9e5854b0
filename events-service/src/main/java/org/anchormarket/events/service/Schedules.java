package org.anchormarket.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.chassis.security.Caller;
import org.anchormarket.events.domain.Event;
import org.anchormarket.events.domain.KnownSupplier;
import org.anchormarket.events.domain.Meeting;
import org.anchormarket.events.domain.Registration;

/** A supplier's or a buyer's calendar: the events they go to and their meetings there. */
@ApplicationScoped
public class Schedules {

    /** How far back a calendar reaches. */
    static final Duration PAST = Duration.ofDays(90);

    private final SupplierDirectory suppliers;
    private final Meetings meetings;
    private final Clock clock;

    Schedules(SupplierDirectory suppliers, Meetings meetings, Clock clock) {
        this.suppliers = suppliers;
        this.meetings = meetings;
        this.clock = clock;
    }

    /** One calendar entry: {@code uid} stays the same for the same thing, so calendars update rather than copy. */
    public record Entry(String uid, String summary, String description, String location, Instant startsAt,
            Instant endsAt, boolean tentative) {
    }

    public List<Entry> of(Caller caller) {
        Instant since = clock.instant().minus(PAST);
        List<Entry> entries = new ArrayList<>();
        if (caller.supplier()) {
            KnownSupplier organisation = suppliers.organisationOf(caller);
            List<Registration> registrations = Registration.list("supplierId = ?1 and status <> ?2",
                    organisation.supplierId, Registration.Status.CANCELLED);
            Map<UUID, Event> events = events(registrations.stream().map(r -> r.eventId).toList());
            for (Registration r : registrations) {
                Event e = events.get(r.eventId);
                if (e.cancelled() || e.endsAt.isBefore(since)) {
                    continue;
                }
                boolean waiting = r.status == Registration.Status.WAITLISTED;
                entries.add(new Entry("registration-" + r.id + "@anchormarket", e.title + (waiting ? " (waitlisted)"
                        : ""), describe(e, !waiting, "Check-in code: " + r.checkInCode + (waiting
                                ? ". You are on the waitlist." : "")), where(e, !waiting), e.startsAt, e.endsAt,
                        waiting));
            }
            meetingEntries(meetings.heldBySupplier(organisation.supplierId), events, since, entries, true);
        } else if (caller.buyer()) {
            if (caller.anchor() == null) {
                throw new DomainException.NotAllowed("This buyer account belongs to no anchor institution");
            }
            List<Event> attending = Event.getEntityManager().createNativeQuery("""
                    select * from event where ?1 = any(anchors) and status = 'SCHEDULED' and ends_at > ?2""",
                    Event.class).setParameter(1, caller.anchor()).setParameter(2, since).getResultList();
            Map<UUID, Event> events = new HashMap<>();
            for (Event e : attending) {
                events.put(e.id, e);
                entries.add(new Entry("event-" + e.id + "@anchormarket", e.title, describe(e, true, null),
                        where(e, true), e.startsAt, e.endsAt, false));
            }
            meetingEntries(meetings.heldByAnchor(caller.anchor()), events, since, entries, false);
        } else {
            throw new DomainException.NotAllowed("Only suppliers and buyers have a schedule of events here");
        }
        entries.sort(Comparator.comparing(Entry::startsAt).thenComparing(Entry::uid));
        return entries;
    }

    private void meetingEntries(List<Meetings.MeetingView> held, Map<UUID, Event> events, Instant since,
            List<Entry> entries, boolean forSupplier) {
        Map<UUID, Event> more = events(held.stream().map(m -> m.meeting().eventId)
                .filter(id -> !events.containsKey(id)).distinct().toList());
        for (Meetings.MeetingView view : held) {
            Meeting m = view.meeting();
            Event e = events.containsKey(m.eventId) ? events.get(m.eventId) : more.get(m.eventId);
            if (e == null || e.cancelled() || m.endsAt.isBefore(since)) {
                continue;
            }
            boolean asked = m.status == Meeting.Status.REQUESTED;
            String with = forSupplier ? view.host() + " (" + view.anchorName() + ")" : m.organisationName;
            entries.add(new Entry("meeting-" + m.id + "@anchormarket", "Meeting: " + with + (asked ? " (asked)" : ""),
                    "1:1 meeting at " + e.title + (m.agenda == null ? "" : ". Agenda: " + m.agenda), where(e, true),
                    m.startsAt, m.endsAt, asked));
        }
    }

    private static Map<UUID, Event> events(List<UUID> ids) {
        Map<UUID, Event> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            Event.<Event>list("id in ?1", ids).forEach(e -> byId.put(e.id, e));
        }
        return byId;
    }

    /** Where it is; {@code joinLink}: whether the reader may have the link to join online. */
    private static String where(Event e, boolean joinLink) {
        if (e.venue == null) {
            return joinLink ? e.onlineUrl : "Online";
        }
        return e.town == null || e.venue.contains(e.town) ? e.venue : e.venue + ", " + e.town;
    }

    private static String describe(Event e, boolean joinLink, String extra) {
        StringBuilder s = new StringBuilder();
        if (e.description != null) {
            s.append(e.description);
        }
        if (e.onlineUrl != null && joinLink) {
            s.append(s.isEmpty() ? "" : "\n\n").append("Join online: ").append(e.onlineUrl);
        }
        if (extra != null) {
            s.append(s.isEmpty() ? "" : "\n\n").append(extra);
        }
        return s.toString();
    }
}
