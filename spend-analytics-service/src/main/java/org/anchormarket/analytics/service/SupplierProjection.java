package org.anchormarket.analytics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.anchormarket.analytics.domain.KnownSupplier;
import org.anchormarket.contracts.messages.SupplierRegistered;

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

    public long registeredSuppliers() {
        return KnownSupplier.count();
    }

    public Optional<Instant> lastRegisteredAt() {
        return KnownSupplier.find("select max(registeredAt) from KnownSupplier").project(Instant.class)
                .firstResultOptional();
    }
}
