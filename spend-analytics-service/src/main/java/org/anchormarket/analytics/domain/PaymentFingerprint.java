package org.anchormarket.analytics.domain;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What makes a payment line the same payment when it is loaded again: its date, amount, payee and transaction number,
 * each as read (so a file re-saved in another encoding, with other quoting or amount formatting, or with columns added
 * or removed around them, gives the same fingerprints). Two lines alike in all four within one file are two payments
 * (split invoices), told apart by their {@link Occurrences occurrence}: the second is occurrence 1 wherever it is
 * loaded from, so the anchor's key (fingerprint, occurrence) is met again only by the same payment.
 */
public final class PaymentFingerprint {

    private PaymentFingerprint() {
    }

    /** The first 128 bits of the SHA-256 of the fields, as a UUID (Postgres keeps it in 16 bytes). */
    public static UUID of(LocalDate date, BigDecimal amount, String payee, String transaction) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        // Each field ends with a character no field holds, so no two field lists give the same text
        String text = date + "\u0000" + amount.setScale(2).toPlainString() + "\u0000" + same(payee) + "\u0000"
                + same(transaction);
        ByteBuffer digest = ByteBuffer.wrap(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        return new UUID(digest.getLong(), digest.getLong());
    }

    /** Case and runs of spaces are how re-saving files changes text; nothing else is. */
    private static String same(String value) {
        return value == null ? "" : value.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    /** Counts the fingerprints of one file as it is read: which occurrence of its fingerprint each line is. */
    public static final class Occurrences {
        private final Map<UUID, int[]> seen = new HashMap<>();

        /** 0 for the first line with {@code fingerprint}, 1 for the second, ... */
        public int next(UUID fingerprint) {
            return seen.computeIfAbsent(fingerprint, f -> new int[1])[0]++;
        }
    }
}
