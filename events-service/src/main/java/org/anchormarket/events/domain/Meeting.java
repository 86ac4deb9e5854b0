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

/** A supplier's 1:1 meeting in a buyer's slot: asked for, then accepted or declined by the buyer. */
@Entity
@Table(name = "meeting")
public class Meeting extends PanacheEntityBase {

    public enum Status { REQUESTED, ACCEPTED, DECLINED, CANCELLED }

    /** The statuses that hold a slot (and the supplier's time). */
    public static final List<Status> HOLDING = List.of(Status.REQUESTED, Status.ACCEPTED);

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "slot_id", nullable = false)
    public UUID slotId;

    @Column(name = "table_id", nullable = false)
    public UUID tableId;

    @Column(nullable = false)
    public String anchor;

    @Column(name = "supplier_id", nullable = false)
    public UUID supplierId;

    @Column(name = "registration_id", nullable = false)
    public UUID registrationId;

    @Column(name = "organisation_name", nullable = false)
    public String organisationName;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public String agenda;

    public String note;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Version
    public long version;

    public boolean holding() {
        return HOLDING.contains(status);
    }
}
