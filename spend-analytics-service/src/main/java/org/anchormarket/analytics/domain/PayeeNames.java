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

    /** "X t/a Y" (and "trading as"), once a key: the owner X and the trading name Y. */
    private static final Pattern TRADING_AS = Pattern.compile("^(.+?) (T A|TA|TRADING AS) (.+)$");

    /** The owner's key of a "X t/a Y" name (X), else null. */
    public static String ownerKey(String name) {
        String key = key(name);
        var parts = key == null ? null : TRADING_AS.matcher(key);
        return parts != null && parts.matches() ? key(parts.group(1)) : null;
    }

    /** The trading name's key of a "X t/a Y" name (Y), else null. */
    public static String tradingKey(String name) {
        String key = key(name);
        var parts = key == null ? null : TRADING_AS.matcher(key);
        return parts != null && parts.matches() ? key(parts.group(3)) : null;
    }

    /**
     * A Companies House number as the register writes it (8 characters: "4166647" is 04166647, "sc 12345" is
     * SC012345), or null when it cannot be one.
     */
    public static String companyNumber(String raw) {
        if (raw == null) {
            return null;
        }
        String plain = raw.toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
        if (plain.matches("0*")) {
            return null;
        }
        if (plain.matches("\\d{1,8}")) {
            return "0".repeat(8 - plain.length()) + plain;
        }
        if (plain.matches("[A-Z]{2}\\d{1,6}")) {
            return plain.substring(0, 2) + "0".repeat(8 - plain.length()) + plain.substring(2);
        }
        return null;
    }

    /** A charity number without spaces or a subsidiary's suffix ("1012345-1" is 1012345), or null. */
    public static String charityNumber(String raw) {
        if (raw == null) {
            return null;
        }
        String plain = raw.toUpperCase(Locale.ROOT).replaceAll("\\s+", "").replaceFirst("-\\d+$", "");
        return plain.matches("\\d{6,8}|SC\\d{6}") ? plain : null;
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
