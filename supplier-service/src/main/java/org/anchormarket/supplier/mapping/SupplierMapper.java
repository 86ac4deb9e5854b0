package org.anchormarket.supplier.mapping;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.anchormarket.contracts.supplier.model.Classification;
import org.anchormarket.contracts.supplier.model.Locality;
import org.anchormarket.contracts.supplier.model.OrganisationType;
import org.anchormarket.contracts.supplier.model.SizeBand;
import org.anchormarket.contracts.supplier.model.SupplierRegistration;
import org.anchormarket.contracts.supplier.model.VerificationStatus;
import org.anchormarket.supplier.domain.Branch;
import org.anchormarket.supplier.domain.Supplier;
import org.anchormarket.supplier.service.SupplierDraft;

/** API ↔ domain. */
public final class SupplierMapper {

    private SupplierMapper() {
    }

    public static SupplierDraft toDraft(SupplierRegistration r) {
        return new SupplierDraft(r.getLegalName(), r.getTradingName(),
                org.anchormarket.supplier.domain.classification.OrganisationType.valueOf(r.getOrganisationType().name()),
                r.getCompanyNumber(), r.getCharityNumber(), r.getCountry(), r.getPostcode(), r.getAddressLines(),
                r.getBranches() == null ? List.of() : r.getBranches().stream()
                        .map(b -> new SupplierDraft.BranchDraft(b.getPostcode(), b.getAddressLines())).toList(),
                r.getEmployees(), r.getAnnualTurnover(), r.getBalanceSheetTotal(), r.getCpvCodes(), r.getEmail(),
                r.getPhone(), r.getWebsite() == null ? null : r.getWebsite().toString(), r.getDescription(),
                Boolean.TRUE.equals(r.getSocialEnterprise()), r.getPaysRealLivingWage(), r.getLocalStaffShare());
    }

    public static org.anchormarket.contracts.supplier.model.Supplier toApi(Supplier s) {
        return new org.anchormarket.contracts.supplier.model.Supplier()
                .id(s.id)
                .legalName(s.legalName)
                .tradingName(s.tradingName)
                .organisationType(OrganisationType.fromValue(s.organisationType.name()))
                .companyNumber(s.companyNumber)
                .charityNumber(s.charityNumber)
                .country(s.country)
                .postcode(s.postcode)
                .addressLines(lines(s.addressLines))
                .branches(s.branches.stream().map(SupplierMapper::toApi).toList())
                .employees(s.employees)
                .annualTurnover(s.annualTurnover)
                .balanceSheetTotal(s.balanceSheetTotal)
                .cpvCodes(List.copyOf(s.cpvCodes))
                .email(s.email)
                .phone(s.phone)
                .website(s.website == null ? null : java.net.URI.create(s.website))
                .description(s.description)
                .socialEnterprise(s.socialEnterprise)
                .paysRealLivingWage(s.paysRealLivingWage)
                .localStaffShare(s.localStaffShare)
                .status(VerificationStatus.fromValue(s.status.name()))
                .rejectionReason(s.rejectionReason)
                .classification(new Classification()
                        .locality(Locality.fromValue(s.locality.name()))
                        .town(s.town)
                        .ward(s.ward)
                        .sizeBand(SizeBand.fromValue(s.sizeBand.name()))
                        .sme(s.isSme())
                        .vcfse(s.vcfse)
                        .vcfseVerified(s.vcfseVerified))
                .registeredAt(s.registeredAt.atOffset(ZoneOffset.UTC))
                .updatedAt(s.updatedAt == null ? null : s.updatedAt.atOffset(ZoneOffset.UTC));
    }

    private static org.anchormarket.contracts.supplier.model.Branch toApi(Branch b) {
        return new org.anchormarket.contracts.supplier.model.Branch().postcode(b.postcode)
                .addressLines(lines(b.addressLines));
    }

    private static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }
}
