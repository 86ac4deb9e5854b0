package org.anchormarket.supplier.mapping;

import java.time.ZoneOffset;
import org.anchormarket.contracts.supplier.model.VerificationStatus;
import org.anchormarket.supplier.domain.Supplier;

/** Domain → API representations. */
public final class SupplierMapper {

    private SupplierMapper() {
    }

    public static org.anchormarket.contracts.supplier.model.Supplier toApi(Supplier supplier) {
        return new org.anchormarket.contracts.supplier.model.Supplier()
                .id(supplier.id)
                .legalName(supplier.legalName)
                .postcode(supplier.postcode)
                .status(VerificationStatus.fromValue(supplier.status.name()))
                .registeredAt(supplier.registeredAt.atOffset(ZoneOffset.UTC));
    }
}
