package org.anchormarket.supplier.service;

import java.math.BigDecimal;
import java.util.List;
import org.anchormarket.supplier.domain.classification.OrganisationType;

/** A registration as the API received it, before the rules are checked. */
public record SupplierDraft(String legalName, String tradingName, OrganisationType organisationType,
        String companyNumber, String charityNumber, String country, String postcode, List<String> addressLines,
        List<BranchDraft> branches, int employees, BigDecimal annualTurnover, BigDecimal balanceSheetTotal,
        List<String> cpvCodes, String email, String phone, String website, String description,
        boolean socialEnterprise, Boolean paysRealLivingWage, BigDecimal localStaffShare) {

    public record BranchDraft(String postcode, List<String> addressLines) {
    }
}
