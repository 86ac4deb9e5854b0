package org.anchormarket.supplier.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.supplier.domain.Supplier;
import org.anchormarket.supplier.domain.SupplierDraft;
import org.anchormarket.supplier.domain.SupplierMember;
import org.anchormarket.supplier.domain.SupplierStatus;

/** Registering an organisation; the rule that one number belongs to one verified organisation. */
@ApplicationScoped
public class SupplierRegistrations {

    private final SupplierClassifier classifier;
    private final SupplierHistory history;
    private final SupplierMessages messages;
    private final EntityManager em;

    SupplierRegistrations(SupplierClassifier classifier, SupplierHistory history, SupplierMessages messages,
            EntityManager em) {
        this.classifier = classifier;
        this.history = history;
        this.messages = messages;
        this.em = em;
    }

    /**
     * Registers an organisation. A supplier user registering becomes its first member (and may belong to one
     * organisation only); an admin registering on a business's behalf becomes no member.
     */
    @Transactional
    public Supplier register(SupplierDraft draft, String registeredBy, boolean asMember) {
        var problems = classifier.problems(draft);
        if (!problems.isEmpty()) {
            throw new DomainException.Invalid("The registration has invalid fields", problems);
        }
        if (asMember) {
            Supplier.ofMember(registeredBy).ifPresent(existing -> {
                throw new DomainException.Conflict("You already belong to the registered organisation "
                        + existing.legalName + " (" + existing.id + ")", "legalName");
            });
        }
        Instant now = Instant.now();
        Supplier s = new Supplier();
        s.id = UUID.randomUUID();
        SupplierProfiles.apply(s, draft);
        s.status = SupplierStatus.PENDING;
        s.registeredBy = registeredBy;
        s.registeredAt = now;
        s.membersAnnounced = true; // SupplierRegistered names them
        classifier.classify(s);
        refuseDuplicates(s.companyNumber, s.charityNumber, s.id);
        s.persist();
        history.record(s, registeredBy, now, Map.of(), SupplierProfiles.snapshot(s));
        if (asMember) {
            SupplierMember.of(s.id, registeredBy, now).persist();
        }
        flushOrConflict();
        messages.registered(s);
        return s;
    }

    /**
     * The registered organisation the draft names, if any: the same Companies House number, else the same charity
     * number, else (with neither given) the same legal name and postcode.
     */
    public Optional<Supplier> findExisting(SupplierDraft draft) {
        // A number may be claimed by more than one organisation (only a verified holder is unique): the verified
        // one, else the earliest registered; a rejected claim names nobody.
        String company = SupplierProfiles.normalisedCompanyNumber(draft);
        if (company != null) {
            return Supplier.find("companyNumber = ?1 and status <> ?2 order by case when status = ?3 then 0 else 1 "
                    + "end, registeredAt", company, SupplierStatus.REJECTED, SupplierStatus.VERIFIED)
                    .firstResultOptional();
        }
        String charity = SupplierProfiles.normalisedCharityNumber(draft);
        if (charity != null) {
            return Supplier.find("charityNumber = ?1 and status <> ?2 order by case when status = ?3 then 0 else 1 "
                    + "end, registeredAt", charity, SupplierStatus.REJECTED, SupplierStatus.VERIFIED)
                    .firstResultOptional();
        }
        String postcode = "GB".equals(SupplierClassifier.country(draft)) ? Supplier.normalisePostcode(draft.postcode())
                : draft.postcode().strip();
        return Supplier.find("lower(legalName) = ?1 and postcode = ?2",
                draft.legalName().strip().toLowerCase(java.util.Locale.ROOT), postcode).firstResultOptional();
    }

    /**
     * A number held by a VERIFIED organisation is taken (409). One held only by organisations awaiting verification
     * is not: the first to self-register cannot claim a number from its real holder; admins see both flagged
     * ({@link #sharingNumbers}) and verify the genuine one.
     */
    static void refuseDuplicates(String companyNumber, String charityNumber, UUID self) {
        if (companyNumber != null && Supplier.count("companyNumber = ?1 and id <> ?2 and status = ?3 and erasedAt "
                + "is null", companyNumber, self, SupplierStatus.VERIFIED) > 0) {
            throw duplicate("companyNumber", "Companies House number " + companyNumber);
        }
        if (charityNumber != null && Supplier.count("charityNumber = ?1 and id <> ?2 and status = ?3 and erasedAt "
                + "is null", charityNumber, self, SupplierStatus.VERIFIED) > 0) {
            throw duplicate("charityNumber", "charity number " + charityNumber);
        }
    }

    /** Of these suppliers, those whose Companies House or charity number another organisation also claims. */
    public java.util.Set<UUID> sharingNumbers(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(em.createQuery("""
                select s.id from Supplier s where s.id in :ids and exists (
                    select 1 from Supplier o where o.id <> s.id and o.erasedAt is null and (
                        (s.companyNumber is not null and o.companyNumber = s.companyNumber)
                        or (s.charityNumber is not null and o.charityNumber = s.charityNumber)))""", UUID.class)
                .setParameter("ids", ids).getResultList());
    }

    private static DomainException.Conflict duplicate(String field, String what) {
        return new DomainException.Conflict("A verified organisation with " + what + " is already registered", field);
    }

    /** Writes now; a concurrent request that took the same number first still gets a 409, not a 500. */
    void flushOrConflict() {
        try {
            em.flush();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            String constraint = String.valueOf(e.getConstraintName());
            if (constraint.contains("supplier_company_number")) {
                throw duplicate("companyNumber", "this Companies House number");
            }
            if (constraint.contains("supplier_charity_number")) {
                throw duplicate("charityNumber", "this charity number");
            }
            if (constraint.contains("supplier_member")) {
                throw new DomainException.Conflict("You already belong to a registered organisation", "legalName");
            }
            throw e;
        }
    }
}
