package org.anchormarket.analytics.rest;

import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import org.anchormarket.analytics.service.SupplierProjection;
import org.anchormarket.contracts.analytics.api.ReportsApi;
import org.anchormarket.contracts.analytics.model.SupplierReport;

/** Thin: the spec (contracts/analytics) is the source of this API. */
public class ReportResource implements ReportsApi {

    private final SupplierProjection suppliers;

    ReportResource(SupplierProjection suppliers) {
        this.suppliers = suppliers;
    }

    @Override
    @RolesAllowed({ "leadership", "admin" })
    public SupplierReport getSupplierReport() {
        return new SupplierReport()
                .registeredSuppliers(suppliers.registeredSuppliers())
                .lastRegisteredAt(suppliers.lastRegisteredAt().map(t -> t.atOffset(ZoneOffset.UTC)).orElse(null));
    }
}
