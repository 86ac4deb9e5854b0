package org.anchormarket.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One meeting's time at a buyer's table. */
@Entity
@Table(name = "slot")
public class Slot extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "table_id", nullable = false)
    public UUID tableId;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;
}
