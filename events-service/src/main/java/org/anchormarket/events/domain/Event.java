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

/** A meet-the-buyer event or a training session for suppliers. */
@Entity
@Table(name = "event")
public class Event extends PanacheEntityBase {

    public enum Kind { MEET_THE_BUYER, TRAINING }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(nullable = false)
    public String venue;

    @Column(nullable = false)
    public int capacity;

    @Column(name = "scheduled_by", nullable = false)
    public String scheduledBy;

    @Version
    public long version;

    public static List<Event> upcoming(Instant now) {
        return list("startsAt > ?1 order by startsAt", now);
    }
}
