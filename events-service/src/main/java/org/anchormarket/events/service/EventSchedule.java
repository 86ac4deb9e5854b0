package org.anchormarket.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.chassis.domain.DomainException.Violation;
import org.anchormarket.chassis.security.Caller;
import org.anchormarket.events.domain.Event;
import org.anchormarket.events.domain.EventSeats;
import org.anchormarket.events.domain.Registration;

/** Scheduling, changing, cancelling and listing events. */
@ApplicationScoped
public class EventSchedule {

    /** The longest an event may run. */
    static final Duration LONGEST = Duration.ofDays(14);

    private final EntityManager em;
    private final AnchorDirectory anchors;
    private final Registrations registrations;
    private final RegistrantEmails emails;
    private final Clock clock;

    EventSchedule(EntityManager em, AnchorDirectory anchors, Registrations registrations, RegistrantEmails emails,
            Clock clock) {
        this.em = em;
        this.anchors = anchors;
        this.registrations = registrations;
        this.emails = emails;
        this.clock = clock;
    }

    /** An event's details as asked; {@code null} fields are not given (a draft's defaults, a change's "keep"). */
    public record Details(Event.Kind kind, String title, String description, String venue, String town,
            String onlineUrl, Instant startsAt, Instant endsAt, Integer capacity, Integer seatsPerOrganisation,
            Instant registrationClosesAt, List<String> anchors, List<String> cpvCodes, List<UUID> pipelineItems) {
    }

    /** An event with its seats as they stand. */
    public record View(Event event, int seatsTaken, int waitlistLength) {
        public int seatsLeft() {
            return Math.max(0, event.capacity - seatsTaken);
        }
    }

    /** A page of events and how many match in all. */
    public record Page(List<View> items, long total) {
    }

    @Transactional
    public View schedule(Caller caller, String anchor, Details d) {
        String organiser = organiser(caller, anchor);
        Instant now = now();
        Event e = new Event();
        e.id = UUID.randomUUID();
        e.anchor = organiser;
        e.kind = d.kind();
        e.scheduledBy = caller.actor();
        e.createdAt = now;
        e.updatedAt = now;
        e.seatsPerOrganisation = d.seatsPerOrganisation() == null ? Math.min(2, d.capacity()) : d.seatsPerOrganisation();
        e.registrationClosesAt = d.registrationClosesAt() == null ? d.startsAt() : d.registrationClosesAt();
        apply(e, d, true, now);
        e.persist();
        EventSeats seats = new EventSeats();
        seats.eventId = e.id;
        seats.persist();
        return new View(e, 0, 0);
    }

    @Transactional
    public View update(Caller caller, UUID id, OptionalLong expectedVersion, Details d) {
        EventSeats seats = lockSeats(id);
        Event e = Event.findById(id);
        caller.requireActsFor(e.anchor);
        DomainException.Stale.unlessCurrent(expectedVersion, e.version, "The event");
        Instant now = now();
        if (e.cancelled()) {
            throw new DomainException.Conflict("The event was cancelled: it can no longer change", null);
        }
        if (e.ended(now)) {
            throw new DomainException.Conflict("The event is over: it can no longer change", null);
        }
        String placeAndTime = placeAndTime(e);
        apply(e, d, false, now);
        if (e.capacity < seats.seatsTaken) {
            throw new DomainException.Conflict("Confirmed registrations hold " + seats.seatsTaken
                    + " seats: the capacity cannot go below that (cancel registrations first)", "capacity");
        }
        e.updatedAt = now;
        em.flush(); // the version moves now: a racing edit without If-Match fails here (409)
        registrations.promote(e, seats);
        if (!placeAndTime.equals(placeAndTime(e))) {
            emails.changed(e, Registration.ofEvent(e.id));
        }
        return view(e, seats);
    }

    /** What registrants are told of when it changes: the times and the place. */
    private static String placeAndTime(Event e) {
        return java.util.Arrays.asList(e.startsAt, e.endsAt, e.venue, e.town, e.onlineUrl).toString();
    }

