package org.anchormarket.tender.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An opportunity an anchor offers: a draft, then published for bids until its deadline, then awarded. */
@Entity
@Table(name = "tender")
public class Tender extends PanacheEntityBase {

    public enum ContractType { GOODS, SERVICES, WORKS }

    public enum Procedure { OPEN, REQUEST_FOR_QUOTATION }

    /** As stored. A PUBLISHED tender whose deadline has passed is closed ({@link #status(Instant)}). */
    public enum Status { DRAFT, PUBLISHED, CLOSED, AWARDED, CANCELLED }

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

    @Enumerated(EnumType.STRING)
    @Column(name = "contract_type", nullable = false)
    public ContractType contractType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Procedure procedure;

    @Column(name = "estimated_value", nullable = false)
    public BigDecimal estimatedValue;

    @Column(name = "clarification_deadline", nullable = false)
    public Instant clarificationDeadline;

    @Column(name = "submission_deadline", nullable = false)
    public Instant submissionDeadline;

    @Column(name = "weight_price", nullable = false)
    public int weightPrice;

    @Column(name = "weight_quality", nullable = false)
    public int weightQuality;

    @Column(name = "weight_social_value", nullable = false)
    public int weightSocialValue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Reservation reservation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** The forward plan this tender comes from, if any. */
    @Column(name = "pipeline_item_id")
    public UUID pipelineItemId;

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "opened_by")
    public String openedBy;

    @Version
    public long version;

    /** The status as of {@code now}: published and past its deadline is closed, whether or not the closer ran. */
    public Status status(Instant now) {
        return status == Status.PUBLISHED && !now.isBefore(submissionDeadline) ? Status.CLOSED : status;
    }

    /** Bids may be put in, changed and withdrawn: published and before the deadline. */
    public boolean openForBids(Instant now) {
        return status(now) == Status.PUBLISHED;
    }

    /** Questions may be asked: published and before the clarification deadline. */
    public boolean openForQuestions(Instant now) {
        return status(now) == Status.PUBLISHED && now.isBefore(clarificationDeadline);
    }

    public boolean opened() {
        return openedAt != null;
    }

    /** Anyone may see it: once published (a draft cancelled before publication stays its anchor's business). */
    public boolean isPublic() {
        return publishedAt != null;
    }
}
