package org.anchormarket.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A supplier as learnt from anchor.suppliers: enough to know who may register and to name registrants. */
@Entity
@Table(name = "known_supplier")
public class KnownSupplier extends PanacheEntityBase {

    @Id
    @Column(name = "supplier_id")
    public UUID supplierId;

    @Column(name = "legal_name", nullable = false)
    public String legalName;

    /** PENDING, VERIFIED or REJECTED. */
    public String status;

    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    @Column(name = "cpv_codes", nullable = false)
    public String[] cpvCodes = new String[0];

    @Column(name = "erased_at")
    public Instant erasedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The organisation the user with this token subject acts for, if this service knows it. */
    public static Optional<KnownSupplier> ofMember(String subject) {
        return find("supplierId = (select m.supplierId from SupplierMember m where m.subject = ?1)", subject)
                .firstResultOptional();
    }
}
