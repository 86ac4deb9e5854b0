package org.anchormarket.supplier.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.anchormarket.chassis.domain.DomainException.Violation;
import org.anchormarket.chassis.problem.Problem.FieldError;
import org.anchormarket.chassis.problem.ProblemException;
import org.anchormarket.chassis.problem.ProblemMappers;
import org.anchormarket.contracts.supplier.model.SupplierProfile;
import org.anchormarket.supplier.domain.SupplierDraft;
import org.anchormarket.supplier.domain.classification.OrganisationType;
import org.anchormarket.supplier.service.SupplierImport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an import file (CSV, a registration's fields as columns) into rows the import can register: each cell
 * typed for its field, and each row checked by the API's own rules for a registration, every reason at once.
 */
@ApplicationScoped
public class SupplierImportFile {

    /** At most this many data rows in one file. */
    public static final int MAX_ROWS = 10_000;

    static final Set<String> REQUIRED = Set.of("legalName", "organisationType", "postcode", "addressLines",
            "employees", "annualTurnover", "email");

    private enum Kind { TEXT, INTEGER, MONEY, SHARE, BOOLEAN, LINES, LIST, BRANCHES }

    /** The columns the import reads, by the registration's field names. */
    private static final Map<String, Kind> COLUMNS = columns();

    private static Map<String, Kind> columns() {
        Map<String, Kind> c = new LinkedHashMap<>();
        for (String text : List.of("legalName", "tradingName", "organisationType", "companyNumber", "charityNumber",
                "country", "postcode", "email", "phone", "website", "description")) {
            c.put(text, Kind.TEXT);
        }
        c.put("addressLines", Kind.LINES);
        c.put("branchPostcodes", Kind.BRANCHES);
        c.put("employees", Kind.INTEGER);
        c.put("annualTurnover", Kind.MONEY);
        c.put("balanceSheetTotal", Kind.MONEY);
        c.put("cpvCodes", Kind.LIST);
        c.put("socialEnterprise", Kind.BOOLEAN);
        c.put("paysRealLivingWage", Kind.BOOLEAN);
        c.put("localStaffShare", Kind.SHARE);
        return Map.copyOf(c);
    }

    private final ObjectMapper json;
    private final Validator validator;

    SupplierImportFile(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** Reads the whole file first: a header or a size it cannot take is refused before anything is stored. */
    public List<SupplierImport.Row> read(String csv) {
        List<CSVRecord> records;
        List<String> header;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get().parse(new StringReader(csv == null ? "" : csv))) {
            header = parser.getHeaderNames();
            checkHeader(header);
            records = new ArrayList<>();
            for (CSVRecord row : parser) {
                if (records.size() == MAX_ROWS) {
                    throw new ProblemException(413, "Too many rows", "An import takes at most " + MAX_ROWS
                            + " rows; split the file", List.of(new FieldError("body", "more than " + MAX_ROWS
                                    + " rows")));
                }
                records.add(row);
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
            throw ProblemException.invalid("body", "is not a CSV file the import can read: " + e.getMessage());
        }
        return records.stream().map(row -> row(row, header)).toList();
    }

    private static void checkHeader(List<String> header) {
        List<FieldError> errors = new ArrayList<>();
        for (String column : header) {
            if (!COLUMNS.containsKey(column)) {
                errors.add(new FieldError(column, "is not a column the import knows; the columns are "
                        + String.join(", ", COLUMNS.keySet().stream().sorted().toList())));
            }
        }
        REQUIRED.stream().sorted().filter(c -> !header.contains(c))
                .forEach(c -> errors.add(new FieldError(c, "is a required column")));
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid request", "The file's header cannot be imported", errors);
        }
    }

    private SupplierImport.Row row(CSVRecord row, List<String> header) {
        long line = row.getRecordNumber() + 1; // the header is row 1
        String legalName = row.isMapped("legalName") ? row.get("legalName") : null;
        List<Violation> errors = new ArrayList<>();
        if (!row.isConsistent()) {
            errors.add(new Violation("row", "has " + row.size() + " cells; the header has " + header.size()));
            return new SupplierImport.Row(line, legalName, null, errors);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String column : header) {
            String cell = row.get(column);
            if (cell == null || cell.isBlank()) {
                continue;
            }
            try {
                put(fields, column, COLUMNS.get(column), cell);
            } catch (IllegalArgumentException e) {
                errors.add(new Violation(column, e.getMessage()));
            }
        }
        REQUIRED.stream().sorted().filter(c -> !fields.containsKey(c) && !SupplierImport.named(errors, c))
                .forEach(c -> errors.add(new Violation(c, "is required")));
        SupplierProfile registration; // the required columns are checked above
        try {
            registration = json.convertValue(fields, SupplierProfile.class);
        } catch (IllegalArgumentException e) {
            errors.add(new Violation("row", "cannot be read: " + e.getMessage()));
            return new SupplierImport.Row(line, legalName, null, errors);
        }
        // Every reason at once, as for a registration: the schema's rules here, the registration rules next.
        validator.validate(registration).forEach(v -> SupplierImport.add(errors, new Violation(
                SupplierImport.column(ProblemMappers.fieldName(v)), v.getMessage())));
        return new SupplierImport.Row(line, legalName, SupplierMapper.overlay(SupplierDraft.EMPTY, registration),
                errors);
    }

    /** Puts the cell's value, typed for the registration's field; a cell that cannot be read says why. */
    private static void put(Map<String, Object> fields, String column, Kind kind, String cell) {
        switch (kind) {
            case TEXT -> fields.put(column, cell);
            case INTEGER -> fields.put(column, parse(cell, "a whole number", c -> Integer.valueOf(c.replace(",", ""))));
            case MONEY -> fields.put(column, parse(cell, "an amount in pounds",
                    c -> new BigDecimal(c.replaceFirst("^£", "").replace(",", ""))));
            case SHARE -> fields.put(column, parse(cell, "a share from 0 to 1 (or a percentage)",
                    c -> c.endsWith("%") ? new BigDecimal(c.substring(0, c.length() - 1).strip()).movePointLeft(2)
                            : new BigDecimal(c)));
            case BOOLEAN -> fields.put(column, bool(cell));
            case LINES -> fields.put(column, Arrays.stream(cell.split("\\|")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList());
            case LIST -> fields.put(column, Arrays.stream(cell.split("[;\\s]+")).filter(s -> !s.isEmpty()).toList());
            case BRANCHES -> fields.put("branches", Arrays.stream(cell.split(";")).map(String::strip)
                    .filter(s -> !s.isEmpty()).map(p -> Map.of("postcode", p)).toList());
        }
        if ("organisationType".equals(column)) {
            String type = cell.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
            if (Arrays.stream(OrganisationType.values()).noneMatch(t -> t.name().equals(type))) {
                throw new IllegalArgumentException("is not one of " + Arrays.toString(OrganisationType.values())
                        + ": " + cell);
            }
            fields.put(column, type);
        }
    }

    private static Object parse(String cell, String what, java.util.function.Function<String, Object> parser) {
        try {
            return parser.apply(cell.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not " + what + ": " + cell);
        }
    }

    private static Boolean bool(String cell) {
        return switch (cell.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> throw new IllegalArgumentException("is not yes or no: " + cell);
        };
    }
}
