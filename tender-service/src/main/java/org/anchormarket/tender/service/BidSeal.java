package org.anchormarket.tender.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.anchormarket.tender.config.TenderConfig;

/**
 * Seals bid contents with AES-256-GCM (the JDK's implementation): a fresh 96-bit nonce per sealing, the bid's tender,
 * lot and supplier as associated data (so a sealed value copied onto another bid's row does not open), the key from
 * configuration. Stored as nonce then ciphertext and tag.
 */
@ApplicationScoped
public class BidSeal {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys = new HashMap<>();

    BidSeal(TenderConfig config) {
        this.currentKeyId = config.bids().keyId();
        if (!currentKeyId.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalStateException("tender.bids.key-id must be 1 to 40 letters, digits, - or _: "
                    + currentKeyId);
        }
        keys.put(currentKeyId, key("tender.bids.key", config.bids().key()));
        config.bids().retiredKeys().forEach((id, value) -> {
            if (!id.equals(currentKeyId)) {
                keys.put(id, key("tender.bids.retired-keys." + id, value));
            }
        });
    }

    private static SecretKeySpec key(String name, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " must be base64 (of 32 random bytes)", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(name + " must be 32 bytes (AES-256), base64: it has " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** The sealed value and the name of the key that sealed it. */
    public record Sealed(String keyId, byte[] bytes) {
    }

    public Sealed seal(byte[] plain, UUID tenderId, UUID lotId, UUID supplierId) {
        return seal(plain, tenderId, lotId, supplierId, null);
    }

    /** Sealed and bound to its bid and to {@code part} (a file of the bid: its id and which part of it). */
    public Sealed seal(byte[] plain, UUID tenderId, UUID lotId, UUID supplierId, String part) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo(tenderId, lotId, supplierId, part));
            byte[] sealed = cipher.doFinal(plain);
            return new Sealed(currentKeyId, ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed)
                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal a bid", e);
        }
    }

    /** Whether this instance holds the very key {@code sealed} was made with (a check value of no bid). */
    public boolean opensCheck(Sealed sealed) {
        try {
            return java.util.Arrays.equals(CHECK, open(sealed, CHECK_ID, CHECK_ID, CHECK_ID));
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** A check value sealed with the current key. */
    public Sealed sealCheck() {
        return seal(CHECK, CHECK_ID, CHECK_ID, CHECK_ID);
    }

    private static final UUID CHECK_ID = new UUID(0, 0);
    private static final byte[] CHECK = "anchor-market bid key check".getBytes(StandardCharsets.UTF_8);

    /** The contents; fails if the key is unknown or the value was altered or belongs to another bid. */
    public byte[] open(Sealed sealed, UUID tenderId, UUID lotId, UUID supplierId) {
        return open(sealed, tenderId, lotId, supplierId, null);
    }

    /** A part of a bid (a file) sealed with {@link #seal(byte[], UUID, UUID, UUID, String)}. */
    public byte[] open(Sealed sealed, UUID tenderId, UUID lotId, UUID supplierId, String part) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("Bids sealed with key " + sealed.keyId()
                    + " cannot be opened: configure it as tender.bids.retired-keys." + sealed.keyId());
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.bytes(), 0, NONCE_BYTES));
            cipher.updateAAD(boundTo(tenderId, lotId, supplierId, part));
            return cipher.doFinal(sealed.bytes(), NONCE_BYTES, sealed.bytes().length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed bid does not open: altered, or not this bid's", e);
        }
    }

    /** The key names this instance can open bids of, the current one first. */
    public java.util.Set<String> keyIds() {
        var ids = new java.util.LinkedHashSet<String>();
        ids.add(currentKeyId);
        ids.addAll(keys.keySet());
        return ids;
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    private static byte[] boundTo(UUID tenderId, UUID lotId, UUID supplierId, String part) {
        return ("anchor-market bid " + tenderId + " " + lotId + " " + supplierId + (part == null ? "" : " " + part))
                .getBytes(StandardCharsets.UTF_8);
    }
}
