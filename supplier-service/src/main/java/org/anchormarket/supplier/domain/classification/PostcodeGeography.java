package org.anchormarket.supplier.domain.classification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Places a UK postcode relative to Wigan borough from the shipped, hand-made seed
 * ({@code reference/postcode-geography.csv}): in-borough districts and sectors with their towns, the sectors of
 * districts that straddle the boundary, and the postcode districts of Greater Manchester and the North West.
 * Exact unit-level answers (local authority and ward) come from the ONS Postcode Directory when imported.
 */
public final class PostcodeGeography {

    static final String SEED = "/reference/postcode-geography.csv";

    /** Postcode areas wholly or mostly in North West England (exceptions are listed in the seed). */
    private static final Set<String> NORTH_WEST_AREAS = Set.of("BB", "BL", "CA", "CH", "CW", "FY", "L", "LA", "M",
            "OL", "PR", "SK", "WA", "WN");

    /** Key: an area ({@code M}), a district ({@code WN5}) or a sector ({@code WN5 7}); the narrowest wins. */
    private final Map<String, Entry> entries;

    record Entry(Locality locality, String town) {
    }

    /** Names what this geography was made from, so a classification can tell when it is out of date. */
    private final String fingerprint;

    private PostcodeGeography(Map<String, Entry> entries, String fingerprint) {
        this.entries = entries;
        this.fingerprint = fingerprint;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public static PostcodeGeography seed() {
        try (InputStream in = PostcodeGeography.class.getResourceAsStream(SEED)) {
            if (in == null) {
                throw new IllegalStateException(SEED + " is missing");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PostcodeGeography parse(InputStream in) throws IOException {
        Map<String, Entry> entries = new HashMap<>();
        byte[] content = in.readAllBytes();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(content);
        try (Reader reader = new InputStreamReader(new java.io.ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setCommentMarker('#').setIgnoreSurroundingSpaces(true).get().parse(reader)) {
                String town = row.get("town");
                entries.put(row.get("key"), new Entry(Locality.valueOf(row.get("locality")),
                        town == null || town.isBlank() ? null : town));
            }
        }
        return new PostcodeGeography(Map.copyOf(entries), "seed-" + Long.toHexString(crc.getValue()));
    }

    /** Where the postcode is: the sector's entry, else the district's, else the area's, else by area's region. */
    public Place place(Postcode postcode) {
        Entry entry = Optional.ofNullable(entries.get(postcode.sector()))
                .or(() -> Optional.ofNullable(entries.get(postcode.district())))
                .orElseGet(() -> entries.get(postcode.area()));
        if (entry != null) {
            return new Place(entry.locality(), entry.locality() == Locality.IN_BOROUGH ? entry.town() : null, null);
        }
        return Place.of(NORTH_WEST_AREAS.contains(postcode.area()) ? Locality.NORTH_WEST : Locality.REST_OF_UK);
    }
}
