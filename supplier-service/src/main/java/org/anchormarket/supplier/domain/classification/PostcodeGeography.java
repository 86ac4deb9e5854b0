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
 * Exact unit-level answers (local authority and ward) come from the ONS Postcode Directory when the operator
 * provides it ({@link #withDirectory}).
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

    /** Exact unit-level answers, when the operator provided the ONS Postcode Directory. */
    private final Optional<OnsPostcodeDirectory> directory;

    /** Ward code → in-borough town (hand-made seed {@code reference/ward-towns.csv}). */
    private final Map<String, String> wardTowns;

    /** ONS code of Wigan metropolitan borough. */
    static final String WIGAN = "E08000010";

    /** ONS codes of the ten Greater Manchester districts (Bolton E08000001 ... Wigan E08000010). */
    private static final Set<String> GREATER_MANCHESTER = Set.of("E08000001", "E08000002", "E08000003",
            "E08000004", "E08000005", "E08000006", "E08000007", "E08000008", "E08000009", WIGAN);

    private PostcodeGeography(Map<String, Entry> entries, String fingerprint, Optional<OnsPostcodeDirectory> directory,
            Map<String, String> wardTowns) {
        this.entries = entries;
        this.fingerprint = fingerprint;
        this.directory = directory;
        this.wardTowns = wardTowns;
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** This geography with the ONS Postcode Directory's unit-level answers taking precedence. */
    public PostcodeGeography withDirectory(OnsPostcodeDirectory onspd) {
        return new PostcodeGeography(entries, fingerprint + ";" + onspd.fingerprint(), Optional.of(onspd),
                wardTowns);
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
        return new PostcodeGeography(Map.copyOf(entries), "seed-" + Long.toHexString(crc.getValue()),
                Optional.empty(), wardTowns());
    }

    private static Map<String, String> wardTowns() {
        Map<String, String> towns = new HashMap<>();
        try (InputStream in = PostcodeGeography.class.getResourceAsStream(WARD_TOWNS);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setCommentMarker('#').setIgnoreSurroundingSpaces(true).get().parse(reader)) {
                towns.put(row.get("ward_code"), row.get("town"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(towns);
    }

    static final String WARD_TOWNS = "/reference/ward-towns.csv";

    /**
     * Where the postcode is. With the ONS Postcode Directory, a live North West postcode is placed by its local
     * authority (Wigan: in the borough, with its ward and the ward's town; another Greater Manchester district;
     * else the North West). Otherwise, and for every other postcode, by the seed: the sector's entry, else the
     * district's, else the area's, else by the area's region.
     */
    public Place place(Postcode postcode) {
        Optional<OnsPostcodeDirectory.Unit> unit = directory.flatMap(d -> d.unit(postcode));
        if (unit.isPresent()) {
            return fromDirectory(postcode, unit.get());
        }
        return fromSeed(postcode);
    }

    private Place fromDirectory(Postcode postcode, OnsPostcodeDirectory.Unit unit) {
        if (WIGAN.equals(unit.localAuthority())) {
            String town = Optional.ofNullable(wardTowns.get(unit.wardCode()))
                    .orElseGet(() -> Optional.ofNullable(fromSeed(postcode).town()).orElse("Wigan"));
            String ward = unit.wardName() == null || unit.wardName().isBlank() ? null : unit.wardName();
            return new Place(Locality.IN_BOROUGH, town, ward);
        }
        return Place.of(GREATER_MANCHESTER.contains(unit.localAuthority()) ? Locality.GREATER_MANCHESTER
                : Locality.NORTH_WEST);
    }

    /** Where the postcode is: the sector's entry, else the district's, else the area's, else by area's region. */
    private Place fromSeed(Postcode postcode) {
        Entry entry = Optional.ofNullable(entries.get(postcode.sector()))
                .or(() -> Optional.ofNullable(entries.get(postcode.district())))
                .orElseGet(() -> entries.get(postcode.area()));
        if (entry != null) {
            return new Place(entry.locality(), entry.locality() == Locality.IN_BOROUGH ? entry.town() : null, null);
        }
        return Place.of(NORTH_WEST_AREAS.contains(postcode.area()) ? Locality.NORTH_WEST : Locality.REST_OF_UK);
    }
}
