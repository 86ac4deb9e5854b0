package org.anchormarket.supplier.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.chassis.domain.DomainException.Violation;
import org.anchormarket.supplier.domain.Supplier;
import org.anchormarket.supplier.domain.SupplierDraft;

/**
 * Imports an existing supplier list (a buyer's vendor master). Each valid row becomes an assisted registration in
 * its own transaction; a row naming an organisation already registered is left as it is, so the same file imported
 * again changes nothing. (Reading the file is the edge's: mapping.SupplierImportFile.)
 */
@ApplicationScoped
public class SupplierImport {

    /** A row of the file as read: its line, the profile it gives (null when unreadable), what is wrong with it. */
    public record Row(long line, String legalName, SupplierDraft draft, List<Violation> errors) {
    }

    public enum Outcome { REGISTERED, ALREADY_REGISTERED, REJECTED }

    public record RowResult(long line, Outcome outcome, UUID supplierId, String legalName, List<Violation> errors) {
    }

    public record Report(List<RowResult> results) {
        public long count(Outcome outcome) {
            return results.stream().filter(r -> r.outcome() == outcome).count();
        }
    }

    private final SupplierRegistrations suppliers;
    private final SupplierClassifier classifier;

    SupplierImport(SupplierRegistrations suppliers, SupplierClassifier classifier) {
        this.suppliers = suppliers;
        this.classifier = classifier;
    }

    public Report run(List<Row> rows, String admin) {
        List<RowResult> results = new ArrayList<>();
        for (Row row : rows) {
            results.add(importRow(row, admin));
        }
        return new Report(results);
    }

    private RowResult importRow(Row row, String admin) {
        long line = row.line();
        String legalName = row.legalName();
        List<Violation> errors = new ArrayList<>(row.errors());
        SupplierDraft draft = row.draft();
        if (draft == null) {
            return new RowResult(line, Outcome.REJECTED, null, legalName, errors);
        }
        if (draft.organisationType() != null) {
            classifier.problems(draft).forEach(e -> add(errors, new Violation(column(e.field()), e.reason())));
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
        } catch (DomainException.Conflict e) {
            // Registered by someone else since the check above: the same outcome as finding it.
            return suppliers.findExisting(draft)
                    .map(s -> new RowResult(line, Outcome.ALREADY_REGISTERED, s.id, s.legalName, List.of()))
                    .orElse(new RowResult(line, Outcome.REJECTED, null, legalName, reasons(e)));
        } catch (DomainException e) {
            return new RowResult(line, Outcome.REJECTED, null, legalName, reasons(e));
        }
    }

    private static List<Violation> reasons(DomainException e) {
        return e.violations().isEmpty() ? List.of(new Violation("row", e.getMessage())) : e.violations();
    }

    public static boolean named(List<Violation> errors, String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** Adds the error unless its column is already named (a cell that could not be read, say). */
    public static void add(List<Violation> errors, Violation error) {
        if (!named(errors, error.field())) {
            errors.add(error);
        }
    }

    /** A registration field as the file's column: {@code branches[0].postcode} is a branchPostcodes cell. */
    public static String column(String field) {
        if (field.startsWith("branches")) {
            return "branchPostcodes";
        }
        return field.replaceFirst("\\[\\d+]$", "").replaceFirst("\\[\\d+]\\..*$", "");
    }

}
