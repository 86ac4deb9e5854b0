package org.anchormarket.analytics.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A supplier as spend analytics knows it: a projection of supplier-service's messages. */
@Entity
@Table(name = "known_supplier")
public class KnownSupplier extends PanacheEntityBase {

    @Id
    @Column(name = "supplier_id")
    public UUID supplierId;

    @Column(name = "legal_name", nullable = false)
    public String legalName;

    @Column(nullable = false)
    public String postcode;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "trading_name")
    public String tradingName;

    /** As the register writes it (PayeeNames.companyNumber), when it has one. */
    @Column(name = "company_number")
    public String companyNumber;

    @Column(name = "charity_number")
    public String charityNumber;

    /** The legal name as matching compares it (PayeeNames.key). */
    @Column(name = "name_key")
    public String nameKey;

    @Column(name = "trading_key")
    public String tradingKey;

    /** What it does: its CPV codes, as its messages gave them. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    @Column(name = "cpv_codes", nullable = false)
    public String[] cpvCodes = new String[0];

    /** Keeps the names' matching keys in step with the names. */
    public void named(String legalName, String tradingName) {
        this.legalName = legalName;
        this.tradingName = tradingName;
        this.nameKey = cut(PayeeNames.key(legalName));
        this.tradingKey = cut(PayeeNames.key(tradingName));
    }

    private static String cut(String key) {
        return key == null || key.length() <= 300 ? key : key.substring(0, 300);
    }

    /** Set when a sole trader's personal data was erased (name and postcode are then anonymised). */
    @Column(name = "erased_at")
    public Instant erasedAt;
}
