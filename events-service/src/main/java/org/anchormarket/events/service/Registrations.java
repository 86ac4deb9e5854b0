package org.anchormarket.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.chassis.domain.DomainException.Violation;
import org.anchormarket.chassis.security.Caller;
import org.anchormarket.events.domain.Event;
import org.anchormarket.events.domain.EventSeats;
import org.anchormarket.events.domain.KnownSupplier;
import org.anchormarket.events.domain.Meeting;
import org.anchormarket.events.domain.Registration;
import org.anchormarket.events.domain.Registration.Attendee;

/**
 * Registrations, fair under load: each takes the event's seats row lock in turn, so the seats are counted exactly and
 * the arrival order is the order they took it in. Confirmed while seats remain, otherwise waitlisted; a seat given up
 * goes to the first on the waitlist that fits.
 */
@ApplicationScoped
public class Registrations {

    /** Check-in opens this long before the start and stays open this long after the end. */
    static final Duration CHECK_IN_MARGIN = Duration.ofHours(12);
    /** Check-in codes: no 0/O, 1/I/L to misread at the door. */
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final EngagementMessages messages;
    private final RegistrantEmails emails;
    private final Clock clock;

    Registrations(EntityManager em, EngagementMessages messages, RegistrantEmails emails, Clock clock) {
        this.em = em;
        this.messages = messages;
        this.emails = emails;
        this.clock = clock;
    }

    /** A registration with its place on the waitlist (null unless waitlisted). */
    public record View(Registration registration, Integer waitlistPosition) {
    }

    /** A registration and its event. */
    public record Mine(EventSchedule.View event, View registration) {
    }

    /** A registration asked for, waiting its turn (RegistrationQueue). */
    public record Ticket(UUID eventId, Caller caller, KnownSupplier organisation, List<Attendee> attendees) {
    }

    /** What came of a ticket: the registration, or the rule that refused it. */
    public record Outcome(View view, DomainException refusal) {
    }

    /** 404 unless the event exists. */
    public void requireEvent(UUID eventId) {
        if (Event.findById(eventId) == null) {
            throw new DomainException.NotFound("Event " + eventId);
        }
    }

    /** Checks what can be checked before a ticket waits its turn; returns it, with its people as kept. */
    public Ticket ticket(UUID eventId, Caller caller, KnownSupplier organisation, List<Attendee> asked) {
        List<Attendee> attendees = attendees(asked);
        if ("REJECTED".equals(organisation.status)) {
            throw new DomainException.NotAllowed("The organisation's registration was rejected: it cannot book "
                    + "places until it is verified");
        }
        return new Ticket(eventId, caller, organisation, attendees);
    }

    /**
     * Takes the tickets, in their order, in one transaction holding the event's seats row: one commit for many
     * registrations when a crowd arrives. A ticket a rule refuses changes nothing and leaves the others be.
     */
    @Transactional
    public List<Outcome> take(UUID eventId, List<Ticket> tickets) {
        EventSeats seats = lockSeats(eventId);
        Event event = Event.findById(eventId);
        em.detach(seats); // kept by hand below: the session is cleared after each ticket
        int waiting = Math.toIntExact(Registration.count("eventId = ?1 and status = ?2", eventId,
                Registration.Status.WAITLISTED));
        List<Outcome> outcomes = new ArrayList<>(tickets.size());
        for (Ticket ticket : tickets) {
            try {
                View view = takeOne(event, seats, ticket, waiting + 1);
                if (view.waitlistPosition() != null) {
                    waiting++;
                }
                outcomes.add(new Outcome(view, null));
            } catch (DomainException refusal) {
                outcomes.add(new Outcome(null, refusal));
            }
            // Written now and forgotten: a batch of a hundred stays as cheap per ticket as a batch of one
            em.flush();
            em.clear();
        }
        em.createNativeQuery("update event_seats set seats_taken = ?1, arrivals = ?2 where event_id = ?3")
                .setParameter(1, seats.seatsTaken).setParameter(2, seats.arrivals).setParameter(3, eventId)
                .executeUpdate();
        return outcomes;
    }

