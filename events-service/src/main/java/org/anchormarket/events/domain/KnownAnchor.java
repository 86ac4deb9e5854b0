package org.anchormarket.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An anchor institution as learnt from anchor.anchors (tender-service owns them). */
@Entity
@Table(name = "known_anchor")
public class KnownAnchor extends PanacheEntityBase {

    @Id
    @Column(name = "anchor_id")
    public String anchorId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String type;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
