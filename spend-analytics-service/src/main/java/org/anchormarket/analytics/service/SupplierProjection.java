package org.anchormarket.analytics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.anchormarket.analytics.domain.KnownSupplier;
import org.anchormarket.analytics.domain.PayeeNames;
import org.anchormarket.chassis.inbox.Inbox;
import org.anchormarket.chassis.messaging.IncomingEvent;
import org.anchormarket.chassis.messaging.MessageReader;
import org.anchormarket.contracts.messages.SupplierErased;
import org.anchormarket.contracts.messages.SupplierRegistered;
import org.anchormarket.contracts.messages.SupplierClassification;
import org.anchormarket.contracts.messages.SupplierUpdated;
import org.anchormarket.contracts.messages.SupplierVerified;
import org.anchormarket.contracts.messaging.Topics;
import org.jboss.logging.Logger;

/** Keeps the suppliers projection and answers the supplier report from it. */
@ApplicationScoped
public class SupplierProjection {

    static final String CONSUMER = "spend-analytics.suppliers";
    private static final Logger LOG = Logger.getLogger(SupplierProjection.class);

    private final Inbox inbox;
    private final MessageReader reader;
    private final PayeeMatcher payees;

    SupplierProjection(Inbox inbox, MessageReader reader, PayeeMatcher payees) {
        this.inbox = inbox;
        this.reader = reader;
        this.payees = payees;
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
            case Topics.EventTypes.SUPPLIER_VERIFIED -> {
                SupplierVerified verified = reader.read(event, SupplierVerified.class);
                classified(verified.getSupplierId(), verified.getDecidedAt().toInstant(),
                        verified.getClassification());
            }
            default -> LOG.debugf("Type %s is not used by spend analytics", event.type());
        }
    }

    private void registered(SupplierRegistered event) {
        KnownSupplier known = find(event.getSupplierId()).orElseGet(KnownSupplier::new);
        if (known.erasedAt != null) {
            return; // erased stays erased, whatever arrives late
        }
        known.supplierId = event.getSupplierId();
        known.named(event.getLegalName(), event.getTradingName());
        known.companyNumber = PayeeNames.companyNumber(event.getCompanyNumber());
        known.charityNumber = PayeeNames.charityNumber(event.getCharityNumber());
        known.cpvCodes = cpv(event.getCpvCodes());
        known.postcode = event.getPostcode();
        known.registeredAt = event.getRegisteredAt().toInstant();
        known.persist();
        classified(known.supplierId, known.registeredAt, event.getClassification());
        matchPayments(known);
    }

    private static String[] cpv(java.util.List<String> codes) {
        return codes == null ? new String[0] : codes.stream().filter(java.util.Objects::nonNull).distinct()
                .limit(200).toArray(String[]::new);
    }

    /** Payments already loaded that are this supplier's are matched to it now (in this transaction). */
    private void matchPayments(KnownSupplier known) {
        KnownSupplier.flush(); // the matcher reads the supplier's names through the same connection
        payees.matchSupplier(known.supplierId);
    }

    /**
     * Keeps the supplier's classification from {@code from} on: its history, so that spend is classified as the
     * supplier stood on the payment date, whatever order the messages arrive in.
     */
    private static void classified(UUID supplierId, Instant from, SupplierClassification classification) {
        if (classification == null || classification.getLocality() == null || classification.getSizeBand() == null
                || classification.getLocality().name().startsWith("UNKNOWN_DEFAULT")
                || classification.getSizeBand().name().startsWith("UNKNOWN_DEFAULT")) {
            return; // an older message without one, or a value this version does not know yet
        }
        KnownSupplier.getEntityManager().createNativeQuery("""
                insert into supplier_classification (supplier_id, valid_from, locality, town, ward, size_band, sme,
                    vcfse) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict do nothing""")
                .setParameter(1, supplierId).setParameter(2, from)
                .setParameter(3, classification.getLocality().toString()).setParameter(4, classification.getTown())
                .setParameter(5, classification.getWard()).setParameter(6, classification.getSizeBand().toString())
                .setParameter(7, Boolean.TRUE.equals(classification.getSme()))
                .setParameter(8, Boolean.TRUE.equals(classification.getVcfse())).executeUpdate();
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
        known.named(event.getLegalName(), event.getTradingName());
        if (event.getCompanyNumber() != null || event.getCharityNumber() != null) {
            known.companyNumber = PayeeNames.companyNumber(event.getCompanyNumber());
            known.charityNumber = PayeeNames.charityNumber(event.getCharityNumber());
        }
        if (event.getCpvCodes() != null) {
            known.cpvCodes = cpv(event.getCpvCodes());
        }
        if (event.getPostcode() != null) {
            known.postcode = event.getPostcode();
        }
        if (known.postcode == null) {
            known.postcode = "";
        }
        known.persist();
        classified(known.supplierId, event.getUpdatedAt().toInstant(), event.getClassification());
        matchPayments(known);
    }

    /** Replaces the sole trader's personal data with the anonymised values; the row stays for spend totals. */
    private void erased(SupplierErased event) {
        KnownSupplier known = find(event.getSupplierId()).orElseGet(() -> {
            KnownSupplier k = new KnownSupplier();
            k.supplierId = event.getSupplierId();
            k.registeredAt = event.getErasedAt().toInstant();
            return k;
        });
        known.named(event.getLegalName(), null);
        known.postcode = event.getPostcode() == null ? "" : event.getPostcode();
        known.erasedAt = event.getErasedAt().toInstant();
        known.persist();
        classified(known.supplierId, known.erasedAt, event.getClassification());
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
