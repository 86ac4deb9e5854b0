package org.anchormarket.supplier.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A user (Keycloak subject) who belongs to a supplier organisation; a user belongs to one at most. */
@Entity
@Table(name = "supplier_member")
@IdClass(SupplierMember.Key.class)
public class SupplierMember extends PanacheEntityBase {

    @Id
    @Column(name = "supplier_id")
    public UUID supplierId;

    @Id
    public String subject;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    public static SupplierMember of(UUID supplierId, String subject, Instant now) {
        SupplierMember member = new SupplierMember();
        member.supplierId = supplierId;
        member.subject = subject;
        member.joinedAt = now;
        return member;
    }

    public static boolean isMember(UUID supplierId, String subject) {
        return count("supplierId = ?1 and subject = ?2", supplierId, subject) > 0;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        public UUID supplierId;
        public String subject;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(supplierId, k.supplierId)
                    && java.util.Objects.equals(subject, k.subject);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(supplierId, subject);
        }
    }
}
