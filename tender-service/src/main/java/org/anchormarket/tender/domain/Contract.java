package org.anchormarket.tender.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An awarded lot: the contract register's entry. */
@Entity
@Table(name = "contract")
public class Contract extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tender_id", nullable = false)
    public UUID tenderId;

    @Column(name = "lot_id", nullable = false)
    public UUID lotId;

    @Column(name = "bid_id", nullable = false)
    public UUID bidId;

    @Column(name = "anchor_id", nullable = false)
    public String anchorId;

    @Column(name = "supplier_id", nullable = false)
    public UUID supplierId;

    @Column(name = "supplier_name", nullable = false)
    public String supplierName;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public BigDecimal value;

    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    @Column(name = "cpv_codes", nullable = false)
    public String[] cpvCodes = new String[0];

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Reservation reservation;

    @Column(name = "contract_start", nullable = false)
    public LocalDate contractStart;

    @Column(name = "contract_end", nullable = false)
    public LocalDate contractEnd;

    @Column(name = "awarded_by", nullable = false)
    public String awardedBy;

    @Column(name = "awarded_at", nullable = false)
    public Instant awardedAt;
}
