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

    /** Set when a sole trader's personal data was erased (name and postcode are then anonymised). */
    @Column(name = "erased_at")
    public Instant erasedAt;
}
