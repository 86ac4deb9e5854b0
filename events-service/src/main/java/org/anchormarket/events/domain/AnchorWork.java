package org.anchormarket.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An anchor's open tender or forward plan, as learnt from anchor.tenders. */
@Entity
@Table(name = "anchor_work")
public class AnchorWork extends PanacheEntityBase {

    public enum Kind { TENDER, PIPELINE }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String anchor;

    @Column(nullable = false)
    public String title;

    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    @Column(name = "cpv_codes", nullable = false)
    public String[] cpvCodes = new String[0];

    @Column(nullable = false)
    public boolean open;

    /** A plan's expected publication (none for a tender). */
    @Column(name = "expected_publication")
    public java.time.LocalDate expectedPublication;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
