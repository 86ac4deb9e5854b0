package org.anchormarket.supplier.mapping;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.anchormarket.contracts.supplier.model.Classification;
import org.anchormarket.contracts.supplier.model.Locality;
import org.anchormarket.contracts.supplier.model.OrganisationType;
import org.anchormarket.contracts.supplier.model.SizeBand;
import org.anchormarket.contracts.supplier.model.SupplierChangeChangesInner;
import org.anchormarket.contracts.supplier.model.SupplierProfile;
import org.anchormarket.contracts.supplier.model.VerificationStatus;
import org.anchormarket.supplier.domain.Branch;
import org.anchormarket.supplier.domain.Supplier;
import org.anchormarket.supplier.domain.SupplierChange;
import org.anchormarket.supplier.domain.SupplierDraft;

/** API ↔ domain. */
public final class SupplierMapper {

    private SupplierMapper() {
    }

    /** Lays what the request gives over {@code base}: present fields replace, absent ones keep the base's. */
    public static SupplierDraft overlay(SupplierDraft base, SupplierProfile p) {
        return new SupplierDraft(
                or(p.getLegalName(), base.legalName()),
                or(p.getTradingName(), base.tradingName()),
                p.getOrganisationType() == null ? base.organisationType()
                        : org.anchormarket.supplier.domain.classification.OrganisationType
                                .valueOf(p.getOrganisationType().name()),
                or(p.getCompanyNumber(), base.companyNumber()),
                or(p.getCharityNumber(), base.charityNumber()),
                or(p.getCountry(), base.country()),
                or(p.getPostcode(), base.postcode()),
                or(p.getAddressLines(), base.addressLines()),
                p.getBranches() == null ? base.branches() : p.getBranches().stream()
                        .map(b -> new SupplierDraft.BranchDraft(b.getPostcode(), b.getAddressLines())).toList(),
                or(p.getEmployees(), base.employees()),
                or(p.getAnnualTurnover(), base.annualTurnover()),
                or(p.getBalanceSheetTotal(), base.balanceSheetTotal()),
                or(p.getCpvCodes(), base.cpvCodes()),
                or(p.getEmail(), base.email()),
                or(p.getPhone(), base.phone()),
                p.getWebsite() == null ? base.website() : p.getWebsite(),
                or(p.getDescription(), base.description()),
                or(p.getSocialEnterprise(), base.socialEnterprise()),
                or(p.getPaysRealLivingWage(), base.paysRealLivingWage()),
                or(p.getLocalStaffShare(), base.localStaffShare()));
    }

    private static <T> T or(T given, T otherwise) {
        return given != null ? given : otherwise;
    }

    public static org.anchormarket.contracts.supplier.model.Invitation toApi(
            org.anchormarket.supplier.domain.SupplierInvitation i) {
        return new org.anchormarket.contracts.supplier.model.Invitation()
                .id(i.id)
                .supplierId(i.supplierId)
                .email(i.email)
                .status(org.anchormarket.contracts.supplier.model.Invitation.StatusEnum
                        .fromValue(i.status(java.time.Instant.now()).name()))
                .invitedAt(i.invitedAt.atOffset(ZoneOffset.UTC))
                .expiresAt(i.expiresAt.atOffset(ZoneOffset.UTC))
                .acceptedAt(i.acceptedAt == null ? null : i.acceptedAt.atOffset(ZoneOffset.UTC));
    }

    /** A recorded change as the API shows it. */
    public static org.anchormarket.contracts.supplier.model.SupplierChange toApi(SupplierChange change) {
        return new org.anchormarket.contracts.supplier.model.SupplierChange()
                .changedAt(change.changedAt.atOffset(ZoneOffset.UTC))
                .changedBy(change.changedBy)
                .changes(change.changes.stream().map(c -> new SupplierChangeChangesInner()
                        .field(String.valueOf(c.get("field"))).from(c.get("from")).to(c.get("to"))).toList());
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
                .website(s.website)
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
                .updatedAt(s.updatedAt == null ? null : s.updatedAt.atOffset(ZoneOffset.UTC))
                .erasedAt(s.erasedAt == null ? null : s.erasedAt.atOffset(ZoneOffset.UTC))
                .bidReady(s.bidReadySince != null)
                .bidReadySince(s.bidReadySince == null ? null : s.bidReadySince.atOffset(ZoneOffset.UTC));
    }

    private static org.anchormarket.contracts.supplier.model.Branch toApi(Branch b) {
        return new org.anchormarket.contracts.supplier.model.Branch().postcode(b.postcode)
                .addressLines(lines(b.addressLines));
    }

    private static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }
}