    /** Takes one ticket; {@code nextPosition} is where it would stand on the waitlist. */
    private View takeOne(Event event, EventSeats seats, Ticket ticket, int nextPosition) {
        Instant now = now();
        KnownSupplier organisation = ticket.organisation();
        if (event.cancelled()) {
            throw new DomainException.Conflict("The event was cancelled", null);
        }
        if (event.ended(now)) {
            throw new DomainException.Conflict("The event is over", null);
        }
        if (!ticket.caller().admin() && !now.isBefore(event.registrationClosesAt)) {
            // An admin still takes registrations by phone or at the door
            throw new DomainException.Conflict("Registration for this event has closed", null);
        }
        if (ticket.attendees().size() > event.seatsPerOrganisation) {
            throw DomainException.Invalid.field("attendees", "may name at most " + event.seatsPerOrganisation
                    + (event.seatsPerOrganisation == 1 ? " person" : " people") + " per organisation for this event");
        }
        if (Registration.current(event.id, organisation.supplierId).isPresent()) {
            throw new DomainException.Conflict(organisation.legalName + " is already registered for this event",
                    null);
        }
        Registration r = new Registration();
        r.id = UUID.randomUUID();
        r.eventId = event.id;
        r.supplierId = organisation.supplierId;
        r.organisationName = organisation.legalName;
        r.attendees = ticket.attendees();
        r.seats = ticket.attendees().size();
        r.arrival = ++seats.arrivals;
        r.registeredAt = now;
        r.registeredBy = ticket.caller().actor();
        r.checkInCode = newCode(event.id);
        Integer position = null;
        if (seats.seatsTaken + r.seats <= event.capacity) {
            r.status = Registration.Status.CONFIRMED;
            r.confirmedAt = now;
            seats.seatsTaken += r.seats;
        } else {
            r.status = Registration.Status.WAITLISTED;
        }
        r.persist();
        if (r.status == Registration.Status.CONFIRMED) {
            messages.confirmed(event, r, false);
            emails.placed(event, r, false);
        } else {
            position = nextPosition; // nobody is promoted while tickets are taken: the waitlist only grows
            emails.waitlisted(event, r, position);
        }
        return new View(r, position);
    }

    @Transactional
    public void cancel(UUID eventId, UUID registrationId, Caller caller) {
        EventSeats seats = lockSeats(eventId);
        Event event = Event.findById(eventId);
        Registration r = lockRegistration(eventId, registrationId);
        requireMayAct(caller, event, r);
        if (r.status == Registration.Status.CANCELLED) {
            return; // cancelling twice is cancelling once
        }
        if (event.ended(now())) {
            throw new DomainException.Conflict("The event is over: its registrations stand as they were", null);
        }
        giveUp(event, seats, r, false);
        promote(event, seats);
    }

    public View get(UUID eventId, UUID registrationId, Caller caller) {
        Event event = Event.<Event>findByIdOptional(eventId)
                .orElseThrow(() -> new DomainException.NotFound("Event " + eventId));
        Registration r = Registration.<Registration>findByIdOptional(registrationId)
                .filter(x -> x.eventId.equals(eventId))
                .orElseThrow(() -> new DomainException.NotFound("Registration " + registrationId));
        requireMayAct(caller, event, r);
        return new View(r, Registration.waitlistPosition(r));
    }

    /** The event's registrations, confirmed, then the waitlist in order, then cancelled ones. */
    public List<View> ofEvent(UUID eventId, Caller caller) {
        Event event = Event.<Event>findByIdOptional(eventId)
                .orElseThrow(() -> new DomainException.NotFound("Event " + eventId));
        caller.requireActsFor(event.anchor);
        List<View> views = new ArrayList<>();
        int position = 0;
        for (Registration r : Registration.ofEvent(eventId)) {
            views.add(new View(r, r.status == Registration.Status.WAITLISTED ? ++position : null));
        }
        return views;
    }

    /** A signed-in supplier's organisation's registration for the event, if any (not cancelled); else null. */
    public View mineFor(UUID eventId, Caller caller) {
        if (!caller.supplier() || caller.subject() == null) {
            return null;
        }
        return KnownSupplier.ofMember(caller.subject()).flatMap(s -> Registration.current(eventId, s.supplierId))
                .map(r -> new View(r, Registration.waitlistPosition(r))).orElse(null);
    }

    public View view(Registration r) {
        return new View(r, Registration.waitlistPosition(r));
    }

    public List<Registration> ofSupplier(UUID supplierId) {
        return Registration.list("supplierId = ?1 order by registeredAt desc", supplierId);
    }

