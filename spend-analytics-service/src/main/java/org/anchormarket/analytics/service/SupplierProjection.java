package org.anchormarket.analytics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.anchormarket.analytics.domain.KnownSupplier;
import org.anchormarket.contracts.messages.SupplierErased;
import org.anchormarket.contracts.messages.SupplierRegistered;
import org.anchormarket.contracts.messages.SupplierUpdated;

/** Keeps the suppliers projection and answers the supplier report from it. */
@ApplicationScoped
public class SupplierProjection {

    @Transactional(Transactional.TxType.MANDATORY)
    public void registered(SupplierRegistered event) {
        KnownSupplier known = KnownSupplier.<KnownSupplier>findByIdOptional(event.getSupplierId())
                .orElseGet(KnownSupplier::new);
        known.supplierId = event.getSupplierId();
        known.legalName = event.getLegalName();
        known.postcode = event.getPostcode();
        known.registeredAt = event.getRegisteredAt().toInstant();
        known.persist();
    }

    /** A newer name or postcode; nothing for a supplier not known yet (its registration comes first, by key). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void updated(SupplierUpdated event) {
        KnownSupplier.<KnownSupplier>findByIdOptional(event.getSupplierId())
                .filter(known -> known.erasedAt == null)
                .ifPresent(known -> {
                    known.legalName = event.getLegalName();
                    if (event.getPostcode() != null) {
                        known.postcode = event.getPostcode();
                    }
                });
    }

    /** Replaces the sole trader's personal data with the anonymised values; the row stays for spend totals. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erased(SupplierErased event) {
        KnownSupplier known = KnownSupplier.<KnownSupplier>findByIdOptional(event.getSupplierId())
                .orElseGet(() -> {
                    KnownSupplier k = new KnownSupplier();
                    k.supplierId = event.getSupplierId();
                    k.registeredAt = event.getErasedAt().toInstant();
                    return k;
                });
        known.legalName = event.getLegalName();
        known.postcode = event.getPostcode() == null ? "" : event.getPostcode();
        known.erasedAt = event.getErasedAt().toInstant();
        known.persist();
    }

    /** Suppliers on the platform now: erased ones excluded. */
    public long registeredSuppliers() {
        return KnownSupplier.count("erasedAt is null");
    }

    public Optional<Instant> lastRegisteredAt() {
        return KnownSupplier.find("select max(registeredAt) from KnownSupplier").project(Instant.class)
                .firstResultOptional();
    }
}
