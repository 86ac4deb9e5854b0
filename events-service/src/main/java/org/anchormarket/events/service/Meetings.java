package org.anchormarket.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.chassis.domain.DomainException.Violation;
import org.anchormarket.chassis.security.Caller;
import org.anchormarket.events.domain.Event;
import org.anchormarket.events.domain.KnownAnchor;
import org.anchormarket.events.domain.KnownSupplier;
import org.anchormarket.events.domain.Meeting;
import org.anchormarket.events.domain.MeetingTable;
import org.anchormarket.events.domain.Registration;
import org.anchormarket.events.domain.Slot;

/**
 * 1:1 meetings at events: buyers open tables of slots; suppliers with a confirmed place ask for one; buyers accept
 * or decline. A slot holds one supplier (a unique index, whatever races) and a supplier is never in two meetings at
 * once (its row is locked while that is checked).
 */
@ApplicationScoped
public class Meetings {

    static final int MOST_SLOTS = 100;

    private final EntityManager em;
    private final SupplierDirectory suppliers;
    private final Clock clock;

    Meetings(EntityManager em, SupplierDirectory suppliers, Clock clock) {
        this.em = em;
        this.suppliers = suppliers;
        this.clock = clock;
    }

    /** A table and its slots, each with whether it is free. */
    public record TableView(MeetingTable table, String anchorName, List<SlotView> slots) {
    }

    public record SlotView(Slot slot, MeetingTable table, String anchorName, boolean free) {
    }

    public record MeetingView(Meeting meeting, String anchorName, String host) {
    }

