package org.anchormarket.tender.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A part of a tender bid for and awarded on its own; every tender has at least one. */
@Entity
@Table(name = "tender_lot")
public class TenderLot extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tender_id", nullable = false)
    public UUID tenderId;

    @Column(nullable = false)
    public int number;

    @Column(nullable = false)
    public String title;

    @Column(name = "estimated_value")
    public BigDecimal estimatedValue;

    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    @Column(name = "cpv_codes", nullable = false)
    public String[] cpvCodes = new String[0];

    public static List<TenderLot> of(UUID tenderId) {
        return list("tenderId = ?1 order by number", tenderId);
    }

    public static List<TenderLot> ofAll(Collection<UUID> tenderIds) {
        return tenderIds.isEmpty() ? List.of() : list("tenderId in ?1 order by tenderId, number", tenderIds);
    }
}
