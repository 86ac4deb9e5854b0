package org.anchormarket.tender.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A supplier's clarification question; shown to everyone once answered, never with who asked. */
@Entity
@Table(name = "tender_question")
public class Question extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tender_id", nullable = false)
    public UUID tenderId;

    @Column(name = "supplier_id", nullable = false)
    public UUID supplierId;

    @Column(name = "asked_by", nullable = false)
    public String askedBy;

    @Column(nullable = false)
    public String text;

    @Column(name = "asked_at", nullable = false)
    public Instant askedAt;

    public String answer;

    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "answered_at")
    public Instant answeredAt;

    public static List<Question> of(UUID tenderId, boolean answeredOnly) {
        return answeredOnly ? list("tenderId = ?1 and answer is not null order by askedAt, id", tenderId)
                : list("tenderId = ?1 order by askedAt, id", tenderId);
    }
}
