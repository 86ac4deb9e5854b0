package org.anchormarket.analytics.rest;

import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import io.quarkus.security.identity.SecurityIdentity;
import java.time.LocalDate;
import java.util.List;
import org.anchormarket.analytics.mapping.ReportMapper;
import org.anchormarket.analytics.service.LocalSpendReports;
import org.anchormarket.analytics.service.SupplierProjection;
import org.anchormarket.analytics.service.SupplierReports;
import org.anchormarket.contracts.analytics.model.Funnel;
import org.anchormarket.contracts.analytics.model.Leakage;
import org.anchormarket.contracts.analytics.model.TopSuppliers;
import org.anchormarket.contracts.analytics.model.LocalSpendBreakdown;
import org.anchormarket.contracts.analytics.model.LocalSpendReport;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.anchormarket.contracts.analytics.api.ReportsApi;
import org.anchormarket.contracts.analytics.model.SupplierReport;

/** Thin: the spec (contracts/analytics) is the source of this API. */
public class ReportResource implements ReportsApi {

    private final SupplierProjection suppliers;
    private final LocalSpendReports reports;
    private final SupplierReports supplierReports;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    ReportResource(SupplierProjection suppliers, LocalSpendReports reports, SupplierReports supplierReports,
            SecurityIdentity identity, JsonWebToken token) {
        this.suppliers = suppliers;
        this.reports = reports;
        this.supplierReports = supplierReports;
        this.identity = identity;
        this.token = token;
    }

    @Override
    @RolesAllowed({ "leadership", "admin", "buyer" })
    public LocalSpendBreakdown getLocalSpendBreakdown(String dimension, LocalDate from, LocalDate to,
            List<String> anchor) {
        return ReportMapper.toApi(reports.breakdown(Callers.of(identity, token), dimension, from, to, anchor));
    }

    @Override
    @RolesAllowed({ "leadership", "admin", "buyer" })
    public TopSuppliers getTopSuppliers(Integer limit, LocalDate from, LocalDate to, List<String> anchor) {
        return ReportMapper.toApi(supplierReports.top(Callers.of(identity, token), limit, from, to, anchor));
    }

    @Override
    @RolesAllowed({ "leadership", "admin", "buyer" })
    public Leakage getLeakage(Integer limit, LocalDate from, LocalDate to, List<String> anchor) {
        return ReportMapper.toApi(supplierReports.leakage(Callers.of(identity, token), limit, from, to, anchor));
    }

    @Override
    @RolesAllowed({ "leadership", "admin", "buyer" })
    public Funnel getFunnel(LocalDate from, LocalDate to, List<String> anchor) {
        return ReportMapper.toApi(supplierReports.funnel(Callers.of(identity, token), from, to, anchor));
    }

    @Override
    @RolesAllowed({ "leadership", "admin", "buyer" })
    public LocalSpendReport getLocalSpendReport(LocalDate from, LocalDate to, List<String> anchor) {
        return ReportMapper.toApi(reports.localSpend(Callers.of(identity, token), from, to, anchor));
    }

    @Override
    @RolesAllowed({ "leadership", "admin" })
    public SupplierReport getSupplierReport() {
        return new SupplierReport()
                .registeredSuppliers(suppliers.registeredSuppliers())
                .lastRegisteredAt(suppliers.lastRegisteredAt().map(t -> t.atOffset(ZoneOffset.UTC)).orElse(null));
    }
}
