package org.anchormarket.tender.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A file with a bid (a method statement, a CV), sealed like the bid: its name, type and bytes. */
@Entity
@Table(name = "bid_attachment")
public class BidAttachment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tender_id", nullable = false)
    public UUID tenderId;

    @Column(name = "lot_id", nullable = false)
    public UUID lotId;

    @Column(name = "supplier_id", nullable = false)
    public UUID supplierId;

    @Column(name = "bid_id", nullable = false)
    public UUID bidId;

    @Column(name = "key_id", nullable = false)
    public String keyId;

    /** The name and content type, sealed. */
    @Column(name = "sealed_meta", nullable = false)
    public byte[] sealedMeta;

    /** The bytes, sealed; read only when the file itself is asked for. */
    @jakarta.persistence.Basic(fetch = jakarta.persistence.FetchType.LAZY)
    @Column(nullable = false)
    public byte[] sealed;

    @Column(nullable = false)
    public long size;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    public static List<BidAttachment> of(UUID lotId, UUID supplierId) {
        return list("lotId = ?1 and supplierId = ?2 order by addedAt, id", lotId, supplierId);
    }
}
