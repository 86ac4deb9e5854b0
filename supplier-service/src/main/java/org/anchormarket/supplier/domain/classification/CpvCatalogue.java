package org.anchormarket.supplier.domain.classification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The CPV 2008 codes suppliers may name. With the full published list loaded every code is checked; with only the
 * shipped seed (the 45 divisions) a code is accepted when its division exists.
 */
public final class CpvCatalogue {

    static final String DIVISIONS_SEED = "/reference/cpv-divisions.csv";

    private final Set<String> codes;
    private final boolean complete;

    private CpvCatalogue(Set<String> codes, boolean complete) {
        this.codes = Set.copyOf(codes);
        this.complete = complete;
    }

    /** The full list from the published CSV (column {@code code8}, or {@code code} without its check digit). */
    public static CpvCatalogue fromPublishedCsv(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Set<String> codes = new HashSet<>();
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                String code8 = row.isMapped("code8") ? row.get("code8") : row.get("code").substring(0, 8);
                codes.add(code8);
            }
            if (codes.isEmpty()) {
                throw new IllegalArgumentException(file + " holds no CPV codes");
            }
            return new CpvCatalogue(codes, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the CPV list " + file, e);
        }
    }

    public static CpvCatalogue divisionsSeed() {
        try (InputStream in = CpvCatalogue.class.getResourceAsStream(DIVISIONS_SEED);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Set<String> codes = new HashSet<>();
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setCommentMarker('#').get().parse(reader)) {
                codes.add(row.get("code"));
            }
            return new CpvCatalogue(codes, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 45210000} or {@code 45210000-2} → {@code 45210000}. */
    public static String code8(String code) {
        return code.length() > 8 ? code.substring(0, 8) : code;
    }

    public boolean isKnown(String code) {
        String c = code8(code);
        return complete ? codes.contains(c) : codes.contains(c.substring(0, 2) + "000000");
    }

    public boolean isComplete() {
        return complete;
    }

    public int size() {
        return codes.size();
    }
}
