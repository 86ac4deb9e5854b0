package org.anchormarket.analytics.mapping;

import org.anchormarket.analytics.service.Payees;
import org.anchormarket.contracts.analytics.model.Payee;
import org.anchormarket.contracts.analytics.model.PayeePage;

/** Payees as the API shows them. */
public final class PayeeMapper {

    private PayeeMapper() {
    }

    public static Payee toApi(Payees.Payee p) {
        return new Payee().payeeKey(p.payeeKey()).name(p.name()).matched(p.supplierId() != null)
                .supplierId(p.supplierId()).supplierName(p.supplierName())
                .matchedBy(p.matchedBy() == null ? null : Payee.MatchedByEnum.fromValue(p.matchedBy()))
                .companyNumber(p.companyNumber()).charityNumber(p.charityNumber()).amount(p.amount())
                .lines(p.lines());
    }

    public static PayeePage toApi(Payees.Page page) {
        return new PayeePage().page(page.page()).pageSize(page.pageSize()).total(page.total())
                .items(page.items().stream().map(PayeeMapper::toApi).toList());
    }
}
