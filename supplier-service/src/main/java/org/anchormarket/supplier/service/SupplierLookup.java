package org.anchormarket.supplier.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.supplier.domain.Supplier;

/** Reading a supplier, as the caller may. */
@ApplicationScoped
public class SupplierLookup {

    /** The supplier, if {@code reader} may see it: staff see every supplier, a supplier user only its own. */
    public Supplier get(UUID id, String readerSubject, boolean staff) {
        return Supplier.forCaller(id, readerSubject, staff);
    }

    public Supplier mine(String subject) {
        return Supplier.ofMember(subject).orElseThrow(
                () -> new DomainException.NotFound("No organisation of yours; register it first: the organisation"));
    }
}
