package org.anchormarket.supplier.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.anchormarket.supplier.domain.classification.Locality;
import org.anchormarket.supplier.domain.classification.OrganisationType;
import org.anchormarket.supplier.domain.classification.SizeBand;

/** A registered organisation: a local business or VCFSE organisation that sells to the anchors. */
@Entity
@Table(name = "supplier")
public class Supplier extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "legal_name", nullable = false)
    public String legalName;

    @Column(name = "trading_name")
    public String tradingName;

    @Enumerated(EnumType.STRING)
    @Column(name = "organisation_type", nullable = false)
    public OrganisationType organisationType;

    @Column(name = "company_number")
    public String companyNumber;

    @Column(name = "charity_number")
    public String charityNumber;

    @Column(nullable = false)
    public String country;

    @Column(nullable = false)
    public String postcode;

    /** Address lines joined by new lines. */
    @Column(name = "address_lines", nullable = false)
    public String addressLines;

    /** Loaded for a whole page of suppliers at once (pages are at most 200): see SupplierDirectoryTest. */
    @ElementCollection(fetch = FetchType.EAGER)
    @org.hibernate.annotations.BatchSize(size = 200)
    @CollectionTable(name = "supplier_branch", joinColumns = @JoinColumn(name = "supplier_id"))
    @OrderColumn(name = "position")
    public List<Branch> branches = new ArrayList<>();

    @Column(nullable = false)
    public int employees;

    @Column(name = "annual_turnover", nullable = false)
    public BigDecimal annualTurnover;

    @Column(name = "balance_sheet_total")
    public BigDecimal balanceSheetTotal;

    @ElementCollection(fetch = FetchType.EAGER)
    @org.hibernate.annotations.BatchSize(size = 200)
    @CollectionTable(name = "supplier_cpv", joinColumns = @JoinColumn(name = "supplier_id"))
    @Column(name = "code")
    public Set<String> cpvCodes = new LinkedHashSet<>();

    /** Null once erased. */
    public String email;

    public String phone;
    public String website;
    public String description;

    @Column(name = "social_enterprise", nullable = false)
    public boolean socialEnterprise;

    @Column(name = "pays_real_living_wage")
    public Boolean paysRealLivingWage;

    @Column(name = "local_staff_share")
    public BigDecimal localStaffShare;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SupplierStatus status;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    // Classification, worked out from the fields above (SupplierClassifier) whenever they change.
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Locality locality;

    public String town;
    public String ward;

    @Enumerated(EnumType.STRING)
    @Column(name = "size_band", nullable = false)
    public SizeBand sizeBand;

    @Column(nullable = false)
    public boolean vcfse;

    @Column(name = "vcfse_verified", nullable = false)
    public boolean vcfseVerified;

    /** What the classification was worked out with: {@link org.anchormarket.supplier.service.SupplierClassifier#basis()}. */
    @Column(name = "classified_with", nullable = false)
    public String classifiedWith = "";

    @Column(name = "registered_by", nullable = false)
    public String registeredBy;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** When a sole trader's personal data was erased; the row stays for its id and classification. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    /** Whether a message naming its members went out (every one registered since messages carry them). */
    @Column(name = "members_announced", nullable = false)
    public boolean membersAnnounced;

    /**
     * When its people first completed procurement training ({@code supplier_training}, from events-service): from
     * then on it is bid-ready. Read with the supplier, never written through it (its version does not move).
     */
    @org.hibernate.annotations.Formula("(select min(t.completed_at) from supplier_training t where t.supplier_id = id)")
    public Instant bidReadySince;

    @Version
    public long version;

    /** {@code " wn1  1ab"} → {@code "WN1 1AB"}: upper case, one space before the three-character inward code. */
    public static String normalisePostcode(String postcode) {
        String compact = postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return compact.length() < 5 ? compact
                : compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }

    public boolean isSme() {
        return sizeBand.isSme();
    }

    /**
     * The supplier, for a caller who is one of its members or {@code privileged} (an admin, or staff for reading).
     * Anyone else gets the same 404 as for an id that does not exist, so ids cannot be probed.
     */
    public static Supplier forCaller(UUID id, String subject, boolean privileged) {
        return Supplier.<Supplier>findByIdOptional(id)
                .filter(supplier -> privileged || SupplierMember.isMember(id, subject))
                .orElseThrow(() -> new org.anchormarket.chassis.domain.DomainException.NotFound("Supplier " + id));
    }

    public static java.util.Optional<Supplier> ofMember(String subject) {
        return find("select s from Supplier s where s.id in "
                + "(select m.supplierId from SupplierMember m where m.subject = ?1)", subject).firstResultOptional();
    }
}