    @Transactional
    public View checkIn(UUID eventId, String code, Caller caller) {
        Event event = Event.<Event>findByIdOptional(eventId)
                .orElseThrow(() -> new DomainException.NotFound("Event " + eventId));
        caller.requireActsFor(event.anchor);
        if (event.kind == Event.Kind.TRAINING) {
            // Shared with the completions' run (which locks the session): a check-in either lands before it and is
            // counted there, or after it and completes here; never in between, uncounted
            em.refresh(event, LockModeType.PESSIMISTIC_READ);
        }
        String normal = code == null ? "" : code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        Registration r = em.createQuery("from Registration where eventId = ?1 and checkInCode = ?2",
                Registration.class).setParameter(1, eventId).setParameter(2, normal)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElseThrow(() -> DomainException.NotFound.matching("No registration for this event has that code",
                        "checkInCode", "matches no registration for this event"));
        Instant now = now();
        if (event.cancelled()) {
            throw new DomainException.Conflict("The event was cancelled", null);
        }
        if (now.isBefore(event.startsAt.minus(CHECK_IN_MARGIN))) {
            throw new DomainException.Conflict("Check-in opens on the day of the event", null);
        }
        if (now.isAfter(event.endsAt.plus(CHECK_IN_MARGIN))) {
            throw new DomainException.Conflict("Check-in for this event has closed", null);
        }
        if (r.status == Registration.Status.CANCELLED) {
            throw new DomainException.Conflict(r.organisationName + "'s registration was cancelled", "checkInCode");
        }
        if (r.status == Registration.Status.WAITLISTED) {
            throw new DomainException.Conflict(r.organisationName + " is on the waitlist and has no seat",
                    "checkInCode");
        }
        if (r.attendance != Registration.Attendance.ATTENDED) {
            r.attendance = Registration.Attendance.ATTENDED;
            r.checkedInAt = now;
            messages.attendance(event, r, now);
            if (event.kind == Event.Kind.TRAINING && event.completionsRecordedAt != null) {
                complete(event, r); // checked in after the session's completions were recorded
            }
        }
        return new View(r, null);
    }

    @Transactional
    public View noShow(UUID eventId, UUID registrationId, Caller caller) {
        Event event = Event.<Event>findByIdOptional(eventId)
                .orElseThrow(() -> new DomainException.NotFound("Event " + eventId));
        caller.requireActsFor(event.anchor);
        Registration r = lockRegistration(eventId, registrationId);
        Instant now = now();
        if (r.status != Registration.Status.CONFIRMED) {
            throw new DomainException.Conflict("Only a confirmed registration can be a no-show", null);
        }
        if (r.attendance == Registration.Attendance.ATTENDED) {
            throw new DomainException.Conflict(r.organisationName + " checked in", null);
        }
        if (!event.started(now)) {
            throw new DomainException.Conflict("The event has not started yet", null);
        }
        if (r.attendance != Registration.Attendance.NO_SHOW) {
            r.attendance = Registration.Attendance.NO_SHOW;
            messages.attendance(event, r, now);
        }
        return new View(r, null);
    }

    /**
     * Gives waitlisted registrations the seats that are free, first in line first; one that does not fit is passed
     * over for the next that does (it keeps its place). Called with the seats row locked.
     */
    void promote(Event event, EventSeats seats) {
        if (seats.seatsTaken >= event.capacity || event.cancelled()) {
            return;
        }
        Instant now = now();
        for (Registration w : Registration.waitlist(event.id)) {
            if (seats.seatsTaken + w.seats <= event.capacity) {
                w.status = Registration.Status.CONFIRMED;
                w.confirmedAt = now;
                seats.seatsTaken += w.seats;
                messages.confirmed(event, w, true);
                emails.placed(event, w, true);
            }
            if (seats.seatsTaken >= event.capacity) {
                return;
            }
        }
    }

    /** Cancels every registration of a cancelled event. Called with the seats row locked. */
    void cancelAll(Event event, EventSeats seats) {
        for (Registration r : Registration.<Registration>list("eventId = ?1 and status <> ?2", event.id,
                Registration.Status.CANCELLED)) {
            em.refresh(r, LockModeType.PESSIMISTIC_WRITE); // as it stands now (a check-in may have just committed)
            if (r.status != Registration.Status.CANCELLED) {
                giveUp(event, seats, r, true);
            }
        }
    }

