package org.anchormarket.analytics.rest;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.anchormarket.contracts.analytics.model.BreakdownFigures;
import org.anchormarket.contracts.analytics.model.Funnel;
import org.anchormarket.contracts.analytics.model.Leakage;
import org.anchormarket.contracts.analytics.model.LocalSpendBreakdown;
import org.anchormarket.contracts.analytics.model.LocalSpendReport;
import org.anchormarket.contracts.analytics.model.TopSuppliers;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The reports as CSV (RFC 4180, commons-csv) for {@code Accept: text/csv}: a header and a row per figure set, the
 * same figures as the JSON. Text that a spreadsheet would run as a formula is disarmed with an apostrophe.
 */
@Provider
@Produces("text/csv")
public class ReportCsv implements MessageBodyWriter<Object> {

    private static final Set<Class<?>> REPORTS = Set.of(LocalSpendReport.class, LocalSpendBreakdown.class,
            TopSuppliers.class, Leakage.class, Funnel.class);

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return REPORTS.contains(type);
    }

    @Override
    public void writeTo(Object report, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream body) throws IOException {
        headers.putSingle("Content-Type", "text/csv; charset=UTF-8");
        headers.putSingle("Content-Disposition", "attachment; filename=\"" + name(report) + ".csv\"");
        OutputStreamWriter out = new OutputStreamWriter(body, StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            write(report, csv);
        }
    }

    private static String name(Object report) {
        if (report instanceof LocalSpendReport) {
            return "local-spend";
        }
        if (report instanceof LocalSpendBreakdown b) {
            return "local-spend-by-" + b.getDimension();
        }
        if (report instanceof TopSuppliers) {
            return "top-suppliers";
        }
        return report instanceof Leakage ? "leakage" : "funnel";
    }

    private static final List<String> FIGURES = List.of("totalSpend", "inBoroughSpend", "inBoroughShare", "smeSpend",
            "vcfseSpend", "suppliersPaid", "lines");

    private static void write(Object report, CSVPrinter csv) throws IOException {
        if (report instanceof LocalSpendReport r) {
            csv.printRecord("from", "to", "anchors", "totalSpend", "inBoroughSpend", "inBoroughShare",
                    "greaterManchesterSpend", "smeSpend", "vcfseSpend", "vcfseSuppliersPaid", "suppliersPaid",
                    "localSuppliersPaid", "unmatchedSpend", "redactedSpend", "committedSpend", "lines");
            csv.printRecord(r.getFrom(), r.getTo(), text(String.join(";", r.getAnchors())), r.getTotalSpend(),
                    r.getInBoroughSpend(), r.getInBoroughShare(), r.getGreaterManchesterSpend(), r.getSmeSpend(),
                    r.getVcfseSpend(), r.getVcfseSuppliersPaid(), r.getSuppliersPaid(),
                    r.getLocalSuppliersPaid(), r.getUnmatchedSpend(), r.getRedactedSpend(),
                    r.getCommittedSpend(), r.getLines());
        } else if (report instanceof LocalSpendBreakdown b) {
            List<String> header = new ArrayList<>(List.of(b.getDimension(), "label"));
            header.addAll(FIGURES);
            FIGURES.forEach(f -> header.add("previous" + Character.toUpperCase(f.charAt(0)) + f.substring(1)));
            csv.printRecord(header);
            for (var row : b.getRows()) {
                List<Object> cells = new ArrayList<>(List.of(text(row.getKey()), text(row.getLabel())));
                cells.addAll(figures(row.getCurrent()));
                cells.addAll(figures(row.getPrevious()));
                csv.printRecord(cells);
            }
        } else if (report instanceof TopSuppliers t) {
            csv.printRecord("rank", "name", "matched", "supplierId", "payeeKey", "locality", "town", "sizeBand",
                    "vcfse", "amount", "share", "lines");
            for (var s : t.getItems()) {
                csv.printRecord(s.getRank(), text(s.getName()), s.getMatched(), s.getSupplierId(),
                        text(s.getPayeeKey()), s.getLocalityLabel(), text(s.getTown()), s.getSizeBand(),
                        s.getVcfse(), s.getAmount(), s.getShare(), s.getLines());
            }
        } else if (report instanceof Leakage l) {
            csv.printRecord("category", "totalSpend", "matchedSpend", "leavingSpend", "leavingShare",
                    "cpvDivisions", "leads");
            for (var c : l.getItems()) {
                csv.printRecord(text(c.getCategory()), c.getTotalSpend(), c.getMatchedSpend(),
                        c.getLeavingSpend(), c.getLeavingShare(), String.join(";", c.getCpvDivisions()),
                        text(String.join(";", c.getLeads().stream().map(d -> d.getName()).toList())));
            }
        } else if (report instanceof Funnel f) {
            csv.printRecord("stage", "label", "available", "organisations", "localOrganisations",
                    "vcfseOrganisations", "attendedOrganisations");
            for (var s : f.getStages()) {
                csv.printRecord(s.getStage(), s.getLabel(), s.getAvailable(), s.getOrganisations(),
                        s.getLocalOrganisations(), s.getVcfseOrganisations(), s.getAttendedOrganisations());
            }
        } else {
            throw new IllegalArgumentException("Not a report: " + report.getClass());
        }
    }

    private static List<Object> figures(BreakdownFigures f) {
        if (f == null) {
            return Arrays.asList(new Object[FIGURES.size()]);
        }
        return Arrays.asList(f.getTotalSpend(), f.getInBoroughSpend(), f.getInBoroughShare(), f.getSmeSpend(),
                f.getVcfseSpend(), f.getSuppliersPaid(), f.getLines());
    }

    /** Free text as a spreadsheet will not run it (the chassis' CsvText). */
    static String text(String value) {
        return org.anchormarket.chassis.rest.CsvText.safe(value);
    }
}
