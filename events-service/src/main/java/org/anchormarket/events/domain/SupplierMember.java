package org.anchormarket.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A user (token subject) who acts for a supplier organisation; a user acts for one at most. */
@Entity
@Table(name = "supplier_member")
public class SupplierMember extends PanacheEntityBase {

    @Id
    public String subject;

    @Column(name = "supplier_id", nullable = false)
    public UUID supplierId;
}
