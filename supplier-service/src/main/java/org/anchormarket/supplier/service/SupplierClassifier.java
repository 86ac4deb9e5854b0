package org.anchormarket.supplier.service;

import org.anchormarket.supplier.domain.SupplierDraft;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.anchormarket.chassis.domain.DomainException.Violation;
import org.anchormarket.supplier.config.SupplierConfig;
import org.anchormarket.supplier.domain.Branch;
import org.anchormarket.supplier.domain.Supplier;
import org.anchormarket.supplier.domain.classification.CpvCatalogue;
import org.anchormarket.supplier.domain.classification.Locality;
import org.anchormarket.supplier.domain.classification.OnsPostcodeDirectory;
import org.anchormarket.supplier.domain.classification.Place;
import org.anchormarket.supplier.domain.classification.Postcode;
import org.anchormarket.supplier.domain.classification.PostcodeGeography;
import org.anchormarket.supplier.domain.classification.RegistryNumbers;
import org.anchormarket.supplier.domain.classification.SizeBand;
import org.jboss.logging.Logger;

/**
 * Checks a registration against the rules no schema can express, and works out a supplier's classification:
 * locality (based or branched in the borough counts as local), town and ward, size band, VCFSE.
 */
@ApplicationScoped
public class SupplierClassifier {

    private static final Logger LOG = Logger.getLogger(SupplierClassifier.class);

    private final PostcodeGeography geography;
    private final CpvCatalogue cpv;

    SupplierClassifier(SupplierConfig config) {
        this.cpv = config.referenceData().cpvFile()
                .filter(java.nio.file.Files::isReadable)
                .map(CpvCatalogue::fromPublishedCsv)
                .orElseGet(CpvCatalogue::divisionsSeed);
        LOG.infof("CPV catalogue: %d codes (%s)", cpv.size(), cpv.isComplete() ? "full list" : "divisions seed");
        this.geography = config.referenceData().onspdFile().map(file -> {
            long start = System.nanoTime();
            OnsPostcodeDirectory onspd = OnsPostcodeDirectory.load(file, config.referenceData().wardNamesFile());
            LOG.infof("ONS Postcode Directory %s: %d live North West postcodes read in %d ms", file, onspd.size(),
                    (System.nanoTime() - start) / 1_000_000);
            return PostcodeGeography.seed().withDirectory(onspd);
        }).orElseGet(() -> {
            LOG.info("No ONS Postcode Directory configured: postcodes placed by the hand-made sector seed, no wards");
            return PostcodeGeography.seed();
        });
    }

    /**
     * The version of the rules below; raise it whenever {@link #classify} would answer differently for the same
     * supplier, and every stored classification is worked out again at start-up.
     */
    static final int RULES_VERSION = 1;

    /** What a classification made now is based on: the rules' version and the reference data loaded. */
    public String basis() {
        return "rules-" + RULES_VERSION + ";" + geography.fingerprint();
    }

    /** What the API's spec also says of a website: http or https, a host with a dot, no spaces. */
    private static final java.util.regex.Pattern WEB_ADDRESS = java.util.regex.Pattern.compile(
            "^https?://[^\\s/?#]+\\.[^\\s]+$", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Every rule the draft breaks, each naming its field; empty when it may be stored. */
    public List<Violation> problems(SupplierDraft draft) {
        List<Violation> errors = new ArrayList<>();
        if ("GB".equals(country(draft)) && Postcode.parse(draft.postcode()).isEmpty()) {
            errors.add(new Violation("postcode", "is not a UK postcode"));
        }
        List<SupplierDraft.BranchDraft> branches = draft.branches() == null ? List.of() : draft.branches();
        for (int i = 0; i < branches.size(); i++) {
            if (Postcode.parse(branches.get(i).postcode()).isEmpty()) {
                errors.add(new Violation("branches[" + i + "].postcode", "is not a UK postcode"));
            }
        }
        if (!blank(draft.website()) && !WEB_ADDRESS.matcher(draft.website().strip()).matches()) {
            errors.add(new Violation("website", "is not a web address starting http:// or https://"));
        }
        if (blank(draft.legalName())) {
            errors.add(new Violation("legalName", "is required"));
        }
        if (draft.email() != null && !draft.email().isEmpty() && blank(draft.email())) {
            errors.add(new Violation("email", "must not be blank"));
        }
        if (blank(draft.companyNumber())) {
            if (draft.organisationType().needsCompanyNumber()) {
                errors.add(new Violation("companyNumber", "is required for a " + draft.organisationType()));
            }
        } else {
            RegistryNumbers.Result r = RegistryNumbers.companyNumber(draft.companyNumber());
            if (r.problem() != null) {
                errors.add(new Violation("companyNumber", r.problem()));
            }
        }
        if (blank(draft.charityNumber())) {
            if (draft.organisationType().isCharity()) {
                errors.add(new Violation("charityNumber", "is required for a " + draft.organisationType()));
            }
        } else {
            RegistryNumbers.Result r = RegistryNumbers.charityNumber(draft.charityNumber());
            if (r.problem() != null) {
                errors.add(new Violation("charityNumber", r.problem()));
            }
        }
        List<String> codes = draft.cpvCodes() == null ? List.of() : draft.cpvCodes();
        for (int i = 0; i < codes.size(); i++) {
            if (!cpv.isKnown(codes.get(i))) {
                errors.add(new Violation("cpvCodes[" + i + "]", "is not a CPV 2008 code: " + codes.get(i)));
            }
        }
        return errors;
    }

    /** Sets the supplier's classification from its current fields. */
    public void classify(Supplier supplier) {
        Place registered = "GB".equals(supplier.country)
                ? Postcode.parse(supplier.postcode).map(geography::place).orElse(Place.of(Locality.REST_OF_UK))
                : Place.of(Locality.OUTSIDE_UK);
        List<Place> places = new ArrayList<>();
        places.add(registered);
        for (Branch branch : supplier.branches) {
            Postcode.parse(branch.postcode).map(geography::place).ifPresent(places::add);
        }
        // The nearest place counts: a branch in the borough makes the supplier local. Town and ward from the
        // registered address when it is in the borough, else from the first branch that is.
        Place nearest = places.stream().min(Comparator.comparing(Place::locality)).orElseThrow();
        Optional<Place> inBorough = places.stream().filter(p -> p.locality() == Locality.IN_BOROUGH).findFirst();
        supplier.locality = nearest.locality();
        supplier.town = inBorough.map(Place::town).orElse(null);
        supplier.ward = inBorough.map(Place::ward).orElse(null);
        supplier.sizeBand = SizeBand.of(supplier.employees, supplier.annualTurnover, supplier.balanceSheetTotal);
        boolean vcfse = supplier.organisationType.isVcfse(supplier.socialEnterprise);
        if (!vcfse) {
            supplier.vcfseVerified = false;
        }
        supplier.vcfse = vcfse;
        supplier.classifiedWith = basis();
    }

    static String country(SupplierDraft draft) {
        return draft.country() == null || draft.country().isBlank() ? "GB" : draft.country();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
