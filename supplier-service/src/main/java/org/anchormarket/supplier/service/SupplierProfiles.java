package org.anchormarket.supplier.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.supplier.domain.Branch;
import org.anchormarket.supplier.domain.Supplier;
import org.anchormarket.supplier.domain.SupplierDraft;
import org.anchormarket.supplier.domain.classification.CpvCatalogue;
import org.anchormarket.supplier.domain.classification.RegistryNumbers;

/** A supplier's profile laid onto the entity, read back as a draft, and compared field by field for history. */
final class SupplierProfiles {

    private SupplierProfiles() {
    }

    /** Fields whose change calls for verification again. */
    static final java.util.Set<String> IDENTITY = java.util.Set.of("legalName", "organisationType",
            "companyNumber", "charityNumber");

    /** Sets every profile field from the draft, normalised. */
    static void apply(Supplier s, SupplierDraft d) {
        s.legalName = d.legalName().strip();
        s.tradingName = strip(d.tradingName());
        s.organisationType = d.organisationType();
        s.companyNumber = normalisedCompanyNumber(d);
        s.charityNumber = normalisedCharityNumber(d);
        s.country = SupplierClassifier.country(d);
        s.postcode = "GB".equals(s.country) ? Supplier.normalisePostcode(d.postcode()) : d.postcode().strip();
        s.addressLines = String.join("\n", d.addressLines());
        s.branches.clear();
        if (d.branches() != null) {
            d.branches().forEach(b -> s.branches.add(new Branch(Supplier.normalisePostcode(b.postcode()),
                    b.addressLines() == null ? "" : String.join("\n", b.addressLines()))));
        }
        s.employees = d.employees();
        s.annualTurnover = pounds(d.annualTurnover());
        s.balanceSheetTotal = pounds(d.balanceSheetTotal());
        s.cpvCodes.clear();
        if (d.cpvCodes() != null) {
            d.cpvCodes().forEach(c -> s.cpvCodes.add(CpvCatalogue.code8(c)));
        }
        s.email = d.email().strip();
        s.phone = strip(d.phone());
        s.website = strip(d.website());
        s.description = strip(d.description());
        s.socialEnterprise = Boolean.TRUE.equals(d.socialEnterprise());
        s.paysRealLivingWage = d.paysRealLivingWage();
        s.localStaffShare = d.localStaffShare();
    }

    /** The stored profile as a draft, for an update to be laid over. */
    static SupplierDraft current(Supplier s) {
        return new SupplierDraft(s.legalName, s.tradingName, s.organisationType, s.companyNumber, s.charityNumber,
                s.country, s.postcode, lines(s.addressLines),
                s.branches.stream().map(b -> new SupplierDraft.BranchDraft(b.postcode, lines(b.addressLines)))
                        .toList(),
                s.employees, s.annualTurnover, s.balanceSheetTotal, List.copyOf(s.cpvCodes), s.email, s.phone,
                s.website, s.description, s.socialEnterprise, s.paysRealLivingWage, s.localStaffShare);
    }

    static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }

    /** Every field a person can see, by its API name, in comparable form: what history records. */
    static Map<String, Object> snapshot(Supplier s) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("legalName", s.legalName);
        m.put("tradingName", s.tradingName);
        m.put("organisationType", s.organisationType.name());
        m.put("companyNumber", s.companyNumber);
        m.put("charityNumber", s.charityNumber);
        m.put("country", s.country);
        m.put("postcode", s.postcode);
        m.put("addressLines", lines(s.addressLines));
        m.put("branches", s.branches.stream().map(b -> b.postcode + (b.addressLines.isEmpty() ? ""
                : " (" + b.addressLines.replace("\n", ", ") + ")")).toList());
        m.put("employees", s.employees);
        m.put("annualTurnover", plain(s.annualTurnover));
        m.put("balanceSheetTotal", plain(s.balanceSheetTotal));
        m.put("cpvCodes", s.cpvCodes.stream().sorted().toList());
        m.put("email", s.email);
        m.put("phone", s.phone);
        m.put("website", s.website);
        m.put("description", s.description);
        m.put("socialEnterprise", s.socialEnterprise);
        m.put("paysRealLivingWage", s.paysRealLivingWage);
        m.put("localStaffShare", plain(s.localStaffShare));
        m.put("status", s.status == null ? null : s.status.name());
        m.put("rejectionReason", s.rejectionReason);
        m.put("locality", s.locality.name());
        m.put("town", s.town);
        m.put("ward", s.ward);
        m.put("sizeBand", s.sizeBand.name());
        m.put("vcfse", s.vcfse);
        m.put("vcfseVerified", s.vcfseVerified);
        return m;
    }

    static String plain(BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros().toPlainString();
    }

    static List<String> changedFields(Map<String, Object> before, Map<String, Object> after) {
        return after.keySet().stream().filter(k -> !java.util.Objects.equals(before.get(k), after.get(k))).toList();
    }

    static String normalisedCompanyNumber(SupplierDraft d) {
        return Optional.ofNullable(d.companyNumber()).filter(n -> !n.isBlank())
                .flatMap(n -> RegistryNumbers.companyNumber(n).value()).orElse(null);
    }

    static String normalisedCharityNumber(SupplierDraft d) {
        return Optional.ofNullable(d.charityNumber()).filter(n -> !n.isBlank())
                .flatMap(n -> RegistryNumbers.charityNumber(n).value()).orElse(null);
    }

    /** Refuses to change what was erased. */
    static void refuseErased(Supplier s) {
        if (s.erasedAt != null) {
            throw new DomainException.Conflict("Supplier " + s.id + " was erased at the sole trader's request", "id");
        }
    }

    static BigDecimal pounds(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }

    static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
