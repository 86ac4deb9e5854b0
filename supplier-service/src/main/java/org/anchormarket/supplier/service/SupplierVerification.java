package org.anchormarket.supplier.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.supplier.domain.Supplier;
import org.anchormarket.supplier.domain.SupplierStatus;

/** An admin's decision on a registration. */
@ApplicationScoped
public class SupplierVerification {

    private final SupplierHistory history;
    private final SupplierMessages messages;
    private final SupplierRegistrations registration;

    SupplierVerification(SupplierHistory history, SupplierMessages messages, SupplierRegistrations registration) {
        this.history = history;
        this.messages = messages;
        this.registration = registration;
    }

    /** An admin's decision on a registration; a rejection needs a reason. */
    @Transactional
    public Supplier decide(UUID id, SupplierStatus decision, String reason, Boolean vcfseConfirmed, String admin) {
        if (decision == SupplierStatus.REJECTED && (reason == null || reason.isBlank())) {
            throw DomainException.Invalid.field("reason", "is required when rejecting a registration");
        }
        Supplier s = Supplier.<Supplier>findByIdOptional(id)
                .orElseThrow(() -> new DomainException.NotFound("Supplier " + id));
        SupplierProfiles.refuseErased(s);
        if (Boolean.TRUE.equals(vcfseConfirmed) && !s.vcfse) {
            throw DomainException.Invalid.field("vcfseConfirmed",
                    "this organisation is not VCFSE by its form or declaration, so there is nothing to confirm");
        }
        if (decision == SupplierStatus.VERIFIED) {
            SupplierRegistrations.refuseDuplicates(s.companyNumber, s.charityNumber, s.id);
        }
        Map<String, Object> before = SupplierProfiles.snapshot(s);
        s.status = decision;
        s.rejectionReason = decision == SupplierStatus.REJECTED ? reason.strip() : null;
        if (vcfseConfirmed != null) {
            s.vcfseVerified = vcfseConfirmed;
        }
        s.updatedAt = Instant.now();
        history.record(s, admin, s.updatedAt, before, SupplierProfiles.snapshot(s));
        registration.flushOrConflict(); // two organisations with one number verified at once: the second gets 409
        messages.verified(s);
        return s;
    }
}
