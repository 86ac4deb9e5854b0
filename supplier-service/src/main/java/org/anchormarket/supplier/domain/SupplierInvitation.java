package org.anchormarket.supplier.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An invitation by email to join a supplier organisation, accepted once with the code the email carries. */
@Entity
@Table(name = "supplier_invitation")
public class SupplierInvitation extends PanacheEntityBase {

    public enum Status { PENDING, ACCEPTED, EXPIRED }

    @Id
    public UUID id;

    @Column(name = "supplier_id", nullable = false)
    public UUID supplierId;

    @Column(nullable = false)
    public String email;

    /** SHA-256 of the code, hex: the code itself is only in the email. */
    @Column(name = "code_hash", nullable = false)
    public String codeHash;

    @Column(name = "invited_by", nullable = false)
    public String invitedBy;

    @Column(name = "invited_at", nullable = false)
    public Instant invitedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "accepted_by")
    public String acceptedBy;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    public Status status(Instant now) {
        if (acceptedAt != null) {
            return Status.ACCEPTED;
        }
        return now.isBefore(expiresAt) ? Status.PENDING : Status.EXPIRED;
    }

    public static List<SupplierInvitation> of(UUID supplierId) {
        return list("supplierId = ?1 order by invitedAt desc, id", supplierId);
    }
}