    @Transactional
    public TableView open(Caller caller, UUID eventId, String anchorAsked, String host, Instant startsAt,
            Instant endsAt, int slotMinutes) {
        Event event = event(eventId);
        Instant now = now();
        if (event.cancelled() || event.ended(now)) {
            throw new DomainException.Conflict("The event is " + (event.cancelled() ? "cancelled" : "over"), null);
        }
        String anchor = tableAnchor(caller, event, anchorAsked);
        List<Violation> errors = new ArrayList<>();
        String hostName = null;
        try {
            hostName = host == null || host.isBlank() ? anchorName(anchor) : Texts.line("host", host, 2);
        } catch (DomainException.Invalid e) {
            errors.addAll(e.violations());
        }
        if (startsAt.isBefore(event.startsAt) || startsAt.isAfter(event.endsAt)) {
            errors.add(new Violation("startsAt", "must be within the event's times"));
        }
        if (endsAt.isAfter(event.endsAt)) {
            errors.add(new Violation("endsAt", "must be within the event's times"));
        }
        Duration length = Duration.between(startsAt, endsAt);
        if (length.compareTo(Duration.ofMinutes(slotMinutes)) < 0) {
            errors.add(new Violation("endsAt", "must leave time for at least one slot of " + slotMinutes + " minutes"));
        } else if (length.toMinutes() / slotMinutes > MOST_SLOTS) {
            errors.add(new Violation("slotMinutes", "gives more than " + MOST_SLOTS + " slots: make them longer"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid("The request has invalid fields", errors);
        }
        MeetingTable table = new MeetingTable();
        table.id = UUID.randomUUID();
        table.eventId = eventId;
        table.anchor = anchor;
        table.host = hostName;
        table.startsAt = startsAt.truncatedTo(ChronoUnit.MICROS);
        table.endsAt = endsAt.truncatedTo(ChronoUnit.MICROS);
        table.slotMinutes = slotMinutes;
        table.openedBy = caller.actor();
        table.openedAt = now;
        table.persist();
        List<SlotView> slots = new ArrayList<>();
        for (Instant at = table.startsAt; !at.plus(Duration.ofMinutes(slotMinutes)).isAfter(table.endsAt);
                at = at.plus(Duration.ofMinutes(slotMinutes))) {
            Slot slot = new Slot();
            slot.id = UUID.randomUUID();
            slot.tableId = table.id;
            slot.eventId = eventId;
            slot.startsAt = at;
            slot.endsAt = at.plus(Duration.ofMinutes(slotMinutes));
            slot.persist();
            slots.add(new SlotView(slot, table, anchorName(anchor), true));
        }
        return new TableView(table, anchorName(anchor), slots);
    }

    /** The event's tables, each with its slots and whether each is free. */
    public List<TableView> tables(UUID eventId) {
        event(eventId);
        List<MeetingTable> tables = MeetingTable.list("eventId = ?1 order by anchor, startsAt, id", eventId);
        Set<UUID> taken = takenSlots(eventId);
        Map<UUID, List<SlotView>> slots = new HashMap<>();
        Map<UUID, MeetingTable> byId = new HashMap<>();
        tables.forEach(t -> byId.put(t.id, t));
        Map<String, String> names = new HashMap<>();
        for (Slot s : Slot.<Slot>list("eventId = ?1 order by startsAt, id", eventId)) {
            MeetingTable t = byId.get(s.tableId);
            slots.computeIfAbsent(s.tableId, k -> new ArrayList<>()).add(new SlotView(s, t,
                    names.computeIfAbsent(t.anchor, this::anchorName), !taken.contains(s.id)));
        }
        return tables.stream().map(t -> new TableView(t, names.computeIfAbsent(t.anchor, this::anchorName),
                slots.getOrDefault(t.id, List.of()))).toList();
    }

    /** Free slots still to come, soonest first; only {@code anchor}'s when given. */
    public List<SlotView> freeSlots(UUID eventId, String anchor) {
        Instant now = now();
        return tables(eventId).stream().filter(t -> anchor == null || anchor.isBlank() || t.table().anchor.equals(anchor))
                .flatMap(t -> t.slots().stream()).filter(s -> s.free() && s.slot().startsAt.isAfter(now))
                .sorted(java.util.Comparator.comparing((SlotView s) -> s.slot().startsAt)
                        .thenComparing(s -> s.table().anchor))
                .toList();
    }

    @Transactional
    public MeetingView request(Caller caller, UUID eventId, UUID slotId, String agenda) {
        KnownSupplier organisation = suppliers.organisationOf(caller);
        // the supplier's meetings take turns: never two at once, whatever races
        em.lock(organisation, LockModeType.PESSIMISTIC_WRITE);
        Event event = event(eventId);
        Instant now = now();
        if (event.cancelled() || event.ended(now)) {
            throw new DomainException.Conflict("The event is " + (event.cancelled() ? "cancelled" : "over"), null);
        }
        Registration registration = Registration.current(eventId, organisation.supplierId)
                .filter(r -> r.status == Registration.Status.CONFIRMED)
                .orElseThrow(Meetings::noPlace);
        // held until the meeting is stored: a cancellation of the place either comes before (and is seen here) or
        // after (and cancels this meeting with the others)
        em.refresh(registration, LockModeType.PESSIMISTIC_WRITE);
        if (registration.status != Registration.Status.CONFIRMED) {
            throw noPlace();
        }
        Slot slot = Slot.<Slot>findByIdOptional(slotId).filter(s -> s.eventId.equals(eventId))
                .orElseThrow(() -> DomainException.NotFound.matching("There is no such slot at this event", "slotId",
                        "is no slot of this event"));
        if (!slot.startsAt.isAfter(now)) {
            throw new DomainException.Conflict("That slot has begun", "slotId");
        }
        if (Meeting.count("slotId = ?1 and status in ?2", slotId, Meeting.HOLDING) > 0) {
            throw new DomainException.Conflict("That slot is taken: choose another", "slotId");
        }
        Meeting clash = Meeting.<Meeting>find("supplierId = ?1 and status in ?2 and startsAt < ?3 and endsAt > ?4",
                organisation.supplierId, Meeting.HOLDING, slot.endsAt, slot.startsAt).firstResult();
        if (clash != null) {
            throw new DomainException.Conflict(organisation.legalName + " is already in a meeting at that time (with "
                    + anchorName(clash.anchor) + ")", "slotId");
        }
        MeetingTable table = MeetingTable.findById(slot.tableId);
        Meeting m = new Meeting();
        m.id = UUID.randomUUID();
        m.eventId = eventId;
        m.slotId = slotId;
        m.tableId = table.id;
        m.anchor = table.anchor;
        m.supplierId = organisation.supplierId;
        m.registrationId = registration.id;
        m.organisationName = organisation.legalName;
        m.startsAt = slot.startsAt;
        m.endsAt = slot.endsAt;
        m.status = Meeting.Status.REQUESTED;
        m.agenda = Texts.block("agenda", agenda);
        m.requestedAt = now;
        m.requestedBy = caller.actor();
        try {
            m.persistAndFlush();
        } catch (PersistenceException e) {
            if (e instanceof org.hibernate.exception.ConstraintViolationException
                    || e.getCause() instanceof org.hibernate.exception.ConstraintViolationException) {
                throw new DomainException.Conflict("That slot was taken a moment ago: choose another", "slotId");
            }
            throw e;
        }
        return view(m);
    }

    @Transactional
    public MeetingView decide(Caller caller, UUID eventId, UUID meetingId, boolean accept, String note) {
        Meeting m = meeting(eventId, meetingId);
        caller.requireActsFor(m.anchor);
        Meeting.Status decided = accept ? Meeting.Status.ACCEPTED : Meeting.Status.DECLINED;
        if (m.status == decided) {
            return view(m); // the same decision twice is one decision
        }
        if (m.status != Meeting.Status.REQUESTED) {
            throw new DomainException.Conflict("The meeting is " + m.status.name().toLowerCase() + ": there is "
                    + "nothing to decide", null);
        }
        if (!m.startsAt.isAfter(now())) {
            throw new DomainException.Conflict("The slot has begun", null);
        }
        m.status = decided;
        m.note = Texts.block("note", note);
        m.decidedAt = now();
        m.decidedBy = caller.actor();
        return view(m);
    }

    @Transactional
    public void cancel(Caller caller, UUID eventId, UUID meetingId) {
        Meeting m = meeting(eventId, meetingId);
        boolean member = caller.supplier() && caller.subject() != null && KnownSupplier.ofMember(caller.subject())
                .filter(s -> s.supplierId.equals(m.supplierId)).isPresent();
        if (!member && !caller.actsFor(m.anchor)) {
            throw new DomainException.NotAllowed("Only the meeting's supplier, the table's buyers and admins may "
                    + "cancel it");
        }
        if (!m.holding()) {
            return; // declined or cancelled already: the slot is free
        }
        if (!m.endsAt.isAfter(now())) {
            throw new DomainException.Conflict("The meeting is over", null);
        }
        m.status = Meeting.Status.CANCELLED;
        m.decidedAt = now();
        m.decidedBy = caller.actor();
    }

    /** The caller's meetings at the event: a supplier its own, a buyer its anchor's, an admin every one. */
    public List<MeetingView> of(Caller caller, UUID eventId) {
        event(eventId);
        List<Meeting> meetings;
        if (caller.admin()) {
            meetings = Meeting.list("eventId = ?1 order by startsAt, id", eventId);
        } else if (caller.buyer()) {
            if (caller.anchor() == null) {
                throw new DomainException.NotAllowed("This buyer account belongs to no anchor institution");
            }
            meetings = Meeting.list("eventId = ?1 and anchor = ?2 order by startsAt, id", eventId, caller.anchor());
        } else {
            KnownSupplier organisation = suppliers.organisationOf(caller);
            meetings = Meeting.list("eventId = ?1 and supplierId = ?2 order by startsAt, id", eventId,
                    organisation.supplierId);
        }
        return views(meetings);
    }

    /** A supplier's meetings still held (asked or agreed), at every event. */
    public List<MeetingView> heldBySupplier(UUID supplierId) {
        return views(Meeting.list("supplierId = ?1 and status in ?2 order by startsAt", supplierId, Meeting.HOLDING));
    }

    /** An anchor's meetings still held, at every event. */
    public List<MeetingView> heldByAnchor(String anchor) {
        return views(Meeting.list("anchor = ?1 and status in ?2 order by startsAt", anchor, Meeting.HOLDING));
    }

    private List<MeetingView> views(List<Meeting> meetings) {
        Map<UUID, String> hosts = new HashMap<>();
        Set<UUID> tableIds = new HashSet<>();
        meetings.forEach(m -> tableIds.add(m.tableId));
        if (!tableIds.isEmpty()) {
            MeetingTable.<MeetingTable>list("id in ?1", tableIds).forEach(t -> hosts.put(t.id, t.host));
        }
        Map<String, String> names = new HashMap<>();
        return meetings.stream().map(m -> new MeetingView(m, names.computeIfAbsent(m.anchor, this::anchorName),
                hosts.get(m.tableId))).toList();
    }

    private MeetingView view(Meeting m) {
        MeetingTable t = MeetingTable.findById(m.tableId);
        return new MeetingView(m, anchorName(m.anchor), t.host);
    }

    private Set<UUID> takenSlots(UUID eventId) {
        return new HashSet<>(em.createQuery("select m.slotId from Meeting m where m.eventId = ?1 and m.status in ?2",
                UUID.class).setParameter(1, eventId).setParameter(2, Meeting.HOLDING).getResultList());
    }

    /** The anchor a table is for: a buyer's own, or the one an admin names; it must attend the event. */
    private String tableAnchor(Caller caller, Event event, String asked) {
        if (caller.admin()) {
            if (asked == null || asked.isBlank()) {
                throw DomainException.Invalid.field("anchor", "is required when an admin opens a table");
            }
            if (!event.attendedBy(asked)) {
                throw DomainException.Invalid.field("anchor", "does not attend this event");
            }
            return asked;
        }
        if (caller.anchor() == null) {
            throw new DomainException.NotAllowed("This buyer account belongs to no anchor institution");
        }
        if (asked != null && !asked.isBlank() && !asked.equals(caller.anchor())) {
            throw new DomainException.NotAllowed("A buyer opens tables for its own anchor only", "anchor",
                    "is not your anchor");
        }
        if (!event.attendedBy(caller.anchor())) {
            throw new DomainException.NotAllowed("Your anchor does not attend this event: its organisers can add it");
        }
        return caller.anchor();
    }

    private static DomainException noPlace() {
        return new DomainException.Conflict("Meetings are for organisations with a confirmed place at the event: "
                + "register first (a waitlisted place is not enough)", null);
    }

    /** A meeting, to its supplier, the table's anchor's buyers and admins. */
    public MeetingView get(Caller caller, UUID eventId, UUID meetingId) {
        Meeting m = Meeting.<Meeting>findByIdOptional(meetingId).filter(x -> x.eventId.equals(eventId))
                .orElseThrow(() -> new DomainException.NotFound("Meeting " + meetingId));
        boolean member = caller.supplier() && caller.subject() != null && KnownSupplier.ofMember(caller.subject())
                .filter(s -> s.supplierId.equals(m.supplierId)).isPresent();
        if (!member && !caller.actsFor(m.anchor)) {
            throw new DomainException.NotAllowed("Only the meeting's supplier, the table's buyers and admins may see it");
        }
        return view(m);
    }

    private String anchorName(String anchor) {
        KnownAnchor a = KnownAnchor.findById(anchor);
        return a == null ? anchor : a.name;
    }

    private static Event event(UUID id) {
        return Event.<Event>findByIdOptional(id).orElseThrow(() -> new DomainException.NotFound("Event " + id));
    }

    private static Meeting meeting(UUID eventId, UUID meetingId) {
        Meeting m = Meeting.getEntityManager().find(Meeting.class, meetingId, LockModeType.PESSIMISTIC_WRITE);
        if (m == null || !m.eventId.equals(eventId)) {
            throw new DomainException.NotFound("Meeting " + meetingId);
        }
        return m;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
