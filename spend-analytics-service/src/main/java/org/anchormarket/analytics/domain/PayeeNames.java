package org.anchormarket.analytics.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A payee's name as matching compares it: "A.B. Smith & Sons Ltd.", "A B SMITH AND SONS LIMITED" and "a b smith &
 * sons limited" are one payee. Accents, case, punctuation and spacing do not count; "&" is "and"; a leading "The"
 * and the legal form at the end (Ltd, Limited, PLC, LLP, CIC and the like) are left out.
 */
public final class PayeeNames {

    /** Legal forms at the end of a name, as written out or abbreviated (after punctuation became spaces). */
    private static final Pattern LEGAL_FORM = Pattern.compile(
            "( (LTD|LIMITED|PLC|P L C|LLP|L L P|LP|CIC|C I C|CIO|C I O|INC|INCORPORATED|CO LTD|COMPANY LIMITED"
                    + "|COMMUNITY INTEREST COMPANY|CHARITABLE INCORPORATED ORGANISATION|UK LTD|UK LIMITED))+$");

    private PayeeNames() {
    }

    /** The matching key of {@code name}; null for no name. */
    public static String key(String name) {
        if (name == null) {
            return null;
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toUpperCase(Locale.ROOT).replace("&", " AND ").replaceAll("[^A-Z0-9]+", " ").strip();
        String key = LEGAL_FORM.matcher(plain).replaceFirst("");
        key = key.startsWith("THE ") ? key.substring(4) : key;
        key = key.strip();
        return key.isEmpty() ? (plain.isEmpty() ? null : plain) : key;
    }
}
