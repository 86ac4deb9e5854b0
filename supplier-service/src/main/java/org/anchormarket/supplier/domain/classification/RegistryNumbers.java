package org.anchormarket.supplier.domain.classification;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Formats of Companies House and charity numbers. Companies House: eight characters, either eight digits (England
 * and Wales companies) or a known two-letter prefix and six digits (SC Scotland, NI Northern Ireland, OC LLPs, ...;
 * prefixes as Companies House lists them). Charities: England and Wales registered numbers of 6 to 8 digits
 * (optionally with a -N subsidiary suffix); Scottish charities SC and six digits.
 */
public final class RegistryNumbers {

    private static final Set<String> COMPANY_PREFIXES = Set.of("AC", "ZC", "FC", "GE", "LP", "OC", "SE", "SA", "SZ",
            "SF", "GS", "SL", "SO", "SC", "ES", "NA", "NZ", "NF", "GN", "NL", "NC", "R0", "NI", "EN", "IP", "SP", "IC",
            "SI", "NP", "NV", "RC", "SR", "NR", "NO", "CE", "CS");
    private static final Pattern COMPANY = Pattern.compile("^(\\d{8}|[A-Z][A-Z0-9]\\d{6})$");
    private static final Pattern CHARITY_EW = Pattern.compile("^\\d{6,8}(-\\d{1,2})?$");
    private static final Pattern CHARITY_SCOTLAND = Pattern.compile("^SC\\d{6}$");

    private RegistryNumbers() {
    }

    /** The normalised company number (upper case, no spaces, short numbers zero-padded), or why it is invalid. */
    public static Result companyNumber(String raw) {
        String n = raw.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (n.matches("\\d{1,7}")) {
            n = "0".repeat(8 - n.length()) + n;
        }
        if (!COMPANY.matcher(n).matches()) {
            return Result.invalid("must be 8 characters: 8 digits, or a Companies House prefix and 6 digits");
        }
        if (!Character.isDigit(n.charAt(0)) && !COMPANY_PREFIXES.contains(n.substring(0, 2))) {
            return Result.invalid("has an unknown Companies House prefix " + n.substring(0, 2));
        }
        return Result.valid(n);
    }

    public static Result charityNumber(String raw) {
        String n = raw.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (CHARITY_EW.matcher(n).matches() || CHARITY_SCOTLAND.matcher(n).matches()) {
            return Result.valid(n);
        }
        return Result.invalid("must be an England and Wales charity number (6 to 8 digits) or a Scottish one (SC and "
                + "6 digits)");
    }

    public record Result(String normalised, String problem) {
        static Result valid(String normalised) {
            return new Result(normalised, null);
        }

        static Result invalid(String problem) {
            return new Result(null, problem);
        }

        public Optional<String> value() {
            return Optional.ofNullable(normalised);
        }
    }
}
