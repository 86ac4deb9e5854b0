package org.anchormarket.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An organisation's registration for an event: its people, its seats or its place on the waitlist, attendance. */
@Entity
@Table(name = "registration")
public class Registration extends PanacheEntityBase {

    public enum Status { CONFIRMED, WAITLISTED, CANCELLED }

    public enum Attendance { ATTENDED, NO_SHOW }

    /** A person coming. */
    public record Attendee(String name, String email) {
    }

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "supplier_id", nullable = false)
    public UUID supplierId;

    @Column(name = "organisation_name", nullable = false)
    public String organisationName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** Its place in the order registrations arrived in: the waitlist's order. */
    @Column(nullable = false)
    public long arrival;

    @Column(nullable = false)
    public int seats;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Attendee> attendees;

    @Column(name = "check_in_code", nullable = false)
    public String checkInCode;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "registered_by", nullable = false)
    public String registeredBy;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Enumerated(EnumType.STRING)
    public Attendance attendance;

    @Column(name = "checked_in_at")
    public Instant checkedInAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Version
    public long version;

    /** Its waitlisted registrations, first in line first. */
    public static List<Registration> waitlist(UUID eventId) {
        return list("eventId = ?1 and status = ?2 order by arrival", eventId, Status.WAITLISTED);
    }

    /** The event's registrations: confirmed, then waitlisted (each in arrival order), then cancelled. */
    public static List<Registration> ofEvent(UUID eventId) {
        return list("""
                eventId = ?1 order by case status when 'CONFIRMED' then 0 when 'WAITLISTED' then 1 else 2 end,
                arrival""", eventId);
    }

    /** The organisation's registration for the event that is not cancelled, if any. */
    public static java.util.Optional<Registration> current(UUID eventId, UUID supplierId) {
        return find("eventId = ?1 and supplierId = ?2 and status <> ?3", eventId, supplierId, Status.CANCELLED)
                .firstResultOptional();
    }

    /** Where a waitlisted registration stands: 1 is next; none for any other. */
    public static Integer waitlistPosition(Registration r) {
        if (r.status != Status.WAITLISTED) {
            return null;
        }
        return Math.toIntExact(count("eventId = ?1 and status = ?2 and arrival <= ?3", r.eventId, Status.WAITLISTED,
                r.arrival));
    }
}
