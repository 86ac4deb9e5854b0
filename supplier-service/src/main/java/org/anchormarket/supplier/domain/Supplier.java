package org.anchormarket.supplier.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A registered organisation: a local business or VCFSE organisation that sells to the anchors. */
@Entity
@Table(name = "supplier")
public class Supplier extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "legal_name", nullable = false)
    public String legalName;

    @Column(nullable = false)
    public String postcode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SupplierStatus status;

    @Column(name = "registered_by", nullable = false)
    public String registeredBy;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Version
    public long version;

    /** A new, pending registration. */
    public static Supplier register(String legalName, String postcode, String registeredBy, Instant now) {
        Supplier supplier = new Supplier();
        supplier.id = UUID.randomUUID();
        supplier.legalName = legalName.strip();
        supplier.postcode = normalisePostcode(postcode);
        supplier.status = SupplierStatus.PENDING;
        supplier.registeredBy = registeredBy;
        supplier.registeredAt = now;
        return supplier;
    }

    /** {@code " wn1  1ab"} → {@code "WN1 1AB"}: upper case, one space before the three-character inward code. */
    public static String normalisePostcode(String postcode) {
        String compact = postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }
}