    @Transactional
    public View cancel(Caller caller, UUID id, String reason) {
        EventSeats seats = lockSeats(id);
        Event e = Event.findById(id);
        caller.requireActsFor(e.anchor);
        Instant now = now();
        if (e.cancelled()) {
            throw new DomainException.Conflict("The event was already cancelled", null);
        }
        if (e.ended(now)) {
            throw new DomainException.Conflict("The event is over: it can no longer be cancelled", null);
        }
        e.status = Event.Status.CANCELLED;
        e.cancellationReason = Texts.block("reason", reason);
        if (e.cancellationReason == null || e.cancellationReason.length() < 3) {
            throw DomainException.Invalid.field("reason", "must say why, in at least 3 characters");
        }
        e.cancelledAt = now;
        e.updatedAt = now;
        // the event row first, then its registrations: the order a check-in takes them in (no deadlock)
        em.flush();
        registrations.cancelAll(e, seats);
        return view(e, seats);
    }

    public View get(UUID id) {
        Event e = Event.<Event>findByIdOptional(id).orElseThrow(() -> new DomainException.NotFound("Event " + id));
        return view(e, EventSeats.findById(id));
    }

    /** Events ending after {@code from} (default now), soonest first. */
    public Page list(Event.Kind kind, String anchor, Instant from, int page, int size) {
        StringBuilder where = new StringBuilder("ends_at > :from");
        Map<String, Object> params = new HashMap<>();
        params.put("from", from == null ? now() : from);
        if (kind != null) {
            where.append(" and kind = :kind");
            params.put("kind", kind.name());
        }
        if (anchor != null && !anchor.isBlank()) {
            where.append(" and :anchor = any(anchors)");
            params.put("anchor", anchor.strip());
        }
        var query = em.createNativeQuery("select * from event where " + where
                + " order by starts_at, id limit :limit offset :offset", Event.class);
        var count = em.createNativeQuery("select count(*) from event where " + where, Long.class);
        params.forEach((k, v) -> {
            query.setParameter(k, v);
            count.setParameter(k, v);
        });
        query.setParameter("limit", size).setParameter("offset", (long) page * size);
        @SuppressWarnings("unchecked")
        List<Event> events = query.getResultList();
        return new Page(views(events), ((Number) count.getSingleResult()).longValue());
    }

    /** The events' seats and waitlists, in two queries whatever their number. */
    public List<View> views(List<Event> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = events.stream().map(e -> e.id).toList();
        Map<UUID, Integer> taken = new HashMap<>();
        for (EventSeats s : EventSeats.<EventSeats>list("eventId in ?1", ids)) {
            taken.put(s.eventId, s.seatsTaken);
        }
        Map<UUID, Integer> waiting = new HashMap<>();
        for (Object[] row : em.createQuery("""
                select r.eventId, count(r) from Registration r where r.eventId in ?1 and r.status = ?2
                group by r.eventId""", Object[].class).setParameter(1, ids)
                .setParameter(2, Registration.Status.WAITLISTED).getResultList()) {
            waiting.put((UUID) row[0], ((Number) row[1]).intValue());
        }
        return events.stream().map(e -> new View(e, taken.getOrDefault(e.id, 0), waiting.getOrDefault(e.id, 0)))
                .toList();
    }

    public List<Event> byIds(List<UUID> ids) {
        return ids.isEmpty() ? List.of() : Event.list("id in ?1", ids);
    }

    public Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private View view(Event e, EventSeats seats) {
        long waiting = Registration.count("eventId = ?1 and status = ?2", e.id, Registration.Status.WAITLISTED);
        return new View(e, seats == null ? 0 : seats.seatsTaken, Math.toIntExact(waiting));
    }

