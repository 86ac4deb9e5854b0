package org.anchormarket.supplier.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.anchormarket.chassis.outbox.Outbox;
import org.anchormarket.chassis.problem.ProblemException;
import org.anchormarket.contracts.messages.SupplierClassification;
import org.anchormarket.contracts.messages.SupplierRegistered;
import org.anchormarket.contracts.messages.SupplierVerified;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.supplier.domain.Branch;
import org.anchormarket.supplier.domain.Supplier;
import org.anchormarket.supplier.domain.SupplierMember;
import org.anchormarket.supplier.domain.SupplierStatus;
import org.anchormarket.supplier.domain.classification.CpvCatalogue;
import org.anchormarket.supplier.domain.classification.RegistryNumbers;

/** Registration, reading and verification of suppliers; every change is announced through the outbox. */
@ApplicationScoped
public class SupplierService {

    private final Outbox outbox;
    private final SupplierClassifier classifier;
    private final EntityManager em;

    SupplierService(Outbox outbox, SupplierClassifier classifier, EntityManager em) {
        this.outbox = outbox;
        this.classifier = classifier;
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
            throw new ProblemException(400, "Invalid request", "The registration has invalid fields", problems);
        }
        if (asMember) {
            Supplier.ofMember(registeredBy).ifPresent(existing -> {
                throw ProblemException.conflict("You already belong to the registered organisation "
                        + existing.legalName + " (" + existing.id + ")", "legalName");
            });
        }
        Instant now = Instant.now();
        Supplier s = new Supplier();
        s.id = UUID.randomUUID();
        s.legalName = draft.legalName().strip();
        s.tradingName = strip(draft.tradingName());
        s.organisationType = draft.organisationType();
        s.companyNumber = Optional.ofNullable(draft.companyNumber()).filter(n -> !n.isBlank())
                .flatMap(n -> RegistryNumbers.companyNumber(n).value()).orElse(null);
        s.charityNumber = Optional.ofNullable(draft.charityNumber()).filter(n -> !n.isBlank())
                .flatMap(n -> RegistryNumbers.charityNumber(n).value()).orElse(null);
        s.country = SupplierClassifier.country(draft);
        s.postcode = "GB".equals(s.country) ? Supplier.normalisePostcode(draft.postcode()) : draft.postcode().strip();
        s.addressLines = String.join("\n", draft.addressLines());
        if (draft.branches() != null) {
            draft.branches().forEach(b -> s.branches.add(new Branch(Supplier.normalisePostcode(b.postcode()),
                    b.addressLines() == null ? "" : String.join("\n", b.addressLines()))));
        }
        s.employees = draft.employees();
        s.annualTurnover = pounds(draft.annualTurnover());
        s.balanceSheetTotal = pounds(draft.balanceSheetTotal());
        if (draft.cpvCodes() != null) {
            draft.cpvCodes().forEach(c -> s.cpvCodes.add(CpvCatalogue.code8(c)));
        }
        s.email = draft.email().strip();
        s.phone = strip(draft.phone());
        s.website = strip(draft.website());
        s.description = strip(draft.description());
        s.socialEnterprise = draft.socialEnterprise();
        s.paysRealLivingWage = draft.paysRealLivingWage();
        s.localStaffShare = draft.localStaffShare();
        s.status = SupplierStatus.PENDING;
        s.registeredBy = registeredBy;
        s.registeredAt = now;
        classifier.classify(s);
        refuseDuplicates(s);
        s.persist();
        if (asMember) {
            SupplierMember.of(s.id, registeredBy, now).persist();
        }
        em.flush();
        outbox.publish(Topics.SUPPLIERS, s.id.toString(), Topics.EventTypes.SUPPLIER_REGISTERED,
                new SupplierRegistered()
                        .supplierId(s.id)
                        .legalName(s.legalName)
                        .tradingName(s.tradingName)
                        .organisationType(s.organisationType.name())
                        .postcode(s.postcode)
                        .cpvCodes(List.copyOf(s.cpvCodes))
                        .status(SupplierRegistered.StatusEnum.fromValue(s.status.name()))
                        .classification(classification(s))
                        .registeredAt(s.registeredAt.atOffset(ZoneOffset.UTC)));
        return s;
    }

    private void refuseDuplicates(Supplier s) {
        if (s.companyNumber != null && Supplier.count("companyNumber", s.companyNumber) > 0) {
            throw ProblemException.conflict("An organisation with Companies House number " + s.companyNumber
                    + " is already registered", "companyNumber");
        }
        if (s.charityNumber != null && Supplier.count("charityNumber", s.charityNumber) > 0) {
            throw ProblemException.conflict("An organisation with charity number " + s.charityNumber
                    + " is already registered", "charityNumber");
        }
    }

    /** The supplier, if {@code reader} may see it: staff see every supplier, a supplier user only its own. */
    public Supplier get(UUID id, String readerSubject, boolean staff) {
        Supplier supplier = Supplier.<Supplier>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Supplier " + id));
        if (!staff && !SupplierMember.isMember(id, readerSubject)) {
            throw ProblemException.forbidden("A supplier user may read only its own organisation");
        }
        return supplier;
    }

    public Supplier mine(String subject) {
        return Supplier.ofMember(subject).orElseThrow(
                () -> ProblemException.notFound("No organisation of yours; register it first: the organisation"));
    }

    /** An admin's decision on a registration; a rejection needs a reason. */
    @Transactional
    public Supplier decide(UUID id, SupplierStatus decision, String reason, Boolean vcfseConfirmed) {
        if (decision == SupplierStatus.REJECTED && (reason == null || reason.isBlank())) {
            throw ProblemException.invalid("reason", "is required when rejecting a registration");
        }
        Supplier s = Supplier.<Supplier>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Supplier " + id));
        if (Boolean.TRUE.equals(vcfseConfirmed) && !s.vcfse) {
            throw ProblemException.invalid("vcfseConfirmed",
                    "this organisation is not VCFSE by its form or declaration, so there is nothing to confirm");
        }
        s.status = decision;
        s.rejectionReason = decision == SupplierStatus.REJECTED ? reason.strip() : null;
        if (vcfseConfirmed != null) {
            s.vcfseVerified = vcfseConfirmed;
        }
        s.updatedAt = Instant.now();
        outbox.publish(Topics.SUPPLIERS, s.id.toString(), Topics.EventTypes.SUPPLIER_VERIFIED,
                new SupplierVerified()
                        .supplierId(s.id)
                        .status(SupplierVerified.StatusEnum.fromValue(s.status.name()))
                        .reason(s.rejectionReason)
                        .classification(classification(s))
                        .decidedAt(s.updatedAt.atOffset(ZoneOffset.UTC)));
        return s;
    }

    static SupplierClassification classification(Supplier s) {
        return new SupplierClassification()
                .locality(SupplierClassification.LocalityEnum.fromValue(s.locality.name()))
                .town(s.town)
                .ward(s.ward)
                .sizeBand(SupplierClassification.SizeBandEnum.fromValue(s.sizeBand.name()))
                .sme(s.isSme())
                .vcfse(s.vcfse)
                .vcfseVerified(s.vcfseVerified);
    }

    private static BigDecimal pounds(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
