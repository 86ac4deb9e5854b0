package org.anchormarket.analytics.mapping;

import org.anchormarket.analytics.service.LocalSpendReports;
import org.anchormarket.analytics.service.SupplierReports;
import org.anchormarket.contracts.analytics.model.BreakdownFigures;
import org.anchormarket.contracts.analytics.model.Funnel;
import org.anchormarket.contracts.analytics.model.FunnelStage;
import org.anchormarket.contracts.analytics.model.Lead;
import org.anchormarket.contracts.analytics.model.Leakage;
import org.anchormarket.contracts.analytics.model.LeakingCategory;
import org.anchormarket.contracts.analytics.model.TopSupplier;
import org.anchormarket.contracts.analytics.model.TopSuppliers;
import org.anchormarket.contracts.analytics.model.BreakdownRow;
import org.anchormarket.contracts.analytics.model.LocalSpendBreakdown;
import org.anchormarket.contracts.analytics.model.LocalSpendReport;

/** Reports as the API shows them. */
public final class ReportMapper {

    private ReportMapper() {
    }

    public static LocalSpendBreakdown toApi(LocalSpendReports.Breakdown b) {
        return new LocalSpendBreakdown().dimension(b.dimension().apiName()).from(b.from()).to(b.to())
                .previousFrom(b.previousFrom()).previousTo(b.previousTo()).anchors(b.anchors())
                .rows(b.rows().stream().map(r -> new BreakdownRow().key(r.key()).label(r.label())
                        .current(figures(r.current())).previous(figures(r.previous()))).toList());
    }

    private static BreakdownFigures figures(LocalSpendReports.Figures f) {
        return f == null ? null : new BreakdownFigures().totalSpend(f.totalSpend())
                .inBoroughSpend(f.inBoroughSpend()).inBoroughShare(f.inBoroughShare()).smeSpend(f.smeSpend())
                .vcfseSpend(f.vcfseSpend()).suppliersPaid(f.suppliersPaid()).lines(f.lines());
    }

    public static TopSuppliers toApi(SupplierReports.TopSuppliers t) {
        java.util.concurrent.atomic.AtomicInteger rank = new java.util.concurrent.atomic.AtomicInteger();
        return new TopSuppliers().from(t.scope().from()).to(t.scope().to()).anchors(t.scope().anchors())
                .totalSpend(t.totalSpend()).items(t.items().stream().map(i -> new TopSupplier()
                        .rank(rank.incrementAndGet()).name(i.name()).matched(i.supplierId() != null)
                        .supplierId(i.supplierId()).payeeKey(i.payeeKey())
                        .locality(i.locality() == null ? null : TopSupplier.LocalityEnum.fromValue(i.locality()))
                        .localityLabel(i.localityLabel()).town(i.town())
                        .sizeBand(i.sizeBand() == null ? null : TopSupplier.SizeBandEnum.fromValue(i.sizeBand()))
                        .vcfse(i.vcfse()).amount(i.amount()).share(i.share()).lines(i.lines())).toList());
    }

    public static Leakage toApi(SupplierReports.Leakage l) {
        return new Leakage().from(l.scope().from()).to(l.scope().to()).anchors(l.scope().anchors())
                .items(l.items().stream().map(c -> new LeakingCategory().category(c.category())
                        .totalSpend(c.totalSpend()).matchedSpend(c.matchedSpend()).leavingSpend(c.leavingSpend())
                        .leavingShare(c.leavingShare()).cpvDivisions(c.cpvDivisions())
                        .leads(c.leads().stream().map(d -> new Lead().supplierId(d.supplierId()).name(d.name())
                                .town(d.town()).cpvCodes(d.cpvCodes())).toList())).toList());
    }

    public static Funnel toApi(SupplierReports.Funnel f) {
        return new Funnel().from(f.scope().from()).to(f.scope().to())
                .stages(f.stages().stream().map(s -> new FunnelStage()
                        .stage(FunnelStage.StageEnum.fromValue(s.stage())).label(s.label()).available(s.available())
                        .organisations(s.organisations()).localOrganisations(s.local())
                        .vcfseOrganisations(s.vcfse()).attendedOrganisations(s.attended())).toList());
    }

    public static LocalSpendReport toApi(LocalSpendReports.LocalSpend r) {
        return new LocalSpendReport().from(r.from()).to(r.to()).anchors(r.anchors())
                .totalSpend(r.totalSpend()).inBoroughSpend(r.inBoroughSpend()).inBoroughShare(r.inBoroughShare())
                .greaterManchesterSpend(r.greaterManchesterSpend()).smeSpend(r.smeSpend()).vcfseSpend(r.vcfseSpend())
                .vcfseSuppliersPaid(r.vcfseSuppliersPaid()).suppliersPaid(r.suppliersPaid())
                .localSuppliersPaid(r.localSuppliersPaid()).unmatchedSpend(r.unmatchedSpend())
                .redactedSpend(r.redactedSpend()).committedSpend(r.committedSpend()).lines(r.lines());
    }
}
