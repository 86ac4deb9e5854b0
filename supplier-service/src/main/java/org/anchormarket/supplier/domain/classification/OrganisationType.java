package org.anchormarket.supplier.domain.classification;

/**
 * Legal forms a supplier may have. VCFSE (voluntary, community, faith and social enterprise) by form: charities of
 * every form, community interest companies, community benefit societies and co-operatives; any other form counts
 * when the organisation declares itself a social enterprise.
 */
public enum OrganisationType {
    LIMITED_COMPANY(false, true),
    PLC(false, true),
    LLP(false, true),
    PARTNERSHIP(false, false),
    SOLE_TRADER(false, false),
    CIO(true, false),
    CHARITABLE_COMPANY(true, true),
    UNINCORPORATED_CHARITY(true, false),
    CIC(true, true),
    COMMUNITY_BENEFIT_SOCIETY(true, false),
    COOPERATIVE(true, false),
    PUBLIC_BODY(false, false),
    OTHER(false, false);

    private final boolean vcfseByForm;
    private final boolean needsCompanyNumber;

    OrganisationType(boolean vcfseByForm, boolean needsCompanyNumber) {
        this.vcfseByForm = vcfseByForm;
        this.needsCompanyNumber = needsCompanyNumber;
    }

    public boolean isVcfse(boolean declaredSocialEnterprise) {
        return vcfseByForm || declaredSocialEnterprise;
    }

    /** Forms registered at Companies House, which must give their company number. */
    public boolean needsCompanyNumber() {
        return needsCompanyNumber;
    }

    /** Charitable forms, which must give their charity number (exempt charities aside). */
    public boolean isCharity() {
        return this == CIO || this == CHARITABLE_COMPANY || this == UNINCORPORATED_CHARITY;
    }
}
