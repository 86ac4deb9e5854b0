package org.anchormarket.supplier.mapping;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.anchormarket.supplier.domain.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The supplier directory as CSV (RFC 4180, commons-csv), one row a supplier with its classification. */
public final class SupplierCsv {

    static final List<String> COLUMNS = List.of("id", "legalName", "tradingName", "organisationType",
            "companyNumber", "charityNumber", "country", "postcode", "status", "locality", "town", "ward", "sizeBand",
            "sme", "vcfse", "vcfseVerified", "employees", "annualTurnover", "cpvCodes", "email", "phone", "website",
            "paysRealLivingWage", "localStaffShare", "registeredAt", "bidReady");

    private SupplierCsv() {
    }

    public static String export(List<Supplier> suppliers) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (Supplier s : suppliers) {
                csv.printRecord(s.id, text(s.legalName), text(s.tradingName), s.organisationType, s.companyNumber,
                        s.charityNumber, s.country, s.postcode, s.status, s.locality, text(s.town), text(s.ward),
                        s.sizeBand, s.isSme(), s.vcfse, s.vcfseVerified, s.employees, pounds(s.annualTurnover),
                        String.join(" ", s.cpvCodes.stream().sorted().toList()), text(s.email), text(s.phone),
                        text(s.website), s.paysRealLivingWage, s.localStaffShare, s.registeredAt,
                        s.bidReadySince != null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Free text as a spreadsheet will not run it (the chassis' CsvText). */
    static String text(String value) {
        return org.anchormarket.chassis.rest.CsvText.safe(value);
    }

    private static String pounds(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
