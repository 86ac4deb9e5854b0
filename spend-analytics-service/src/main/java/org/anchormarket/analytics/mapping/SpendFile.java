package org.anchormarket.analytics.mapping;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a "spend over £500" file as councils and NHS bodies publish them under the Local Government Transparency Code:
 * the usual headers are recognised whatever their wording ({@link Column}), an uploader may name odd ones, the text
 * is UTF-8 or else Windows-1252 (detected), and each line is either accepted or rejected with its reason; one bad line
 * never stops the rest. Streams: a file of any size is read in one pass (plus one to check its encoding).
 */
public final class SpendFile {

    /** What a spend file's columns hold; each is recognised by any of its names (compared without case or punctuation). */
    public enum Column {
        BODY("body name", "body", "organisation name", "organisation", "org short name", "authority"),
        DATE("payment date", "invoice payment date", "date paid", "paid date", "transaction date", "date",
                "posting date"),
        TRANSACTION("transaction number", "transaction no", "transaction id", "transaction reference",
                "transaction ref", "payment reference", "reference"),
        AMOUNT("net amount", "amount net", "net value", "amount excluding vat", "amount", "value", "total"),
        SUPPLIER("supplier name", "supplier", "beneficiary name", "beneficiary", "payee name", "payee",
                "vendor name", "vendor", "merchant name", "creditor name", "creditor"),
        SUPPLIER_ID("supplier id", "supplier number", "supplier reference", "supplier code", "vendor id",
                "vendor number", "creditor number"),
        SERVICE_AREA("service area", "expense area", "department", "directorate", "service", "service division",
                "service area categorisation", "cost centre name"),
        CATEGORY("expense type", "expenditure type", "expenditure category", "expense category", "category",
                "purpose of spend", "purpose", "expense description", "description"),
        IRRECOVERABLE_VAT("irrecoverable vat", "irrecoverable vat amount"),
        COMPANY_NUMBER("company number", "companies house number", "company registration number",
                "company reg no", "company no"),
        CHARITY_NUMBER("charity number", "registered charity number", "charity registration number",
                "charity no");

        private final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }

