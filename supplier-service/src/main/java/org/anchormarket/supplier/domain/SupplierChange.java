package org.anchormarket.supplier.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One recorded change to a supplier: who made it, when, and each field's value before and after. */
@Entity
@Table(name = "supplier_change")
public class SupplierChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "supplier_id", nullable = false)
    public UUID supplierId;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** Each changed field: {"field": ..., "from": ..., "to": ...} (from or to left out when there was none). */
    @Column(nullable = false)
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    public List<java.util.Map<String, Object>> changes;

    public static List<SupplierChange> of(UUID supplierId) {
        return list("supplierId = ?1 order by changedAt desc, id desc", supplierId);
    }
}
