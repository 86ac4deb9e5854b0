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
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A meet-the-buyer event, a procurement training session or a webinar for suppliers, organised by an anchor. */
@Entity
@Table(name = "event")
public class Event extends PanacheEntityBase {

    public enum Kind { MEET_THE_BUYER, TRAINING, WEBINAR }

    public enum Status { SCHEDULED, CANCELLED }

    @Id
    public UUID id;

    /** The organising anchor. */
    @Column(nullable = false)
    public String anchor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String title;

    public String description;

    public String venue;

    public String town;

    @Column(name = "online_url")
    public String onlineUrl;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(nullable = false)
    public int capacity;

    @Column(name = "seats_per_organisation", nullable = false)
    public int seatsPerOrganisation;

    @Column(name = "registration_closes_at", nullable = false)
    public Instant registrationClosesAt;

    /** Every anchor attending, the organiser first. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] anchors = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "cpv_codes", nullable = false)
    public String[] cpvCodes = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "pipeline_items", nullable = false)
    public UUID[] pipelineItems = new UUID[0];

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.SCHEDULED;

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "scheduled_by", nullable = false)
    public String scheduledBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "completions_recorded_at")
    public Instant completionsRecordedAt;

    @Version
    public long version;

    public boolean cancelled() {
        return status == Status.CANCELLED;
    }

    /** Suppliers may register: scheduled, and registration has not closed. */
    public boolean registrationOpen(Instant now) {
        return !cancelled() && now.isBefore(registrationClosesAt);
    }

    public boolean ended(Instant now) {
        return !now.isBefore(endsAt);
    }

    public boolean started(Instant now) {
        return !now.isBefore(startsAt);
    }

    /** The organiser or an attending anchor. */
    public boolean attendedBy(String anchorId) {
        return java.util.Arrays.asList(anchors).contains(anchorId);
    }
}
