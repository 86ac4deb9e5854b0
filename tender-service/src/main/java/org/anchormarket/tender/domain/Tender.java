package org.anchormarket.tender.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An opportunity an anchor publishes; open for bids until it closes. */
@Entity
@Table(name = "tender")
public class Tender extends PanacheEntityBase {

    /** Who may bid where the rules allow a reserved tender; null means open to all. */
    public enum Reservation { LOCAL, SME, VCFSE }

    @Id
    public UUID id;

    @Column(name = "anchor_id", nullable = false)
    public String anchorId;

    @Column(nullable = false)
    public String title;

    public String description;

    @Column(name = "cpv_code")
    public String cpvCode;

    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "reserved_for")
    public Reservation reservedFor;

    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Version
    public long version;

    public boolean isOpen(Instant now) {
        return closesAt.isAfter(now);
    }

    public static List<Tender> openAt(Instant now) {
        return list("closesAt > ?1 order by closesAt", now);
    }
}
