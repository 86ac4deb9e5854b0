package org.anchormarket.tender.domain;

import java.util.Optional;

/**
 * Who may take part in a competition reserved under the Procurement Act 2023 (as amended in 2026): suppliers in the
 * borough, SMEs and VCFSE organisations, or both at once. Reserved competitions are for verified organisations, since
 * the classification they rest on is checked at verification.
 */
public enum Reservation {
    NONE, LOCAL, SME_VCFSE, LOCAL_SME_VCFSE;

    /**
     * The same rule as {@link #refuses} as an SQL condition on a {@code known_supplier} row aliased {@code s}, for
     * finding every supplier a new opportunity is for in one statement. Keep the two together.
     */
    public String sqlAdmits(String s) {
        String base = s + ".erased_at is null and coalesce(" + s + ".status, 'PENDING') <> 'REJECTED'";
        String verified = base + " and " + s + ".status = 'VERIFIED'";
        String local = s + ".locality = 'IN_BOROUGH'";
        String smeOrVcfse = "(" + s + ".sme or " + s + ".vcfse)";
        return switch (this) {
            case NONE -> base;
            case LOCAL -> verified + " and " + local;
            case SME_VCFSE -> verified + " and " + smeOrVcfse;
            case LOCAL_SME_VCFSE -> verified + " and " + local + " and " + smeOrVcfse;
        };
    }

    /** Why this organisation may not ask or bid, or empty when it may. */
    public Optional<String> refuses(KnownSupplier s) {
        if (s.erasedAt != null) {
            return Optional.of("Your organisation's registration was erased");
        }
        if ("REJECTED".equals(s.status)) {
            return Optional.of("Your organisation's registration was rejected; it cannot take part in tenders");
        }
        if (this == NONE) {
            return Optional.empty();
        }
        if (!"VERIFIED".equals(s.status)) {
            return Optional.of("This competition is reserved; your organisation takes part once its registration "
                    + "is verified");
        }
        boolean local = "IN_BOROUGH".equals(s.locality);
        boolean smeOrVcfse = s.sme || s.vcfse;
        return switch (this) {
            case LOCAL -> local ? Optional.empty()
                    : Optional.of("This competition is reserved for suppliers based in Wigan borough");
            case SME_VCFSE -> smeOrVcfse ? Optional.empty()
                    : Optional.of("This competition is reserved for SMEs and VCFSE organisations");
            case LOCAL_SME_VCFSE -> local && smeOrVcfse ? Optional.empty()
                    : Optional.of("This competition is reserved for SMEs and VCFSE organisations based in Wigan "
                            + "borough");
            case NONE -> Optional.empty();
        };
    }
}