    private EventSeats lockSeats(UUID id) {
        EventSeats seats = em.find(EventSeats.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (seats == null) {
            throw new DomainException.NotFound("Event " + id);
        }
        return seats;
    }

    /** The anchor that organises a new event: a buyer's own, or the one an admin names. */
    private String organiser(Caller caller, String anchor) {
        if (caller.admin()) {
            if (anchor == null || anchor.isBlank()) {
                throw DomainException.Invalid.field("anchor", "is required when an admin schedules an event");
            }
            anchors.requireKnown(anchor, "anchor");
            return anchor;
        }
        if (caller.anchor() == null) {
            throw new DomainException.NotAllowed("This buyer account belongs to no anchor institution");
        }
        if (anchor != null && !anchor.isBlank() && !anchor.equals(caller.anchor())) {
            throw new DomainException.NotAllowed("A buyer schedules events for its own anchor (" + caller.anchor()
                    + ") only", "anchor", "is not your anchor");
        }
        return caller.anchor();
    }

    /** Applies what is given, then checks the event as a whole; every broken rule is named at once. */
    private void apply(Event e, Details d, boolean creating, Instant now) {
        List<Violation> errors = new ArrayList<>();
        Instant oldStart = e.startsAt;
        tryField(errors, () -> {
            if (d.title() != null) {
                e.title = Texts.line("title", d.title(), 3);
            }
        });
        tryField(errors, () -> {
            if (d.description() != null) {
                e.description = Texts.block("description", d.description());
            }
        });
        tryField(errors, () -> {
            if (d.venue() != null) {
                e.venue = Texts.optionalLine("venue", d.venue());
            }
        });
        tryField(errors, () -> {
            if (d.town() != null) {
                e.town = Texts.optionalLine("town", d.town());
            }
        });
        tryField(errors, () -> {
            if (d.onlineUrl() != null) {
                e.onlineUrl = onlineUrl(d.onlineUrl());
            }
        });
        if (d.startsAt() != null) {
            e.startsAt = d.startsAt();
        }
        if (d.endsAt() != null) {
            e.endsAt = d.endsAt();
        }
        if (d.capacity() != null) {
            e.capacity = d.capacity();
        }
        if (d.seatsPerOrganisation() != null) {
            e.seatsPerOrganisation = d.seatsPerOrganisation();
        }
        if (d.registrationClosesAt() != null) {
            e.registrationClosesAt = d.registrationClosesAt();
        }
        if (d.cpvCodes() != null) {
            e.cpvCodes = d.cpvCodes().stream().distinct().toArray(String[]::new);
        }
        if (d.pipelineItems() != null) {
            e.pipelineItems = d.pipelineItems().stream().distinct().toArray(UUID[]::new);
        }
        if (d.anchors() != null || creating) {
            LinkedHashSet<String> attending = new LinkedHashSet<>();
            attending.add(e.anchor);
            if (d.anchors() != null) {
                attending.addAll(d.anchors().stream().map(String::strip).toList());
            }
            tryField(errors, () -> anchors.requireKnown(d.anchors() == null ? List.of()
                    : d.anchors().stream().map(String::strip).toList(), "anchors"));
            e.anchors = attending.toArray(String[]::new);
        }
        if (e.kind == Event.Kind.WEBINAR && e.onlineUrl == null) {
            errors.add(new Violation("onlineUrl", "is required for a webinar"));
        }
        if (e.kind != Event.Kind.WEBINAR && e.venue == null) {
            errors.add(new Violation("venue", "is required for an event held in person"));
        }
        if (e.startsAt != null && (creating || !e.startsAt.equals(oldStart)) && !e.startsAt.isAfter(now)) {
            errors.add(new Violation("startsAt", "must be in the future"));
        }
        if (e.startsAt != null && e.endsAt != null) {
            if (!e.endsAt.isAfter(e.startsAt)) {
                errors.add(new Violation("endsAt", "must be after the start"));
            } else if (Duration.between(e.startsAt, e.endsAt).compareTo(LONGEST) > 0) {
                errors.add(new Violation("endsAt", "must be within 14 days of the start"));
            }
            if (e.registrationClosesAt != null) {
                if (e.registrationClosesAt.isAfter(e.startsAt)) {
                    errors.add(new Violation("registrationClosesAt", "must be no later than the start"));
                } else if ((creating || d.registrationClosesAt() != null) && !e.registrationClosesAt.isAfter(now)) {
                    errors.add(new Violation("registrationClosesAt", "must be in the future"));
                }
            }
        }
        if (e.seatsPerOrganisation > e.capacity) {
            errors.add(new Violation("seatsPerOrganisation", "must be no more than the capacity (" + e.capacity + ")"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid("The request has invalid fields", errors);
        }
    }

    private static void tryField(List<Violation> errors, Runnable check) {
        try {
            check.run();
        } catch (DomainException.Invalid e) {
            errors.addAll(e.violations());
        }
    }

    /** An https address with a host, or nothing (blank). */
    private static String onlineUrl(String value) {
        String url = Texts.optionalLine("onlineUrl", value);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null) {
                return uri.toString();
            }
        } catch (java.net.URISyntaxException e) {
            // below
        }
        throw DomainException.Invalid.field("onlineUrl", "must be an https:// address to join online");
    }
}
