package org.anchormarket.analytics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.anchormarket.analytics.domain.KnownSupplier;
import org.anchormarket.chassis.inbox.Inbox;
import org.anchormarket.chassis.messaging.IncomingEvent;
import org.anchormarket.chassis.messaging.MessageReader;
import org.anchormarket.contracts.messages.SupplierErased;
import org.anchormarket.contracts.messages.SupplierRegistered;
import org.anchormarket.contracts.messages.SupplierUpdated;
import org.anchormarket.contracts.messaging.Topics;
import org.jboss.logging.Logger;

/** Keeps the suppliers projection and answers the supplier report from it. */
@ApplicationScoped
public class SupplierProjection {

    static final String CONSUMER = "spend-analytics.suppliers";
    private static final Logger LOG = Logger.getLogger(SupplierProjection.class);

    private final Inbox inbox;
    private final MessageReader reader;

    SupplierProjection(Inbox inbox, MessageReader reader) {
        this.inbox = inbox;
        this.reader = reader;
    }

    /** Applies a supplier message once, unless a newer version of the supplier was applied already. */
    @Transactional
    public void apply(IncomingEvent event) {
        if (!inbox.accept(CONSUMER, event)) {
            return;
        }
        switch (event.type()) {
            case Topics.EventTypes.SUPPLIER_REGISTERED -> registered(reader.read(event, SupplierRegistered.class));
            case Topics.EventTypes.SUPPLIER_UPDATED -> updated(reader.read(event, SupplierUpdated.class));
            case Topics.EventTypes.SUPPLIER_ERASED -> erased(reader.read(event, SupplierErased.class));
            default -> LOG.debugf("Type %s is not used by spend analytics", event.type());
        }
    }

    private void registered(SupplierRegistered event) {
        KnownSupplier known = find(event.getSupplierId()).orElseGet(KnownSupplier::new);
        if (known.erasedAt != null) {
            return; // erased stays erased, whatever arrives late
        }
        known.supplierId = event.getSupplierId();
        known.legalName = event.getLegalName();
        known.postcode = event.getPostcode();
        known.registeredAt = event.getRegisteredAt().toInstant();
        known.persist();
    }

    /**
     * The supplier's state after an edit. Messages carry the whole state, so an update also stands in for a
     * registration that never arrived (dead-lettered, parked): the version guard may then skip that older message
     * without anything being lost.
     */
    private void updated(SupplierUpdated event) {
        KnownSupplier known = find(event.getSupplierId()).orElseGet(() -> {
            KnownSupplier k = new KnownSupplier();
            k.supplierId = event.getSupplierId();
            k.registeredAt = event.getUpdatedAt().toInstant();
            return k;
        });
        if (known.erasedAt != null) {
            return;
        }
        known.legalName = event.getLegalName();
        if (event.getPostcode() != null) {
            known.postcode = event.getPostcode();
        }
        if (known.postcode == null) {
            known.postcode = "";
        }
        known.persist();
    }

    /** Replaces the sole trader's personal data with the anonymised values; the row stays for spend totals. */
    private void erased(SupplierErased event) {
        KnownSupplier known = find(event.getSupplierId()).orElseGet(() -> {
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

    private static Optional<KnownSupplier> find(UUID id) {
        return KnownSupplier.findByIdOptional(id);
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
