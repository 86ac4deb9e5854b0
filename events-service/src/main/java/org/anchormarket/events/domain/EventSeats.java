package org.anchormarket.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * The seats of an event: the row every registration, cancellation and change of capacity locks, so that they take
 * turns (no overbooking; the arrival order is the order they took the lock in) without moving the event's version.
 */
@Entity
@Table(name = "event_seats")
public class EventSeats extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    /** Seats held by confirmed registrations. */
    @Column(name = "seats_taken", nullable = false)
    public int seatsTaken;

    /** Registrations taken so far: the next one's arrival number. */
    @Column(nullable = false)
    public long arrivals;
}