        public List<String> names() {
            return names;
        }
    }

    /** Columns every file must have. */
    public static final List<Column> REQUIRED = List.of(Column.DATE, Column.AMOUNT, Column.SUPPLIER);

    /** Where each recognised column is in the file. */
    public record Layout(Map<Column, Integer> columns, List<String> header) {

        String value(CSVRecord record, Column column) {
            Integer index = columns.get(column);
            if (index == null || index >= record.size()) {
                return null;
            }
            String value = record.get(index).strip();
            return value.isEmpty() ? null : value;
        }
    }

    /** An accepted line: the payment as the file states it ({@code supplier} null when the file names no payee). */
    public record Line(long line, LocalDate date, BigDecimal amount, String supplier, String supplierId,
            String transaction, String body, String serviceArea, String category, BigDecimal irrecoverableVat,
            String companyNumber, String charityNumber) {
    }

    /** A line that could not be read, and why. */
    public record Rejected(long line, String reason) {
    }

    /** The file's header lacks columns every spend file needs (nothing was read). */
    public static final class MissingColumns extends RuntimeException {
        private final List<Column> missing;

        MissingColumns(List<Column> missing, List<String> header) {
            super("The file has no column for " + String.join(", ", missing.stream().map(SpendFile::describe)
                    .toList()) + "; its header is: " + String.join(", ", header.stream().limit(30).toList()));
            this.missing = List.copyOf(missing);
        }

        public List<Column> missing() {
            return missing;
        }
    }

    /** What reading the file found. */
    public record Summary(Charset charset, Layout layout, long rowsRead, long rowsAccepted, long rowsRejected,
            BigDecimal amountAccepted) {
    }

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();

    private SpendFile() {
    }

    /** A column's name in messages: its first name. */
    static String describe(Column column) {
        return column.names().get(0);
    }

    /** A header cell compared without case, punctuation, currency or repeated spaces. */
    static String normalised(String header) {
        return header.replace("\uFEFF", "").toLowerCase(Locale.ROOT).replace("£", " ")
                .replaceAll("\\(.*?\\)", " ").replaceAll("[^a-z0-9]+", " ").strip();
    }

    /**
     * Where each column is: an uploader's names first ({@code overrides}: column → header as written), then the
     * usual names in their order of preference (a file with both "net amount" and "amount" gives net amount).
     */
    public static Layout layout(List<String> header, Map<Column, String> overrides) {
        List<String> names = header.stream().map(SpendFile::normalised).toList();
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (Column column : Column.values()) {
            String named = overrides.get(column);
            List<String> wanted = named != null ? List.of(normalised(named)) : column.names();
            for (String name : wanted) {
                int index = names.indexOf(name);
                if (index >= 0) {
                    columns.put(column, index);
                    break;
                }
            }
        }
        List<Column> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new MissingColumns(missing, header);
        }
        return new Layout(columns, List.copyOf(header));
    }

    /** UTF-8 when every byte of the file is valid UTF-8 (with or without a byte-order mark), else Windows-1252. */
    public static Charset charsetOf(Path file) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), decoder)) {
            char[] buffer = new char[64 * 1024];
            while (reader.read(buffer) >= 0) {
                // only decoding
            }
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("windows-1252");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the file, handing each accepted and each rejected line on as it goes. */
    public static Summary read(Path file, Map<Column, String> overrides, Consumer<Line> accepted,
            Consumer<Rejected> rejected) {
        Charset charset = charsetOf(file);
        try (InputStream in = Files.newInputStream(file);
                BufferedReader text = new BufferedReader(new InputStreamReader(in, charset), 64 * 1024)) {
            text.mark(1);
            if (text.read() != '\uFEFF') {
                text.reset();
            }
            CSVParser parser = CSVParser.builder().setReader(text).setFormat(CSV).get();
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new MissingColumns(REQUIRED, List.of());
            }
            Layout layout = layout(records.next().toList(), overrides);
            long read = 0;
            long kept = 0;
            BigDecimal total = BigDecimal.ZERO.setScale(2);
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    // A quote left open runs to the end of the file: what follows cannot be read as lines
                    rejected.accept(new Rejected(read + 2, "is not CSV from here on: " + e.getMessage()));
                    read++;
                    break;
                }
                read++;
                long line = record.getRecordNumber(); // the header is record 1, as it is line 1
                Object outcome = line(layout, record, line);
                if (outcome instanceof Line payment) {
                    kept++;
                    total = total.add(payment.amount());
                    accepted.accept(payment);
                } else {
                    rejected.accept((Rejected) outcome);
                }
            }
            return new Summary(charset, layout, read, kept, read - kept, total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object line(Layout layout, CSVRecord record, long line) {
        if (record.size() == 1 && record.get(0).isBlank()) {
            return new Rejected(line, "is empty");
        }
        String dateText = layout.value(record, Column.DATE);
        if (dateText == null) {
            return new Rejected(line, "has no payment date");
        }
        LocalDate date = PaymentDates.parse(dateText).orElse(null);
        if (date == null) {
            return new Rejected(line, "has a payment date that is not a date: " + shorten(dateText));
        }
        String amountText = layout.value(record, Column.AMOUNT);
        String amountProblem = Money.problem(amountText);
        if (amountProblem != null) {
            return new Rejected(line, amountProblem);
        }
        // No payee name: withheld by the publisher (personal data, say). The payment still counts; nobody is named.
        String supplier = layout.value(record, Column.SUPPLIER);
        String vatText = layout.value(record, Column.IRRECOVERABLE_VAT);
        BigDecimal vat = null;
        if (vatText != null) {
            String vatProblem = Money.problem(vatText);
            if (vatProblem != null) {
                return new Rejected(line, "irrecoverable VAT " + vatProblem.replaceFirst("^has an amount", "is"));
            }
            vat = Money.parse(vatText).orElseThrow();
        }
        return new Line(line, date, Money.parse(amountText).orElseThrow(), supplier,
                layout.value(record, Column.SUPPLIER_ID), layout.value(record, Column.TRANSACTION),
                layout.value(record, Column.BODY), layout.value(record, Column.SERVICE_AREA),
                layout.value(record, Column.CATEGORY), vat, layout.value(record, Column.COMPANY_NUMBER),
                layout.value(record, Column.CHARITY_NUMBER));
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** The columns the layout found, by column, as header names (for the upload's report). */
    public static Map<Column, String> found(Layout layout) {
        Map<Column, String> found = new LinkedHashMap<>();
        layout.columns().forEach((column, index) -> found.put(column, layout.header().get(index)));
        return found;
    }

    /** Unused columns are fine; this lists the header cells no column took, for the upload's report. */
    public static List<String> unused(Layout layout) {
        List<String> unused = new ArrayList<>(layout.header());
        layout.columns().values().stream().sorted(java.util.Comparator.reverseOrder())
                .forEach(i -> unused.remove((int) i));
        return unused;
    }
}
