package org.anchormarket.supplier.domain;

import java.math.BigDecimal;
import java.util.List;
import org.anchormarket.supplier.domain.classification.OrganisationType;

/**
 * A supplier's profile as received: a registration, or a registration's current state with an update laid over
 * it. Null means "not given".
 */
public record SupplierDraft(String legalName, String tradingName, OrganisationType organisationType,
        String companyNumber, String charityNumber, String country, String postcode, List<String> addressLines,
        List<BranchDraft> branches, Integer employees, BigDecimal annualTurnover, BigDecimal balanceSheetTotal,
        List<String> cpvCodes, String email, String phone, String website, String description,
        Boolean socialEnterprise, Boolean paysRealLivingWage, BigDecimal localStaffShare) {

    /** Nothing given: the base a registration is laid over. */
    public static final SupplierDraft EMPTY = new SupplierDraft(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null);

    public record BranchDraft(String postcode, List<String> addressLines) {
    }
}
