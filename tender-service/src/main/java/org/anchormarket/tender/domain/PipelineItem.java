package org.anchormarket.tender.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A forward plan: a tender an anchor expects to publish, so that local firms can prepare and follow it. */
@Entity
@Table(name = "pipeline_item")
public class PipelineItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "anchor_id", nullable = false)
    public String anchorId;

    @Column(nullable = false)
    public String title;

    public String description;

    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    @Column(name = "cpv_codes", nullable = false)
    public String[] cpvCodes = new String[0];

    @Column(name = "estimated_value", nullable = false)
    public BigDecimal estimatedValue;

    @Column(name = "expected_publication", nullable = false)
    public LocalDate expectedPublication;

    /** The tender published from it, once there is one. */
    @Column(name = "tender_id")
    public UUID tenderId;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Announced on anchor.tenders (PipelineItemAnnounced). */
    @Column(nullable = false)
    public boolean announced;
}
