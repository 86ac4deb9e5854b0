package org.anchormarket.supplier.domain.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The ONS Postcode Directory (ONSPD) as published: one row a postcode unit with the codes of the areas it lies in.
 * Read for the North West region only (what the borough, Greater Manchester and North West answers need; the rest
 * of the UK is told apart by postcode area), live postcodes only (no termination date).
 *
 * <p>Both published header styles are read: the long-standing one ({@code pcds, doterm, oslaua, osward, rgn}) and
 * the dated codes of newer editions ({@code pcds, doterm, lad25cd, wd25cd, rgn25cd}). Ward names are not in the
 * directory; they come from the ONS ward-to-local-authority lookup ({@code wdNNcd, wdNNnm}) when given.
 */
public final class OnsPostcodeDirectory {

    /** ONS code of the North West region. */
    static final String NORTH_WEST = "E12000002";

    /** A postcode unit's local authority district and electoral ward (GSS codes), and the ward's name if known. */
    public record Unit(String localAuthority, String wardCode, String wardName) {
    }

    private final Map<String, Unit> units;
    private final String fingerprint;

    private OnsPostcodeDirectory(Map<String, Unit> units, String fingerprint) {
        this.units = units;
        this.fingerprint = fingerprint;
    }

    public int size() {
        return units.size();
    }

    /** Names the files read (name, size, modification time): another edition gives another fingerprint. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The unit, for a live North West postcode in the directory. */
    public Optional<Unit> unit(Postcode postcode) {
        return Optional.ofNullable(units.get(postcode.toString()));
    }

    /** Reads the directory CSV, and ward names from the ONS ward lookup CSV when given. */
    public static OnsPostcodeDirectory load(Path directory, Optional<Path> wardLookup) {
        Map<String, String> wardNames = wardLookup.map(OnsPostcodeDirectory::wardNames).orElse(Map.of());
        Map<String, Unit> units = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(directory, StandardCharsets.UTF_8)) {
            String headerLine = reader.readLine();
            if (headerLine == null) {
                throw new IllegalArgumentException(directory + " is empty");
            }
            Columns columns = Columns.of(parseLine(headerLine.replace("\uFEFF", "")), directory);
            String line;
            while ((line = reader.readLine()) != null) {
                // Cheap test first: a North West row names the region's code somewhere on its line.
                if (!line.contains(NORTH_WEST)) {
                    continue;
                }
                List<String> row = parseLine(line);
                if (row.size() <= columns.max() || !NORTH_WEST.equals(row.get(columns.region()))
                        || !row.get(columns.terminated()).isBlank()) {
                    continue;
                }
                Optional<Postcode> postcode = Postcode.parse(row.get(columns.postcode()));
                if (postcode.isEmpty()) {
                    continue;
                }
                String ward = row.get(columns.ward()).strip();
                units.put(postcode.get().toString(), new Unit(row.get(columns.localAuthority()).strip(), ward,
                        wardNames.getOrDefault(ward, ward)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ONS Postcode Directory " + directory, e);
        }
        return new OnsPostcodeDirectory(Map.copyOf(units), "onspd-" + describe(directory)
                + wardLookup.map(w -> "+wards-" + describe(w)).orElse(""));
    }

    /** Ward code → name from an ONS lookup with {@code wdNNcd} and {@code wdNNnm} columns. */
    static Map<String, String> wardNames(Path lookup) {
        Map<String, String> names = new HashMap<>();
        try (var reader = Files.newBufferedReader(lookup, StandardCharsets.UTF_8)) {
            var records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
            List<String> header = records.getHeaderNames().stream()
                    .map(h -> h.replace("\uFEFF", "").toLowerCase(Locale.ROOT)).toList();
            int code = find(header, Pattern.compile("wd\\d\\dcd"), lookup, "wdNNcd");
            int name = find(header, Pattern.compile("wd\\d\\dnm"), lookup, "wdNNnm");
            for (CSVRecord row : records) {
                names.put(row.get(code).strip(), row.get(name).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ward lookup " + lookup, e);
        }
        return names;
    }

    private record Columns(int postcode, int terminated, int localAuthority, int ward, int region) {

        static Columns of(List<String> rawHeader, Path file) {
            List<String> header = rawHeader.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            return new Columns(
                    find(header, Pattern.compile("pcds|pcd|pcd7|pcd8"), file, "pcds"),
                    find(header, Pattern.compile("doterm"), file, "doterm"),
                    find(header, Pattern.compile("oslaua|lad\\d\\dcd"), file, "oslaua or ladNNcd"),
                    find(header, Pattern.compile("osward|wd\\d\\dcd"), file, "osward or wdNNcd"),
                    find(header, Pattern.compile("rgn|rgn\\d\\dcd"), file, "rgn or rgnNNcd"));
        }

        int max() {
            return Math.max(Math.max(postcode, terminated), Math.max(Math.max(localAuthority, ward), region));
        }
    }

    /** The first column matching, preferring the earlier alternatives of the pattern. */
    private static int find(List<String> header, Pattern pattern, Path file, String what) {
        String[] alternatives = pattern.pattern().split("\\|");
        for (String alternative : alternatives) {
            Pattern p = Pattern.compile(alternative);
            for (int i = 0; i < header.size(); i++) {
                if (p.matcher(header.get(i)).matches()) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException(file + " has no " + what + " column; is it the ONS published layout?");
    }

    private static List<String> parseLine(String line) throws IOException {
        try (var parser = CSVFormat.DEFAULT.parse(new StringReader(line))) {
            return parser.getRecords().get(0).toList();
        }
    }

    private static String describe(Path file) {
        try {
            return file.getFileName() + "-" + Files.size(file) + "-" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
