package org.anchormarket.analytics.domain.spendfile;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Amounts as spend files write them, read exactly (decimal, never floating point): {@code 1234.5}, {@code £1,234.50},
 * {@code "1,234.50"}, {@code -75.00}, credit notes as {@code (75.00)}, {@code 75.00-} or {@code 75.00 CR}. An amount
 * with fractions of a penny is refused rather than rounded, so totals stay exact to the penny.
 */
public final class Money {

    private Money() {
    }

    /** The amount, or empty when the text is not one (see {@link #problem(String)} for why). */
    public static Optional<BigDecimal> parse(String text) {
        Read read = read(text);
        return read.problem() == null ? Optional.of(read.amount()) : Optional.empty();
    }

    /** Why the text is not an amount, or null when it is one. */
    public static String problem(String text) {
        return read(text).problem();
    }

    private record Read(BigDecimal amount, String problem) {
    }

    /** At most this many digits before the point (a trillion pounds): longer is not an amount, and not parsed. */
    private static final int MOST_DIGITS = 13;
    private static final Pattern PLAIN = Pattern.compile("(\\d{1," + MOST_DIGITS + "})(?:\\.(\\d*))?|\\.(\\d+)");

    private static Read read(String text) {
        if (text == null || text.isBlank()) {
            return new Read(null, "has no amount");
        }
        if (text.length() > 64) {
            return new Read(null, "has an amount that is not a number: " + shorten(text));
        }
        // Quotes around it, Excel's leading apostrophe, non-breaking spaces (as Windows exports write after £)
        String t = text.replace('\u00a0', ' ').strip().replace("\"", "").strip();
        if (t.startsWith("'")) {
            t = t.substring(1).strip();
        }
        int signs = 0;
        if (t.startsWith("(") && t.endsWith(")")) {
            signs++;
            t = t.substring(1, t.length() - 1).strip();
        }
        if (t.toUpperCase(java.util.Locale.ROOT).endsWith("CR")) {
            signs++;
            t = t.substring(0, t.length() - 2).strip();
        }
        if (t.endsWith("-")) {
            signs++;
            t = t.substring(0, t.length() - 1).strip();
        }
        if (t.startsWith("-")) {
            signs++;
            t = t.substring(1).strip();
        } else if (t.startsWith("+")) {
            t = t.substring(1).strip();
        }
        if (t.startsWith("£")) {
            t = t.substring(1).strip();
            if (t.startsWith("-")) { // £-12.00
                signs++;
                t = t.substring(1).strip();
            }
        }
        if (signs > 1) {
            return new Read(null, "has an amount with two minus signs: " + shorten(text));
        }
        if (t.contains(",")) { // thousands separators, only between groups of three digits
            if (!t.matches("\\d{1,3}(,\\d{3}){1,4}(\\.\\d*)?")) {
                return new Read(null, "has an amount that is not a number: " + shorten(text));
            }
            t = t.replace(",", "");
        }
        java.util.regex.Matcher plain = PLAIN.matcher(t);
        if (!plain.matches()) {
            return new Read(null, "has an amount that is not a number: " + shorten(text));
        }
        String fraction = plain.group(2) != null ? plain.group(2) : plain.group(3) != null ? plain.group(3) : "";
        if (!fraction.matches("\\d{0,2}0*")) {
            return new Read(null, "has an amount in fractions of a penny: " + shorten(text));
        }
        String pounds = plain.group(1) != null ? plain.group(1) : "0";
        String pence = (fraction + "00").substring(0, 2);
        BigDecimal amount = new BigDecimal(pounds + "." + pence);
        return new Read(signs == 1 ? amount.negate() : amount, null);
    }

    private static String shorten(String text) {
        String s = text.strip();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
