package org.anchormarket.supplier.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.supplier.domain.Supplier;
import org.anchormarket.supplier.domain.SupplierDraft;
import org.anchormarket.supplier.domain.SupplierStatus;

/** Editing a profile, and classifying a supplier again when the rules or the reference data change. */
@ApplicationScoped
public class SupplierEditing {

    private final SupplierClassifier classifier;
    private final SupplierHistory history;
    private final SupplierMessages messages;
    private final SupplierRegistrations registration;

    SupplierEditing(SupplierClassifier classifier, SupplierHistory history, SupplierMessages messages,
            SupplierRegistrations registration) {
        this.classifier = classifier;
        this.history = history;
        this.messages = messages;
        this.registration = registration;
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
        DomainException.Stale.unlessCurrent(expectedVersion, s.version, "Supplier " + id);
        SupplierProfiles.refuseErased(s);
        SupplierDraft merged = update.apply(SupplierProfiles.current(s));
        var problems = classifier.problems(merged);
        if (!problems.isEmpty()) {
            throw new DomainException.Invalid("The update has invalid fields", problems);
        }
        SupplierRegistrations.refuseDuplicates(SupplierProfiles.normalisedCompanyNumber(merged),
                SupplierProfiles.normalisedCharityNumber(merged), s.id);
        Map<String, Object> before = SupplierProfiles.snapshot(s);
        SupplierProfiles.apply(s, merged);
        classifier.classify(s);
        Map<String, Object> after = SupplierProfiles.snapshot(s);
        List<String> changed = SupplierProfiles.changedFields(before, after);
        if (changed.isEmpty()) {
            return s;
        }
        if (s.status == SupplierStatus.VERIFIED && changed.stream().anyMatch(SupplierProfiles.IDENTITY::contains)) {
            s.status = SupplierStatus.PENDING;
            after.put("status", s.status.name());
            changed = SupplierProfiles.changedFields(before, after);
        }
        s.updatedAt = Instant.now();
        history.record(s, subject, s.updatedAt, before, after);
        registration.flushOrConflict();
        messages.updated(s, changed);
        return s;
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
        Map<String, Object> before = SupplierProfiles.snapshot(s);
        classifier.classify(s);
        Map<String, Object> after = SupplierProfiles.snapshot(s);
        List<String> changed = SupplierProfiles.changedFields(before, after);
        if (changed.isEmpty()) {
            return false;
        }
        s.updatedAt = Instant.now();
        history.record(s, RECLASSIFICATION, s.updatedAt, before, after);
        messages.updated(s, changed);
        return true;
    }
}
