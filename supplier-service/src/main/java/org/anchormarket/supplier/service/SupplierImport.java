package org.anchormarket.supplier.service;

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
import java.util.UUID;
import org.anchormarket.chassis.problem.Problem.FieldError;
import org.anchormarket.chassis.problem.ProblemException;
import org.anchormarket.chassis.problem.ProblemMappers;
import org.anchormarket.contracts.supplier.model.SupplierProfile;
import org.anchormarket.supplier.domain.Supplier;
import org.anchormarket.supplier.domain.classification.OrganisationType;
import org.anchormarket.supplier.mapping.SupplierMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports an existing supplier list (a buyer's vendor master) as CSV. Each valid row becomes an assisted
 * registration in its own transaction; a row naming an organisation already registered is left as it is, so the
 * same file imported again changes nothing.
 */
@ApplicationScoped
public class SupplierImport {

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

    public enum Outcome { REGISTERED, ALREADY_REGISTERED, REJECTED }

    public record RowResult(long line, Outcome outcome, UUID supplierId, String legalName, List<FieldError> errors) {
    }

    public record Report(List<RowResult> results) {
        public long count(Outcome outcome) {
            return results.stream().filter(r -> r.outcome() == outcome).count();
        }
    }

    private final SupplierService suppliers;
    private final ObjectMapper json;
    private final Validator validator;
    private final SupplierClassifier classifier;

    SupplierImport(SupplierService suppliers, ObjectMapper json, Validator validator, SupplierClassifier classifier) {
        this.classifier = classifier;
        this.suppliers = suppliers;
        this.json = json;
        this.validator = validator;
    }

    /** Reads the whole file first: a header or a size it cannot take is refused before anything is stored. */
    public Report run(String csv, String admin) {
        List<CSVRecord> rows;
        List<String> header;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get().parse(new StringReader(csv == null ? "" : csv))) {
            header = parser.getHeaderNames();
            checkHeader(header);
            rows = new ArrayList<>();
            for (CSVRecord row : parser) {
                if (rows.size() == MAX_ROWS) {
                    throw new ProblemException(413, "Too many rows", "An import takes at most " + MAX_ROWS
                            + " rows; split the file", List.of(new FieldError("body", "more than " + MAX_ROWS
                                    + " rows")));
                }
                rows.add(row);
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
            throw ProblemException.invalid("body", "is not a CSV file the import can read: " + e.getMessage());
        }
        List<RowResult> results = new ArrayList<>();
        for (CSVRecord row : rows) {
            results.add(importRow(row, header, admin));
        }
        return new Report(results);
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

    private RowResult importRow(CSVRecord row, List<String> header, String admin) {
        long line = row.getRecordNumber() + 1; // the header is row 1
        String legalName = row.isMapped("legalName") ? row.get("legalName") : null;
        List<FieldError> errors = new ArrayList<>();
        if (!row.isConsistent()) {
            errors.add(new FieldError("row", "has " + row.size() + " cells; the header has " + header.size()));
            return new RowResult(line, Outcome.REJECTED, null, legalName, errors);
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
                errors.add(new FieldError(column, e.getMessage()));
            }
        }
        REQUIRED.stream().sorted().filter(c -> !fields.containsKey(c) && !named(errors, c))
                .forEach(c -> errors.add(new FieldError(c, "is required")));
        SupplierProfile registration; // the required columns are checked above
        try {
            registration = json.convertValue(fields, SupplierProfile.class);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("row", "cannot be read: " + e.getMessage()));
            return new RowResult(line, Outcome.REJECTED, null, legalName, errors);
        }
        // Every reason at once, as for a registration: the schema's rules, then the registration rules.
        validator.validate(registration).forEach(v -> add(errors, new FieldError(column(ProblemMappers.fieldName(v)),
                v.getMessage())));
        SupplierDraft draft = SupplierMapper.overlay(SupplierDraft.EMPTY, registration);
        if (draft.organisationType() != null) {
            classifier.problems(draft).forEach(e -> add(errors, new FieldError(column(e.field()), e.reason())));
        }
        if (!errors.isEmpty()) {
            return new RowResult(line, Outcome.REJECTED, null, legalName, errors);
        }
        var existing = suppliers.findExisting(draft);
        if (existing.isPresent()) {
            return new RowResult(line, Outcome.ALREADY_REGISTERED, existing.get().id, existing.get().legalName,
                    List.of());
        }
        try {
            Supplier supplier = suppliers.register(draft, admin, false);
            return new RowResult(line, Outcome.REGISTERED, supplier.id, supplier.legalName, List.of());
        } catch (ProblemException e) {
            if (e.status() == 409) {
                // Registered by someone else since the check above: the same outcome as finding it.
                return suppliers.findExisting(draft)
                        .map(s -> new RowResult(line, Outcome.ALREADY_REGISTERED, s.id, s.legalName, List.of()))
                        .orElse(new RowResult(line, Outcome.REJECTED, null, legalName, e.errors()));
            }
            return new RowResult(line, Outcome.REJECTED, null, legalName, e.errors().isEmpty()
                    ? List.of(new FieldError("row", e.getMessage())) : e.errors());
        }
    }

    private static boolean named(List<FieldError> errors, String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** Adds the error unless its column is already named (a cell that could not be read, say). */
    private static void add(List<FieldError> errors, FieldError error) {
        if (!named(errors, error.field())) {
            errors.add(error);
        }
    }

    /** A registration field as the file's column: {@code branches[0].postcode} is a branchPostcodes cell. */
    private static String column(String field) {
        if (field.startsWith("branches")) {
            return "branchPostcodes";
        }
        return field.replaceFirst("\\[\\d+]$", "").replaceFirst("\\[\\d+]\\..*$", "");
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
        if ("website".equals(column)) {
            try {
                java.net.URI.create(cell.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("is not a web address: " + cell);
            }
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
