package org.anchormarket.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A buyer's table at an event: 1:1 meeting slots of a set length between two times. */
@Entity
@Table(name = "meeting_table")
public class MeetingTable extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public String anchor;

    @Column(nullable = false)
    public String host;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(name = "slot_minutes", nullable = false)
    public int slotMinutes;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;
}
