package org.anchormarket.analytics.domain.spendfile;

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

    /**
     * An accepted line: the payment as the file states it; {@code supplier} is null when the file names no payee or
     * only says it withheld the name ({@link #withheld(String)}).
     */
    public record Line(long line, LocalDate date, BigDecimal amount, String supplier, String supplierId,
            String transaction, String body, String serviceArea, String category, BigDecimal irrecoverableVat,
            String companyNumber, String charityNumber) {
    }

    /** A line that could not be read, and why. */
    public record Rejected(long line, String reason) {
    }

    /** The file's header cannot be read as a spend file's (nothing was read); the message says why. */
    public static class UnreadableHeader extends RuntimeException {
        UnreadableHeader(String message) {
            super(message);
        }
    }

    /** The file's header lacks columns every spend file needs. */
    public static final class MissingColumns extends UnreadableHeader {
        private final List<Column> missing;

        MissingColumns(List<Column> missing, List<String> header) {
            super("The file has no column for " + String.join(", ", missing.stream().map(SpendFile::describe)
                    .toList()) + "; its header is: " + String.join(", ", header.stream().limit(30)
                            .map(SpendFile::shorten).toList()));
            this.missing = List.copyOf(missing);
        }

        public List<Column> missing() {
            return missing;
        }
    }

    /** How a payee's name says the publisher withheld it (personal data): counted, never named. */
    private static final java.util.regex.Pattern WITHHELD = java.util.regex.Pattern.compile(
            "(?i)redact|personal (data|details|information|info)|withheld|private individual|data protection"
                    + "|name removed|not disclosed");

    /** Whether the payee's name is the publisher's way of not naming it. */
    public static boolean withheld(String payee) {
        return payee == null || payee.isBlank() || WITHHELD.matcher(payee).find();
    }

    /** The longest a line of a spend file may be; past it the file is not read further (nothing holds it whole). */
    static final int LONGEST_LINE = 1 << 20;

    /** What reading the file found. */
    public record Summary(Charset charset, Layout layout, long rowsRead, long rowsAccepted, long rowsRejected,
            BigDecimal amountAccepted, boolean complete) {
    }

    /** What a byte that is not text in the file's encoding reads as. */
    private static final char NOT_TEXT = '\uFFFE';

    /** The earliest payment date taken: earlier is a mistyped year (a two-digit 99 is 2099, not 1999, and refused). */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();

    private SpendFile() {
    }

    /** A column's name in messages: its first name. */
    static String describe(Column column) {
        return column.names().get(0);
    }

    /**
     * A header cell compared without case, punctuation, repeated spaces or currency markers ({@code (£)},
     * {@code (GBP)}); other words in brackets count ("Amount (gross)" is not "Amount").
     */
    static String normalised(String header) {
        return header.replace("\uFEFF", "").toLowerCase(Locale.ROOT).replace("£", " ")
                .replaceAll("\\(\\s*(gbp)?\\s*\\)", " ").replaceAll("\\bgbp\\b", " ")
                .replaceAll("[^a-z0-9]+", " ").strip();
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
                if (index < 0) {
                    continue;
                }
                if (names.lastIndexOf(name) != index) {
                    throw new UnreadableHeader("The file has two columns that could be the " + describe(column)
                            + ": \"" + shorten(header.get(index)) + "\" and \"" + shorten(header.get(names
                                    .lastIndexOf(name))) + "\"; name the one to use");
                }
                if (columns.containsValue(index)) {
                    if (named != null) {
                        throw new UnreadableHeader("The column \"" + shorten(named) + "\" named for the "
                                + describe(column) + " is already another column's");
                    }
                    continue; // another column took it first (e.g. "Supplier" named for the supplier id)
                }
                columns.put(column, index);
                break;
            }
            if (named != null && !columns.containsKey(column)) {
                throw new UnreadableHeader("The file has no column \"" + shorten(named) + "\" (named for the "
                        + describe(column) + ")");
            }
        }
        List<Column> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new MissingColumns(missing, header);
        }
        return new Layout(columns, List.copyOf(header));
    }

    /**
     * UTF-8 (with or without a byte-order mark) unless the file's only non-ASCII bytes are not UTF-8 at all, which is
     * how Windows-1252 files look (what Excel saves as plain CSV). A UTF-8 file with a stray bad byte stays UTF-8:
     * only the line holding it is rejected, not every £ and é of the file misread.
     */
    public static Charset charsetOf(Path file) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long valid = 0;
        long invalid = 0;
        try (InputStream in = Files.newInputStream(file)) {
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(64 * 1024);
            java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(64 * 1024);
            boolean end = false;
            while (!end) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    end = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                while (true) {
                    var result = decoder.decode(bytes, chars, end);
                    chars.flip();
                    while (chars.hasRemaining()) {
                        if (chars.get() > 0x7f) {
                            valid++;
                        }
                    }
                    chars.clear();
                    if (result.isError()) {
                        invalid++;
                        bytes.position(bytes.position() + result.length());
                    } else if (result.isUnderflow()) {
                        break;
                    }
                }
                bytes.compact();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return invalid > 0 && valid <= 1 ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
    }

    /** What a file's first look found: its encoding and where its columns are. */
    public record Inspection(Charset charset, Layout layout) {
    }

    /**
     * Detects the file's encoding and reads its header only: a file that cannot be read as a spend file is refused
     * ({@link UnreadableHeader}) before any line is.
     */
    public static Inspection inspect(Path file, Map<Column, String> overrides) {
        Charset charset = charsetOf(file);
        try (Opened opened = open(file, charset)) {
            return new Inspection(charset, headerOf(opened, overrides));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file opened for reading: its text guarded against endless lines, and the CSV parser over it. */
    private record Opened(LineGuard guard, CSVParser parser, Iterator<CSVRecord> records) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            guard.close();
        }
    }

    private static Opened open(Path file, Charset charset) throws IOException {
        return open(file, charset, new java.util.concurrent.atomic.AtomicLong());
    }

    /** Counts the bytes read from the file into {@code position} (the reader reads ahead: up to 128 KiB past). */
    private static Opened open(Path file, Charset charset, java.util.concurrent.atomic.AtomicLong position)
            throws IOException {
        // Bytes that are not text are marked with a noncharacter (a file's own U+FFFD is text, and kept)
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(String.valueOf(NOT_TEXT));
        InputStream in = new java.io.FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    position.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    position.addAndGet(n);
                }
                return n;
            }
        };
        LineGuard guard = new LineGuard(new BufferedReader(new InputStreamReader(in, decoder), 64 * 1024));
        try {
            BufferedReader text = new BufferedReader(guard, 64 * 1024);
            text.mark(1);
            if (text.read() != '\uFEFF') {
                text.reset();
            }
            CSVParser parser = CSVParser.builder().setReader(text).setFormat(CSV).get();
            return new Opened(guard, parser, parser.iterator());
        } catch (IOException | RuntimeException e) {
            guard.close();
            throw e;
        }
    }

    private static Layout headerOf(Opened opened, Map<Column, String> overrides) {
        List<String> header;
        try {
            if (!opened.records().hasNext()) {
                throw new MissingColumns(REQUIRED, List.of());
            }
            header = opened.records().next().toList();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new UnreadableHeader("The file's header cannot be read (" + rootMessage(e) + ")");
        }
        if (header.stream().anyMatch(cell -> cell.indexOf('\u0000') >= 0)) {
            // what a UTF-16 file (Excel's "Unicode text") looks like read byte by byte; never echoed
            throw new UnreadableHeader("The file is not UTF-8 or Windows-1252 text (it looks like UTF-16): save it as "
                    + "CSV UTF-8 and upload it again");
        }
        if (header.stream().anyMatch(cell -> cell.indexOf(NOT_TEXT) >= 0)) {
            throw new UnreadableHeader("The file's header has bytes that are not text in UTF-8 or Windows-1252");
        }
        return layout(header, overrides);
    }

    /** Reads the file, handing each accepted and each rejected line on as it goes. */
    public static Summary read(Path file, Map<Column, String> overrides, Consumer<Line> accepted,
            Consumer<Rejected> rejected) {
        return read(file, charsetOf(file), overrides, accepted, rejected);
    }

    /** Reads the file in the encoding {@link #inspect} found, handing each accepted and rejected line on in order. */
    public static Summary read(Path file, Charset charset, Map<Column, String> overrides, Consumer<Line> accepted,
            Consumer<Rejected> rejected) {
        return read(file, charset, overrides, accepted, rejected, new java.util.concurrent.atomic.AtomicLong());
    }

    /** As {@link #read(Path, Charset, Map, Consumer, Consumer)}, counting the bytes read so far into {@code position}. */
    public static Summary read(Path file, Charset charset, Map<Column, String> overrides, Consumer<Line> accepted,
            Consumer<Rejected> rejected, java.util.concurrent.atomic.AtomicLong position) {
        try (Opened opened = open(file, charset, position)) {
            LineGuard guard = opened.guard();
            CSVParser parser = opened.parser();
            Iterator<CSVRecord> records = opened.records();
            Layout layout = headerOf(opened, overrides);
            long read = 0;
            long kept = 0;
            boolean complete = true;
            BigDecimal total = BigDecimal.ZERO.setScale(2);
            while (true) {
                long next = parser.getCurrentLineNumber() + 1; // at least: blank lines before it are skipped
                CSVRecord record;
                try {
                    guard.recordStarts();
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    // A quote left open, or a line past LONGEST_LINE: nothing after it can be read as lines
                    read++;
                    rejected.accept(new Rejected(next, "starts a quote or a line that does not end (" + rootMessage(e)
                            + "): the file was not read past it"));
                    complete = false;
                    break;
                }
                read++;
                // The line it starts on (the header is line 1): where the parser is, less the lines quoted inside it
                long line = parser.getCurrentLineNumber() - record.toList().stream()
                        .mapToLong(cell -> cell.chars().filter(c -> c == '\n').count()).sum();
                Object outcome = line(layout, record, line);
                if (outcome instanceof Line payment) {
                    kept++;
                    total = total.add(payment.amount());
                    accepted.accept(payment);
                } else {
                    rejected.accept((Rejected) outcome);
                }
            }
            return new Summary(charset, layout, read, kept, read - kept, total, complete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /**
     * Refuses to hand the CSV parser more than {@link #LONGEST_LINE} characters for one record: a 1 GB line, or a quote
     * left open at the top of a large file, ends the reading instead of being gathered whole in memory.
     */
    private static final class LineGuard extends java.io.FilterReader {
        private long sinceRecord;

        LineGuard(Reader in) {
            super(in);
        }

        void recordStarts() {
            sinceRecord = 0;
        }

        @Override
        public int read() throws IOException {
            count(1);
            return super.read();
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            sinceRecord += n;
            // The parser reads ahead in blocks: a record may be counted up to one block (64 KiB) past its end
            if (sinceRecord > LONGEST_LINE + 2L * 64 * 1024) {
                throw new IOException("a line longer than " + (LONGEST_LINE >> 20) + " MB");
            }
        }
    }

    private static Object line(Layout layout, CSVRecord record, long line) {
        if (record.size() == 1 && record.get(0).isBlank()) {
            return new Rejected(line, "is empty");
        }
        int cells = layout.header().size();
        if (record.size() < cells || record.size() > cells && record.toList().subList(cells, record.size()).stream()
                .anyMatch(cell -> !cell.isBlank())) {
            return new Rejected(line, "has " + record.size() + " cells where the header has " + cells
                    + " (a comma inside a name without quotes?)");
        }
        if (record.toList().stream().anyMatch(cell -> cell.indexOf(NOT_TEXT) >= 0)) {
            return new Rejected(line, "has bytes that are not text in the file's encoding (" + "UTF-8 or Windows-1252)");
        }
        String dateText = layout.value(record, Column.DATE);
        if (dateText == null) {
            return new Rejected(line, "has no payment date");
        }
        LocalDate date = PaymentDates.parse(dateText).orElse(null);
        if (date == null) {
            return new Rejected(line, "has a payment date that is not a date: " + shorten(dateText));
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LocalDate.now().plusYears(1))) {
            return new Rejected(line, "has a payment date outside " + EARLIEST.getYear() + " to next year: "
                    + shorten(dateText));
        }
        String amountText = layout.value(record, Column.AMOUNT);
        String amountProblem = Money.problem(amountText);
        if (amountProblem != null) {
            return new Rejected(line, amountProblem);
        }
        // No payee name, or the publisher's words for withholding it (personal data): counted, nobody named
        String supplier = layout.value(record, Column.SUPPLIER);
        if (withheld(supplier)) {
            supplier = null;
        }
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
        List<String> unused = new ArrayList<>();
        for (int i = 0; i < layout.header().size(); i++) {
            if (!layout.columns().containsValue(i)) {
                unused.add(layout.header().get(i));
            }
        }
        return unused;
    }
}
