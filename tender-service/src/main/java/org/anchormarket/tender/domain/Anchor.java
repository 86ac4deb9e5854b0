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

/** One of the borough's anchor institutions: every tender and every payment belongs to one. */
@Entity
@Table(name = "anchor")
public class Anchor extends PanacheEntityBase {

    /** The kind of contracting authority, as the Procurement Act 2023 sorts them. */
    public enum Type {
        SUB_CENTRAL, CENTRAL, NHS, UTILITY, OTHER
    }

    /** A lasting slug such as {@code wigan-council}. */
    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Type type;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Whether its AnchorRegistered went to the outbox (anchors seeded by a migration are announced at start). */
    @Column(nullable = false)
    public boolean announced;

    public static List<Anchor> byName() {
        return list("order by name, id");
    }
}
