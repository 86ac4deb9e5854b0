package org.anchormarket.analytics.mapping;

import org.anchormarket.analytics.service.LocalSpendReports;
import org.anchormarket.contracts.analytics.model.LocalSpendReport;

/** Reports as the API shows them. */
public final class ReportMapper {

    private ReportMapper() {
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
