package org.anchormarket.supplier.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anchormarket.chassis.outbox.Outbox;
import org.anchormarket.chassis.problem.ProblemException;
import org.anchormarket.contracts.messages.SupplierClassification;
import org.anchormarket.contracts.messages.SupplierErased;
import org.anchormarket.contracts.messages.SupplierRegistered;
import org.anchormarket.contracts.messages.SupplierUpdated;
import org.anchormarket.contracts.messages.SupplierVerified;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.supplier.domain.Branch;
import org.anchormarket.supplier.domain.Supplier;
import org.anchormarket.supplier.domain.SupplierChange;
import org.anchormarket.supplier.domain.SupplierMember;
import org.anchormarket.supplier.domain.SupplierStatus;
import org.anchormarket.supplier.domain.classification.CpvCatalogue;
import org.anchormarket.supplier.domain.classification.Postcode;
import org.anchormarket.supplier.domain.classification.RegistryNumbers;

/** Registration, reading and verification of suppliers; every change is announced through the outbox. */
@ApplicationScoped
public class SupplierService {

    private final Outbox outbox;
    private final SupplierClassifier classifier;
    private final EntityManager em;
    private final ObjectMapper json;

    SupplierService(Outbox outbox, SupplierClassifier classifier, EntityManager em, ObjectMapper json) {
        this.outbox = outbox;
        this.classifier = classifier;
        this.em = em;
        this.json = json;
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
        apply(s, draft);
        s.status = SupplierStatus.PENDING;
        s.registeredBy = registeredBy;
        s.registeredAt = now;
        classifier.classify(s);
        refuseDuplicates(s.companyNumber, s.charityNumber, s.id);
        s.persist();
        history(s, registeredBy, now, Map.of(), snapshot(s));
        if (asMember) {
            SupplierMember.of(s.id, registeredBy, now).persist();
        }
        flushOrConflict();
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

    /**
     * Edits a profile: what the update gives replaces the stored fields, the rules are checked on the result, the
     * classification is worked out again, and the change is kept as history. A change of legal identity (legal
     * name, form, registry numbers) returns a verified supplier to PENDING. An update that changes nothing is no
     * change at all.
     */
    @Transactional
    public Supplier update(UUID id, java.util.OptionalLong expectedVersion,
            java.util.function.UnaryOperator<SupplierDraft> update, String subject, boolean admin) {
        Supplier s = Supplier.forCaller(id, subject, admin);
        org.anchormarket.chassis.rest.EntityTags.requireVersion(expectedVersion, s.version, "Supplier " + id);
        refuseErased(s);
        SupplierDraft merged = update.apply(current(s));
        var problems = classifier.problems(merged);
        if (!problems.isEmpty()) {
            throw new ProblemException(400, "Invalid request", "The update has invalid fields", problems);
        }
        refuseDuplicates(normalisedCompanyNumber(merged), normalisedCharityNumber(merged), s.id);
        Map<String, Object> before = snapshot(s);
        apply(s, merged);
        classifier.classify(s);
        Map<String, Object> after = snapshot(s);
        List<String> changed = changedFields(before, after);
        if (changed.isEmpty()) {
            return s;
        }
        if (s.status == SupplierStatus.VERIFIED && changed.stream().anyMatch(IDENTITY::contains)) {
            s.status = SupplierStatus.PENDING;
            after.put("status", s.status.name());
            changed = changedFields(before, after);
        }
        s.updatedAt = Instant.now();
        history(s, subject, s.updatedAt, before, after);
        flushOrConflict();
        publishUpdated(s, changed);
        return s;
    }

    private void publishUpdated(Supplier s, List<String> changed) {
        outbox.publish(Topics.SUPPLIERS, s.id.toString(), Topics.EventTypes.SUPPLIER_UPDATED,
                new SupplierUpdated()
                        .supplierId(s.id)
                        .legalName(s.legalName)
                        .tradingName(s.tradingName)
                        .organisationType(s.organisationType.name())
                        .postcode(s.postcode)
                        .cpvCodes(List.copyOf(s.cpvCodes))
                        .status(SupplierUpdated.StatusEnum.fromValue(s.status.name()))
                        .classification(classification(s))
                        .changedFields(changed)
                        .updatedAt(s.updatedAt.atOffset(ZoneOffset.UTC)));
    }

    /** Who changes a classification when the rules or the reference data change, in history. */
    public static final String RECLASSIFICATION = "anchor-market:reclassification";

    /**
     * Works the supplier's classification out again with the current rules and reference data. A changed result
     * is recorded as history and announced like any other update; an unchanged one only notes the new basis.
     * Returns whether the classification changed.
     */
    @Transactional
    public boolean reclassify(UUID id) {
        Supplier s = Supplier.findById(id);
        if (s == null || s.erasedAt != null || s.classifiedWith.equals(classifier.basis())) {
            return false;
        }
        Map<String, Object> before = snapshot(s);
        classifier.classify(s);
        Map<String, Object> after = snapshot(s);
        List<String> changed = changedFields(before, after);
        if (changed.isEmpty()) {
            return false;
        }
        s.updatedAt = Instant.now();
        history(s, RECLASSIFICATION, s.updatedAt, before, after);
        publishUpdated(s, changed);
        return true;
    }

    /** Who erased, in history, when the sole trader asked for it themselves (their user id is personal data). */
    public static final String ERASED_BY_SOLE_TRADER = "anchor-market:erasure-requested-by-the-sole-trader";

    /**
     * A sole trader's right to erasure: personal data removed or anonymised, history and memberships deleted,
     * announced messages already published removed from the outbox; the id and classification stay so spend paid
     * to the supplier still counts. Asking again changes nothing.
     */
    @Transactional
    public Supplier erase(UUID id, String subject, boolean admin) {
        Supplier s = Supplier.forCaller(id, subject, admin);
        if (s.erasedAt != null) {
            return s;
        }
        if (s.organisationType != org.anchormarket.supplier.domain.classification.OrganisationType.SOLE_TRADER) {
            throw ProblemException.conflict("Only a sole trader's data is personal data that can be erased; this is a "
                    + s.organisationType, "organisationType");
        }
        Instant now = Instant.now();
        s.legalName = "Erased sole trader " + s.id.toString().substring(0, 8);
        s.tradingName = null;
        s.companyNumber = null;
        s.charityNumber = null;
        s.postcode = Postcode.parse(s.postcode).map(Postcode::district).orElse("");
        s.addressLines = "";
        s.branches.clear();
        s.annualTurnover = BigDecimal.ZERO.setScale(2);
        s.balanceSheetTotal = null;
        s.email = null;
        s.phone = null;
        s.website = null;
        s.description = null;
        s.rejectionReason = null;
        s.registeredBy = "erased";
        s.erasedAt = now;
        s.updatedAt = now;
        SupplierChange.delete("supplierId", s.id);
        SupplierMember.delete("supplierId", s.id);
        org.anchormarket.supplier.domain.SupplierInvitation.delete("supplierId", s.id);
        em.createNativeQuery("delete from outbox_message where message_key = ?1 and published_at is not null")
                .setParameter(1, s.id.toString()).executeUpdate();
        history(s, admin ? subject : ERASED_BY_SOLE_TRADER, now, Map.of("erasedAt", ""),
                Map.of("erasedAt", now.toString()));
        outbox.publish(Topics.SUPPLIERS, s.id.toString(), Topics.EventTypes.SUPPLIER_ERASED,
                new SupplierErased()
                        .supplierId(s.id)
                        .legalName(s.legalName)
                        .postcode(s.postcode)
                        .classification(classification(s))
                        .erasedAt(now.atOffset(ZoneOffset.UTC)));
        return s;
    }

    /** Refuses to change what was erased. */
    private static void refuseErased(Supplier s) {
        if (s.erasedAt != null) {
            throw ProblemException.conflict("Supplier " + s.id + " was erased at the sole trader's request", "id");
        }
    }

    /** Keeps a new member (a user who accepted an invitation) in the organisation's history. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void memberJoined(Supplier s, String subject, Instant at) {
        history(s, subject, at, Map.of(), Map.of("member", subject));
    }

    /** Who may see the history: the organisation's members and admins. */
    public List<SupplierChange> history(UUID id, String subject, boolean admin) {
        Supplier.forCaller(id, subject, admin);
        return SupplierChange.of(id);
    }

    /** Fields whose change calls for verification again. */
    private static final java.util.Set<String> IDENTITY = java.util.Set.of("legalName", "organisationType",
            "companyNumber", "charityNumber");

    /** Sets every profile field from the draft, normalised. */
    private static void apply(Supplier s, SupplierDraft d) {
        s.legalName = d.legalName().strip();
        s.tradingName = strip(d.tradingName());
        s.organisationType = d.organisationType();
        s.companyNumber = normalisedCompanyNumber(d);
        s.charityNumber = normalisedCharityNumber(d);
        s.country = SupplierClassifier.country(d);
        s.postcode = "GB".equals(s.country) ? Supplier.normalisePostcode(d.postcode()) : d.postcode().strip();
        s.addressLines = String.join("\n", d.addressLines());
        s.branches.clear();
        if (d.branches() != null) {
            d.branches().forEach(b -> s.branches.add(new Branch(Supplier.normalisePostcode(b.postcode()),
                    b.addressLines() == null ? "" : String.join("\n", b.addressLines()))));
        }
        s.employees = d.employees();
        s.annualTurnover = pounds(d.annualTurnover());
        s.balanceSheetTotal = pounds(d.balanceSheetTotal());
        s.cpvCodes.clear();
        if (d.cpvCodes() != null) {
            d.cpvCodes().forEach(c -> s.cpvCodes.add(CpvCatalogue.code8(c)));
        }
        s.email = d.email().strip();
        s.phone = strip(d.phone());
        s.website = strip(d.website());
        s.description = strip(d.description());
        s.socialEnterprise = Boolean.TRUE.equals(d.socialEnterprise());
        s.paysRealLivingWage = d.paysRealLivingWage();
        s.localStaffShare = d.localStaffShare();
    }

    /** The stored profile as a draft, for an update to be laid over. */
    private static SupplierDraft current(Supplier s) {
        return new SupplierDraft(s.legalName, s.tradingName, s.organisationType, s.companyNumber, s.charityNumber,
                s.country, s.postcode, lines(s.addressLines),
                s.branches.stream().map(b -> new SupplierDraft.BranchDraft(b.postcode, lines(b.addressLines)))
                        .toList(),
                s.employees, s.annualTurnover, s.balanceSheetTotal, List.copyOf(s.cpvCodes), s.email, s.phone,
                s.website, s.description, s.socialEnterprise, s.paysRealLivingWage, s.localStaffShare);
    }

    private static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }

