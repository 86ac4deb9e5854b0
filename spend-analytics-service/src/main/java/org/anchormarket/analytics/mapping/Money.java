package org.anchormarket.analytics.mapping;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Amounts as spend files write them, read exactly (decimal, never floating point): {@code 1234.5}, {@code £1,234.50},
 * {@code "1,234.50"}, {@code -75.00}, credit notes as {@code (75.00)}, {@code 75.00-} or {@code 75.00 CR}. An amount
 * with fractions of a penny is refused rather than rounded, so totals stay exact to the penny.
 */
public final class Money {

    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d*)?|\\.\\d+");

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

    private static Read read(String text) {
        if (text == null || text.isBlank()) {
            return new Read(null, "has no amount");
        }
        String t = text.strip().replace("\"", "").replace("'", "").strip();
        boolean negative = false;
        if (t.startsWith("(") && t.endsWith(")")) {
            negative = true;
            t = t.substring(1, t.length() - 1).strip();
        }
        if (t.toUpperCase(java.util.Locale.ROOT).endsWith("CR")) {
            negative = true;
            t = t.substring(0, t.length() - 2).strip();
        }
        if (t.endsWith("-")) {
            negative = true;
            t = t.substring(0, t.length() - 1).strip();
        }
        if (t.startsWith("-")) {
            negative = true;
            t = t.substring(1).strip();
        }
        if (t.startsWith("£")) {
            t = t.substring(1).strip();
            if (t.startsWith("-") && !negative) { // £-12.00
                negative = true;
                t = t.substring(1).strip();
            }
        }
        if (t.contains(",")) { // thousands separators, only between groups of three digits
            if (!t.matches("\\d{1,3}(,\\d{3})+(\\.\\d*)?")) {
                return new Read(null, "has an amount that is not a number: " + shorten(text));
            }
            t = t.replace(",", "");
        }
        if (!NUMBER.matcher(t).matches()) {
            return new Read(null, "has an amount that is not a number: " + shorten(text));
        }
        BigDecimal amount = new BigDecimal(t);
        if (amount.stripTrailingZeros().scale() > 2) {
            return new Read(null, "has an amount in fractions of a penny: " + shorten(text));
        }
        amount = amount.setScale(2);
        return new Read(negative ? amount.negate() : amount, null);
    }

    private static String shorten(String text) {
        String s = text.strip();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