    /**
     * An erased supplier: its people's names and addresses go from every registration and from the emails to them,
     * and its places at events still to come are given up (to the waitlist).
     */
    void forgetPeopleOf(UUID supplierId, String erasedName) {
        Instant now = now();
        // in the events' order, as every other change of seats: two erasures never wait on each other in a circle
        List<Registration> theirs = Registration.list("supplierId = ?1 order by eventId, arrival", supplierId);
        for (Registration r : theirs) {
            Event event = Event.findById(r.eventId);
            boolean toCome = !event.ended(now);
            EventSeats seats = toCome ? lockSeats(r.eventId) : null;
            em.refresh(r, LockModeType.PESSIMISTIC_WRITE);
            // the emails to its people go too, sent or not yet
            emails.forget(r);
            r.attendees = List.of();
            if (erasedName != null) {
                r.organisationName = erasedName;
            }
            if (toCome && r.status != Registration.Status.CANCELLED) {
                giveUp(event, seats, r, false);
                promote(event, seats);
            }
        }
        // what its people wrote or were told at meetings goes too
        Meeting.update("organisationName = ?1, agenda = null, note = null where supplierId = ?2",
                erasedName == null ? "Erased supplier" : erasedName, supplierId);
    }

    /** Records that a training session's attendee completed it. */
    void complete(Event event, Registration r) {
        if (r.completedAt == null) {
            r.completedAt = now();
            messages.trainingCompleted(event, r);
        }
    }

    private void giveUp(Event event, EventSeats seats, Registration r, boolean eventCancelled) {
        boolean wasConfirmed = r.status == Registration.Status.CONFIRMED;
        r.status = Registration.Status.CANCELLED;
        r.cancelledAt = now();
        if (wasConfirmed) {
            seats.seatsTaken -= r.seats;
        }
        // its meetings go with it: their slots are free again
        Meeting.update("status = ?1, decidedAt = ?2 where registrationId = ?3 and status in ?4", Meeting.Status.CANCELLED,
                r.cancelledAt, r.id, Meeting.HOLDING);
        messages.cancelled(event, r, wasConfirmed, eventCancelled);
        emails.cancelled(event, r, eventCancelled);
    }

    /** The organisation's own members, the event's anchor's buyers and admins. */
    private static void requireMayAct(Caller caller, Event event, Registration r) {
        if (caller.actsFor(event.anchor)) {
            return;
        }
        boolean member = caller.subject() != null && KnownSupplier.ofMember(caller.subject())
                .filter(s -> s.supplierId.equals(r.supplierId)).isPresent();
        if (!member) {
            throw new DomainException.NotAllowed("Only the registered organisation, the event's organisers and "
                    + "admins may see or change this registration");
        }
    }

    private EventSeats lockSeats(UUID eventId) {
        EventSeats seats = em.find(EventSeats.class, eventId, LockModeType.PESSIMISTIC_WRITE);
        if (seats == null) {
            throw new DomainException.NotFound("Event " + eventId);
        }
        return seats;
    }

    private Registration lockRegistration(UUID eventId, UUID registrationId) {
        Registration r = em.find(Registration.class, registrationId, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || !r.eventId.equals(eventId)) {
            throw new DomainException.NotFound("Registration " + registrationId);
        }
        return r;
    }

    /** A check-in code no other registration of the event has (called with the seats row locked). */
    private static String newCode(UUID eventId) {
        while (true) {
            char[] code = new char[8];
            for (int i = 0; i < code.length; i++) {
                code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
            }
            String candidate = new String(code);
            if (Registration.count("eventId = ?1 and checkInCode = ?2", eventId, candidate) == 0) {
                return candidate;
            }
        }
    }

    /** The people as kept: names one line, addresses checked, nobody twice. */
    static List<Attendee> attendees(List<Attendee> asked) {
        List<Violation> errors = new ArrayList<>();
        List<Attendee> kept = new ArrayList<>();
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < asked.size(); i++) {
            Attendee a = asked.get(i);
            String name = null;
            try {
                name = Texts.line("attendees.name[" + i + "]", a.name() == null ? "" : a.name(), 2);
            } catch (DomainException.Invalid e) {
                errors.addAll(e.violations());
            }
            String email = a.email() == null ? "" : a.email().strip();
            if (email.length() > 320 || !email.matches("[^\\s@]+@[^\\s@]+\\.[^\\s@]+")) {
                errors.add(new Violation("attendees.email[" + i + "]", "must be an email address, like name@example.org"));
            } else if (!emails.add(email.toLowerCase(Locale.ROOT))) {
                errors.add(new Violation("attendees.email[" + i + "]", "is given for someone else already"));
            }
            kept.add(new Attendee(name, email));
        }
        if (asked.isEmpty()) {
            errors.add(new Violation("attendees", "must name at least one person"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid("The request has invalid fields", errors);
        }
        return List.copyOf(kept);
    }

    /** Now, to the microsecond PostgreSQL keeps: what is answered is what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
