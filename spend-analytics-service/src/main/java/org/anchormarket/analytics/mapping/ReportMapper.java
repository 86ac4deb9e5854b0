package org.anchormarket.analytics.mapping;

import org.anchormarket.analytics.service.LocalSpendReports;
import org.anchormarket.contracts.analytics.model.BreakdownFigures;
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

    public static LocalSpendReport toApi(LocalSpendReports.LocalSpend r) {
        return new LocalSpendReport().from(r.from()).to(r.to()).anchors(r.anchors())
                .totalSpend(r.totalSpend()).inBoroughSpend(r.inBoroughSpend()).inBoroughShare(r.inBoroughShare())
                .greaterManchesterSpend(r.greaterManchesterSpend()).smeSpend(r.smeSpend()).vcfseSpend(r.vcfseSpend())
                .vcfseSuppliersPaid(r.vcfseSuppliersPaid()).suppliersPaid(r.suppliersPaid())
                .localSuppliersPaid(r.localSuppliersPaid()).unmatchedSpend(r.unmatchedSpend())
                .redactedSpend(r.redactedSpend()).committedSpend(r.committedSpend()).lines(r.lines());
    }
}
