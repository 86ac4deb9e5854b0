package org.anchormarket.tender.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A supplier's bid for a lot. Its contents are sealed ({@code sealed}); only the scores are plain. */
@Entity
@Table(name = "bid")
public class Bid extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tender_id", nullable = false)
    public UUID tenderId;

    @Column(name = "lot_id", nullable = false)
    public UUID lotId;

    @Column(name = "supplier_id", nullable = false)
    public UUID supplierId;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "key_id", nullable = false)
    public String keyId;

    @Column(nullable = false)
    public byte[] sealed;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "quality_score")
    public BigDecimal qualityScore;

    @Column(name = "social_value_score")
    public BigDecimal socialValueScore;

    @Column(name = "scored_by")
    public String scoredBy;

    @Column(name = "scored_at")
    public Instant scoredAt;

    public boolean scored() {
        return qualityScore != null && socialValueScore != null;
    }

    public static Optional<Bid> of(UUID lotId, UUID supplierId) {
        return find("lotId = ?1 and supplierId = ?2", lotId, supplierId).firstResultOptional();
    }

    public static List<Bid> ofLot(UUID lotId) {
        return list("lotId = ?1 order by submittedAt, id", lotId);
    }
}
