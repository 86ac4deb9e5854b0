package org.anchormarket.events.mapping;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.anchormarket.contracts.events.model.Attendance;
import org.anchormarket.contracts.events.model.Attendee;
import org.anchormarket.contracts.events.model.EventKind;
import org.anchormarket.contracts.events.model.EventStatus;
import org.anchormarket.contracts.events.model.Registration;
import org.anchormarket.contracts.events.model.RegistrationStatus;
import org.anchormarket.events.domain.Event;
import org.anchormarket.events.service.EventSchedule;
import org.anchormarket.events.service.Registrations;

/** Domain → API, and the API's enums → the domain's. */
public final class EventMapper {

    private EventMapper() {
    }

    /**
     * The event as the API gives it; {@code joinLink}: whether the caller may see the link to join online (its
     * organisers, admins and confirmed registrants: anyone else could fill a webinar without a place).
     */
    public static org.anchormarket.contracts.events.model.Event toApi(EventSchedule.View view, Instant now,
            Registrations.View mine, boolean joinLink) {
        Event e = view.event();
        return new org.anchormarket.contracts.events.model.Event()
                .id(e.id)
                .anchor(e.anchor)
                .kind(EventKind.fromValue(e.kind.name()))
                .title(e.title)
                .description(e.description)
                .venue(e.venue)
                .town(e.town)
                .onlineUrl(joinLink ? e.onlineUrl : null)
                .startsAt(at(e.startsAt))
                .endsAt(at(e.endsAt))
                .capacity(e.capacity)
                .seatsPerOrganisation(e.seatsPerOrganisation)
                .registrationClosesAt(at(e.registrationClosesAt))
                .anchors(List.of(e.anchors))
                .cpvCodes(List.of(e.cpvCodes))
                .pipelineItems(Arrays.asList(e.pipelineItems))
                .status(EventStatus.fromValue(e.status.name()))
                .cancellationReason(e.cancellationReason)
                .seatsTaken(view.seatsTaken())
                .seatsLeft(view.seatsLeft())
                .waitlistLength(view.waitlistLength())
                .registrationOpen(e.registrationOpen(now))
                .myRegistration(mine == null ? null : toApi(mine));
    }

    public static Registration toApi(Registrations.View view) {
        var r = view.registration();
        return new Registration()
                .id(r.id)
                .eventId(r.eventId)
                .supplierId(r.supplierId)
                .organisationName(r.organisationName)
                .status(RegistrationStatus.fromValue(r.status.name()))
                .waitlistPosition(view.waitlistPosition())
                .attendees(r.attendees.stream().map(a -> new Attendee().name(a.name()).email(a.email())).toList())
                .seats(r.seats)
                .checkInCode(r.checkInCode)
                .registeredAt(at(r.registeredAt))
                .confirmedAt(at(r.confirmedAt))
                .cancelledAt(at(r.cancelledAt))
                .attendance(r.attendance == null ? null : Attendance.fromValue(r.attendance.name()))
                .checkedInAt(at(r.checkedInAt));
    }

    public static Event.Kind toDomain(EventKind kind) {
        return kind == null ? null : Event.Kind.valueOf(kind.name());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
