package org.anchormarket.analytics.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An anchor institution as spend analytics knows it: a projection of tender-service's anchor messages. */
@Entity
@Table(name = "known_anchor")
public class KnownAnchor extends PanacheEntityBase {

    @Id
    @Column(name = "anchor_id")
    public String anchorId;

    @Column(nullable = false)
    public String name;

    /** The kind of contracting authority (SUB_CENTRAL, CENTRAL, NHS, UTILITY, OTHER), as the message gave it. */
    @Column(nullable = false)
    public String type;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
