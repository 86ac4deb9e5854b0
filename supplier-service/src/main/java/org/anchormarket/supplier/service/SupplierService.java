package org.anchormarket.supplier.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.anchormarket.chassis.outbox.Outbox;
import org.anchormarket.chassis.problem.ProblemException;
import org.anchormarket.contracts.messages.SupplierRegistered;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.supplier.domain.Supplier;

/** Registration and reading of suppliers; every change is announced through the outbox in its own transaction. */
@ApplicationScoped
public class SupplierService {

    private final Outbox outbox;

    SupplierService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public Supplier register(String legalName, String postcode, String registeredBy) {
        Supplier supplier = Supplier.register(legalName, postcode, registeredBy, Instant.now());
        supplier.persist();
        outbox.publish(Topics.SUPPLIERS, supplier.id.toString(), Topics.EventTypes.SUPPLIER_REGISTERED,
                new SupplierRegistered()
                        .supplierId(supplier.id)
                        .legalName(supplier.legalName)
                        .postcode(supplier.postcode)
                        .registeredAt(supplier.registeredAt.atOffset(ZoneOffset.UTC)));
        return supplier;
    }

    /** The supplier, if {@code reader} may see it: staff see every supplier, a supplier user only its own. */
    public Supplier get(UUID id, String readerSubject, boolean staff) {
        Supplier supplier = Supplier.<Supplier>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Supplier " + id));
        if (!staff && !supplier.registeredBy.equals(readerSubject)) {
            throw ProblemException.forbidden("A supplier user may read only its own organisation");
        }
        return supplier;
    }
}