    /** Every field a person can see, by its API name, in comparable form: what history records. */
    private static Map<String, Object> snapshot(Supplier s) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("legalName", s.legalName);
        m.put("tradingName", s.tradingName);
        m.put("organisationType", s.organisationType.name());
        m.put("companyNumber", s.companyNumber);
        m.put("charityNumber", s.charityNumber);
        m.put("country", s.country);
        m.put("postcode", s.postcode);
        m.put("addressLines", lines(s.addressLines));
        m.put("branches", s.branches.stream().map(b -> b.postcode + (b.addressLines.isEmpty() ? ""
                : " (" + b.addressLines.replace("\n", ", ") + ")")).toList());
        m.put("employees", s.employees);
        m.put("annualTurnover", plain(s.annualTurnover));
        m.put("balanceSheetTotal", plain(s.balanceSheetTotal));
        m.put("cpvCodes", s.cpvCodes.stream().sorted().toList());
        m.put("email", s.email);
        m.put("phone", s.phone);
        m.put("website", s.website);
        m.put("description", s.description);
        m.put("socialEnterprise", s.socialEnterprise);
        m.put("paysRealLivingWage", s.paysRealLivingWage);
        m.put("localStaffShare", plain(s.localStaffShare));
        m.put("status", s.status == null ? null : s.status.name());
        m.put("rejectionReason", s.rejectionReason);
        m.put("locality", s.locality.name());
        m.put("town", s.town);
        m.put("ward", s.ward);
        m.put("sizeBand", s.sizeBand.name());
        m.put("vcfse", s.vcfse);
        m.put("vcfseVerified", s.vcfseVerified);
        return m;
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros().toPlainString();
    }

    private static List<String> changedFields(Map<String, Object> before, Map<String, Object> after) {
        return after.keySet().stream().filter(k -> !java.util.Objects.equals(before.get(k), after.get(k))).toList();
    }

    /** Records the fields that differ between {@code before} and {@code after}. */
    private void history(Supplier s, String by, Instant at, Map<String, Object> before, Map<String, Object> after) {
        List<Map<String, Object>> changes = new java.util.ArrayList<>();
        for (String field : changedFields(before, after)) {
            Map<String, Object> change = new java.util.LinkedHashMap<>();
            change.put("field", field);
            if (before.get(field) != null) {
                change.put("from", before.get(field));
            }
            if (after.get(field) != null) {
                change.put("to", after.get(field));
            }
            changes.add(change);
        }
        SupplierChange change = new SupplierChange();
        change.supplierId = s.id;
        change.changedBy = by;
        change.changedAt = at;
        try {
            change.changes = json.writeValueAsString(changes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        change.persist();
    }

    private static String normalisedCompanyNumber(SupplierDraft d) {
        return Optional.ofNullable(d.companyNumber()).filter(n -> !n.isBlank())
                .flatMap(n -> RegistryNumbers.companyNumber(n).value()).orElse(null);
    }

    private static String normalisedCharityNumber(SupplierDraft d) {
        return Optional.ofNullable(d.charityNumber()).filter(n -> !n.isBlank())
                .flatMap(n -> RegistryNumbers.charityNumber(n).value()).orElse(null);
    }

    /**
     * The registered organisation the draft names, if any: the same Companies House number, else the same charity
     * number, else (with neither given) the same legal name and postcode.
     */
    public Optional<Supplier> findExisting(SupplierDraft draft) {
        String company = normalisedCompanyNumber(draft);
        if (company != null) {
            return Supplier.find("companyNumber", company).firstResultOptional();
        }
        String charity = normalisedCharityNumber(draft);
        if (charity != null) {
            return Supplier.find("charityNumber", charity).firstResultOptional();
        }
        String postcode = "GB".equals(SupplierClassifier.country(draft)) ? Supplier.normalisePostcode(draft.postcode())
                : draft.postcode().strip();
        return Supplier.find("lower(legalName) = ?1 and postcode = ?2",
                draft.legalName().strip().toLowerCase(java.util.Locale.ROOT), postcode).firstResultOptional();
    }

    /** Refuses numbers another organisation (not {@code self}) holds: checked before anything is changed. */
    private static void refuseDuplicates(String companyNumber, String charityNumber, UUID self) {
        if (companyNumber != null && Supplier.count("companyNumber = ?1 and id <> ?2", companyNumber, self) > 0) {
            throw duplicate("companyNumber", "Companies House number " + companyNumber);
        }
        if (charityNumber != null && Supplier.count("charityNumber = ?1 and id <> ?2", charityNumber, self) > 0) {
            throw duplicate("charityNumber", "charity number " + charityNumber);
        }
    }

    private static ProblemException duplicate(String field, String what) {
        return ProblemException.conflict("An organisation with " + what + " is already registered", field);
    }

    /** Writes now; a concurrent request that took the same number first still gets a 409, not a 500. */
    private void flushOrConflict() {
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
                throw ProblemException.conflict("You already belong to a registered organisation", "legalName");
            }
            throw e;
        }
    }

    /** The supplier, if {@code reader} may see it: staff see every supplier, a supplier user only its own. */
    public Supplier get(UUID id, String readerSubject, boolean staff) {
        return Supplier.forCaller(id, readerSubject, staff);
    }

    public Supplier mine(String subject) {
        return Supplier.ofMember(subject).orElseThrow(
                () -> ProblemException.notFound("No organisation of yours; register it first: the organisation"));
    }

    /** An admin's decision on a registration; a rejection needs a reason. */
    @Transactional
    public Supplier decide(UUID id, SupplierStatus decision, String reason, Boolean vcfseConfirmed, String admin) {
        if (decision == SupplierStatus.REJECTED && (reason == null || reason.isBlank())) {
            throw ProblemException.invalid("reason", "is required when rejecting a registration");
        }
        Supplier s = Supplier.<Supplier>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Supplier " + id));
        refuseErased(s);
        if (Boolean.TRUE.equals(vcfseConfirmed) && !s.vcfse) {
            throw ProblemException.invalid("vcfseConfirmed",
                    "this organisation is not VCFSE by its form or declaration, so there is nothing to confirm");
        }
        Map<String, Object> before = snapshot(s);
        s.status = decision;
        s.rejectionReason = decision == SupplierStatus.REJECTED ? reason.strip() : null;
        if (vcfseConfirmed != null) {
            s.vcfseVerified = vcfseConfirmed;
        }
        s.updatedAt = Instant.now();
        history(s, admin, s.updatedAt, before, snapshot(s));
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
