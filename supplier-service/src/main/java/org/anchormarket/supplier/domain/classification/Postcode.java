package org.anchormarket.supplier.domain.classification;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UK postcode split as the postal geography does: area {@code WN}, district {@code WN5}, sector {@code WN5 9},
 * unit {@code WN5 9XX}.
 */
public record Postcode(String area, String district, String sector, String unit) {

    private static final Pattern FORMAT = Pattern.compile("^([A-Z]{1,2})([0-9][A-Z0-9]?) ?([0-9])([A-Z]{2})$");

    /** Parses any spacing and case; empty when it is not a UK postcode. */
    public static Optional<Postcode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String compact = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        Matcher m = FORMAT.matcher(compact);
        if (!m.matches()) {
            return Optional.empty();
        }
        String district = m.group(1) + m.group(2);
        return Optional.of(new Postcode(m.group(1), district, district + " " + m.group(3),
                district + " " + m.group(3) + m.group(4)));
    }

    @Override
    public String toString() {
        return unit;
    }
}
