package org.anchormarket.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.anchormarket.chassis.outbox.Outbox;
import org.anchormarket.contracts.messages.AttendanceRecorded;
import org.anchormarket.contracts.messages.EngagementEventKind;
import org.anchormarket.contracts.messages.RegistrationCancelled;
import org.anchormarket.contracts.messages.RegistrationConfirmed;
import org.anchormarket.contracts.messages.TrainingCompleted;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.events.domain.Event;
import org.anchormarket.events.domain.Registration;

/** What comes of events, on anchor.engagement keyed by the event's id: written to the outbox in the caller's transaction. */
@ApplicationScoped
public class EngagementMessages {

    private final Outbox outbox;

    EngagementMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    void confirmed(Event event, Registration r, boolean promoted) {
        publish(event, Topics.EventTypes.REGISTRATION_CONFIRMED, new RegistrationConfirmed()
                .eventId(event.id).registrationId(r.id).supplierId(r.supplierId).eventKind(kind(event))
                .anchorId(event.anchor).anchors(List.of(event.anchors)).seats(r.seats).promoted(promoted)
                .startsAt(at(event.startsAt)).confirmedAt(at(r.confirmedAt)));
    }

    void cancelled(Event event, Registration r, boolean wasConfirmed, boolean eventCancelled) {
        publish(event, Topics.EventTypes.REGISTRATION_CANCELLED, new RegistrationCancelled()
                .eventId(event.id).registrationId(r.id).supplierId(r.supplierId).wasConfirmed(wasConfirmed)
                .eventCancelled(eventCancelled).reason(eventCancelled ? event.cancellationReason : null)
                .cancelledAt(at(r.cancelledAt)));
    }

    void attendance(Event event, Registration r, Instant at) {
        publish(event, Topics.EventTypes.ATTENDANCE_RECORDED, new AttendanceRecorded()
                .eventId(event.id).registrationId(r.id).supplierId(r.supplierId).eventKind(kind(event))
                .anchorId(event.anchor).anchors(List.of(event.anchors))
                .attendance(AttendanceRecorded.AttendanceEnum.fromValue(r.attendance.name())).recordedAt(at(at)));
    }

    void trainingCompleted(Event event, Registration r) {
        publish(event, Topics.EventTypes.TRAINING_COMPLETED, new TrainingCompleted()
                .eventId(event.id).registrationId(r.id).supplierId(r.supplierId).title(event.title)
                .completedAt(at(r.completedAt)));
    }

    private void publish(Event event, String type, Object data) {
        outbox.publish(Topics.ENGAGEMENT, event.id.toString(), type, data);
    }

    private static EngagementEventKind kind(Event event) {
        EngagementEventKind kind = EngagementEventKind.fromValue(event.kind.name());
        if (kind.name().startsWith("UNKNOWN_DEFAULT")) {
            throw new IllegalStateException("messages.yaml has no event kind " + event.kind + ": add it there first");
        }
        return kind;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
