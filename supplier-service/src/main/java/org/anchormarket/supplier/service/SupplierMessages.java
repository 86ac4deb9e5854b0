package org.anchormarket.supplier.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;
import org.anchormarket.chassis.outbox.Outbox;
import org.anchormarket.contracts.messages.SupplierClassification;
import org.anchormarket.contracts.messages.SupplierErased;
import org.anchormarket.contracts.messages.SupplierRegistered;
import org.anchormarket.contracts.messages.SupplierUpdated;
import org.anchormarket.contracts.messages.SupplierVerified;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.supplier.domain.Supplier;

/** The supplier's messages, built in one place and written to the outbox in the caller's transaction. */
@ApplicationScoped
public class SupplierMessages {

    private final Outbox outbox;

    SupplierMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    void registered(Supplier s) {
        outbox.publish(Topics.SUPPLIERS, s.id.toString(), Topics.EventTypes.SUPPLIER_REGISTERED,
                new SupplierRegistered()
                        .supplierId(s.id)
                        .legalName(s.legalName)
                        .tradingName(s.tradingName)
                        .companyNumber(s.companyNumber)
                        .charityNumber(s.charityNumber)
                        .organisationType(s.organisationType.name())
                        .postcode(s.postcode)
                        .cpvCodes(List.copyOf(s.cpvCodes))
                        .members(members(s))
                        .email(s.email)
                        .status(known(SupplierRegistered.StatusEnum.fromValue(s.status.name()), s.status.name()))
                        .classification(classification(s))
                        .registeredAt(s.registeredAt.atOffset(ZoneOffset.UTC)));
    }

    /** SupplierUpdated: the whole state after a change, and which fields changed. */
    void updated(Supplier s, List<String> changed) {
        updated(s, changed, s.updatedAt);
    }

    /** The same, for a change that is not the profile's (a member joined): the supplier's row stays as it was. */
    void updated(Supplier s, List<String> changed, java.time.Instant at) {
        outbox.publish(Topics.SUPPLIERS, s.id.toString(), Topics.EventTypes.SUPPLIER_UPDATED,
                new SupplierUpdated()
                        .supplierId(s.id)
                        .legalName(s.legalName)
                        .tradingName(s.tradingName)
                        .companyNumber(s.companyNumber)
                        .charityNumber(s.charityNumber)
                        .organisationType(s.organisationType.name())
                        .postcode(s.postcode)
                        .cpvCodes(List.copyOf(s.cpvCodes))
                        .members(members(s))
                        .email(s.email)
                        .status(known(SupplierUpdated.StatusEnum.fromValue(s.status.name()), s.status.name()))
                        .classification(classification(s))
                        .changedFields(changed)
                        .updatedAt(at.atOffset(ZoneOffset.UTC)));
    }

    void verified(Supplier s) {
        outbox.publish(Topics.SUPPLIERS, s.id.toString(), Topics.EventTypes.SUPPLIER_VERIFIED,
                new SupplierVerified()
                        .supplierId(s.id)
                        .status(known(SupplierVerified.StatusEnum.fromValue(s.status.name()), s.status.name()))
                        .reason(s.rejectionReason)
                        .classification(classification(s))
                        .decidedAt(s.updatedAt.atOffset(ZoneOffset.UTC)));
    }

    void erased(Supplier s) {
        outbox.publish(Topics.SUPPLIERS, s.id.toString(), Topics.EventTypes.SUPPLIER_ERASED,
                new SupplierErased()
                        .supplierId(s.id)
                        .legalName(s.legalName)
                        .postcode(s.postcode)
                        .classification(classification(s))
                        .erasedAt(s.erasedAt.atOffset(ZoneOffset.UTC)));
    }

    /** Who acts for the organisation (Keycloak subjects), in a stable order; read after the caller's changes. */
    private static List<String> members(Supplier s) {
        return org.anchormarket.supplier.domain.SupplierMember.<org.anchormarket.supplier.domain.SupplierMember>find(
                "supplierId = ?1 order by subject", s.id).stream().map(m -> m.subject).toList();
    }

    static SupplierClassification classification(Supplier s) {
        return new SupplierClassification()
                .locality(known(SupplierClassification.LocalityEnum.fromValue(s.locality.name()), s.locality.name()))
                .town(s.town)
                .ward(s.ward)
                .sizeBand(known(SupplierClassification.SizeBandEnum.fromValue(s.sizeBand.name()), s.sizeBand.name()))
                .sme(s.isSme())
                .vcfse(s.vcfse)
                .vcfseVerified(s.vcfseVerified);
    }

    /**
     * A message enum's value for a domain value. The generated enums read an unknown value as their unknown case (so
     * consumers tolerate newer producers); a producer must never send it: a domain value missing from
     * messages.yaml fails here, before anything is written, instead of going out as "unknown_default_open_api".
     */
    static <E extends Enum<E>> E known(E value, String domainValue) {
        if (value.name().startsWith("UNKNOWN_DEFAULT")) {
            throw new IllegalStateException("messages.yaml has no value " + domainValue + " for "
                    + value.getDeclaringClass().getSimpleName() + ": add it there first");
        }
        return value;
    }
}
