package org.anchormarket.analytics.domain.spendfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading spend files: amounts, dates, headers, encodings, and the real Greater Manchester files of 2019. */
class SpendFileTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1234.5|1234.50", "£1,234.50|1234.50", "\"1,234.50\"|1234.50", "-75.00|-75.00", "(75.00)|-75.00",
            "75.00-|-75.00", "75.00 CR|-75.00", "£-12.00|-12.00", "-£12.00|-12.00", "  500 |500.00", ".5|0.50",
            "1,000,000|1000000.00", "0|0.00", "+5|5.00", "£\u00a0500|500.00", "12.3400|12.34" })
    void shouldReadAmountsExactly(String text, String expected) {
        assertEquals(new BigDecimal(expected), Money.parse(text).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "|has no amount", "abc|not a number", "12.345|fractions of a penny", "1,23.00|not a number",
            "12,34|not a number", "1.2.3|not a number", "--5|not a number", "(-75.00)|two minus signs",
            "1'2'3.45|not a number", "1e3|not a number", "NaN|not a number", "1.234,56|not a number",
            "1 234.56|not a number", "12345678901234|not a number" })
    void shouldRefuseWhatIsNotAnAmountSayingWhy(String text, String reason) {
        assertTrue(Money.parse(text).isEmpty());
        assertTrue(Money.problem(text).contains(reason), Money.problem(text));
    }

    @Test
    void shouldReadExcelsLeadingApostrophe() {
        assertEquals(new BigDecimal("1000.00"), Money.parse("'1,000.00").orElseThrow());
    }

    /** A cell of a million digits is refused at once, not parsed (BigDecimal's cost grows with the square). */
    @Test
    void shouldRefuseAHugeNumberWithoutParsingIt() {
        String huge = "1" + "0".repeat(1_000_000) + ".00";
        long started = System.nanoTime();
        assertTrue(Money.parse(huge).isEmpty());
        assertTrue(System.nanoTime() - started < java.util.concurrent.TimeUnit.SECONDS.toNanos(1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "03/01/2019|2019-01-03", "3/1/2019|2019-01-03", "03.01.2019|2019-01-03", "03-01-2019|2019-01-03",
            "03/01/19|2019-01-03", "2019-01-03|2019-01-03", "2019-01-03T00:00:00|2019-01-03",
            "03/01/2019 00:00:00|2019-01-03", "03/01/2019 14:30|2019-01-03", "03-Jan-2019|2019-01-03",
            "03-JAN-19|2019-01-03", "3 January 2019|2019-01-03", "30 Sept 2019|2019-09-30",
            "30-Sep-2019|2019-09-30", "20190103|2019-01-03" })
    void shouldReadUkPaymentDates(String text, String expected) {
        assertEquals(LocalDate.parse(expected), PaymentDates.parse(text).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "31/02/2019", "13/13/2019", "yesterday", "2019-02-30", "' '" })
    void shouldRefuseImpossibleDates(String text) {
        assertEquals(Optional.empty(), PaymentDates.parse(text));
        assertEquals(Optional.empty(), PaymentDates.parse(null));
    }

    @Test
    void shouldRecogniseTheUsualHeadersAndPreferNetAmounts() {
        var layout = SpendFile.layout(List.of("Body Name", "Payment Date", "Transaction Number", "Amount",
                "Net Amount (£)", "Supplier Name", "Expense Area", "Expense Type", "Irrecoverable VAT"), Map.of());
        assertEquals(1, layout.columns().get(SpendFile.Column.DATE));
        assertEquals(4, layout.columns().get(SpendFile.Column.AMOUNT), "net amount before amount");
        assertEquals(5, layout.columns().get(SpendFile.Column.SUPPLIER));
        assertEquals(6, layout.columns().get(SpendFile.Column.SERVICE_AREA));
        assertEquals(7, layout.columns().get(SpendFile.Column.CATEGORY));
        assertEquals(8, layout.columns().get(SpendFile.Column.IRRECOVERABLE_VAT));

        var odd = SpendFile.layout(List.of("When", "Paid to", "Gross £"), Map.of(SpendFile.Column.DATE, "when",
                SpendFile.Column.SUPPLIER, "Paid To", SpendFile.Column.AMOUNT, "Gross £"));
        assertEquals(Map.of(SpendFile.Column.DATE, 0, SpendFile.Column.SUPPLIER, 1, SpendFile.Column.AMOUNT, 2),
                odd.columns());

        var missing = assertThrows(SpendFile.MissingColumns.class,
                () -> SpendFile.layout(List.of("Date", "Description"), Map.of()));
        assertEquals(List.of(SpendFile.Column.AMOUNT, SpendFile.Column.SUPPLIER), missing.missing());

        // Words in brackets count: gross is not net
        var grossAndNet = SpendFile.layout(List.of("Date", "Supplier", "Amount (gross)", "Amount (net)"), Map.of());
        assertEquals(3, grossAndNet.columns().get(SpendFile.Column.AMOUNT));
        // Two cells that could both be the amount: refused, naming both
        var twice = assertThrows(SpendFile.UnreadableHeader.class,
                () -> SpendFile.layout(List.of("Date", "Supplier", "Amount", "Amount (£)"), Map.of()));
        assertTrue(twice.getMessage().contains("\"Amount\" and \"Amount (£)\""), twice.getMessage());
        // An uploader's name for a column the file does not have: refused, not ignored
        var unknown = assertThrows(SpendFile.UnreadableHeader.class, () -> SpendFile.layout(
                List.of("Date", "Supplier", "Amount", "Dept"), Map.of(SpendFile.Column.SERVICE_AREA, "Cost Center")));
        assertTrue(unknown.getMessage().contains("Cost Center"), unknown.getMessage());
        var taken = SpendFile.layout(List.of("Date", "Supplier", "Amount", "Supplier ID", "Dept"),
                Map.of(SpendFile.Column.SUPPLIER_ID, "Supplier ID"));
        assertEquals(List.of("Dept"), SpendFile.unused(taken));
    }

    /** Excel's "Unicode text" is UTF-16: once misread as Windows-1252, its NUL bytes were echoed in the refusal. */
    @Test
    void shouldRefuseAUtf16FileSayingHowToSaveIt() throws IOException {
        Path file = Files.createTempFile("spend-utf16-", ".csv");
        byte[] text = "Date,Supplier,Amount\r\n03/01/2019,Best Asian Media Ltd,500.00\r\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        Files.write(file, java.nio.ByteBuffer.allocate(bom.length + text.length).put(bom).put(text).array());
        var refused = assertThrows(SpendFile.UnreadableHeader.class,
                () -> SpendFile.read(file, Map.of(), l -> { }, r -> { }));
        assertTrue(refused.getMessage().contains("UTF-16") && refused.getMessage().contains("CSV UTF-8"),
                refused.getMessage());
        assertTrue(refused.getMessage().indexOf('\u0000') < 0, "no NUL echoed: " + refused.getMessage());
        Files.delete(file);
    }

    @Test
    void shouldNeverNameAPayeeThePublisherWithheld() throws IOException {
        Path file = write("""
                Date,Supplier,Amount
                03/01/2019,Redacted - Personal Data,5.00
                03/01/2019,PERSONAL DETAILS REDACTED,6.00
                03/01/2019,Grosvenor Guest House#Redacted - Personal Data,7.00
                03/01/2019,Wigan Print Ltd,8.00
                """, StandardCharsets.UTF_8);
        List<SpendFile.Line> lines = new ArrayList<>();
        var summary = SpendFile.read(file, Map.of(), lines::add, r -> { });
        assertEquals(new BigDecimal("26.00"), summary.amountAccepted(), "withheld payees still count");
        assertEquals(java.util.Arrays.asList(null, null, null, "Wigan Print Ltd"),
                lines.stream().map(SpendFile.Line::supplier).toList());
    }

    @Test
    void shouldRejectOnlyTheLinesThatCannotBeReadWhereverTheyAre() throws IOException {
        Path file = write("""
                Date,Amount,Supplier,Service Area
                03/01/2019,500.00,Smith, Jones,Schools

                03/01/2019,600.00
                03/01/2019,700.00,"Leigh
                Joinery",Highways
                03/01/2019,not money,Leigh Joinery,Highways
                03/01/99,100.00,Leigh Joinery,Highways
                04/01/2019,800.00,Wigan Print Ltd,Schools
                """, StandardCharsets.UTF_8);
        List<SpendFile.Line> lines = new ArrayList<>();
        List<SpendFile.Rejected> rejected = new ArrayList<>();
        var summary = SpendFile.read(file, Map.of(), lines::add, rejected::add);
        assertEquals(List.of(2L, 4L, 7L, 8L), rejected.stream().map(SpendFile.Rejected::line).toList(),
                rejected.toString());
        assertTrue(rejected.get(0).reason().contains("5 cells where the header has 4"), rejected.get(0).reason());
        assertTrue(rejected.get(3).reason().contains("outside 2000"), rejected.get(3).reason());
        assertEquals(List.of(5L, 9L), lines.stream().map(SpendFile.Line::line).toList(), "physical line numbers");
        assertEquals("Leigh\nJoinery", lines.get(0).supplier());
        assertTrue(summary.complete());
    }

    /** A UTF-8 file with one stray byte deep inside: that line is rejected, the rest read as UTF-8. */
    @Test
    void shouldRejectOnlyTheLineWithABadByte() throws IOException {
        Path file = Files.createTempFile(dir, "spend", ".csv");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes("Date,Supplier,Amount\n03/01/2019,Café Ltd,£500.00\n03/01/2019,Bad ".getBytes(
                StandardCharsets.UTF_8));
        bytes.write(0x96); // a Windows-1252 dash in a UTF-8 file
        bytes.writeBytes(" Ltd,£1.00\n04/01/2019,Wigan Print Ltd,£2.00\n".getBytes(StandardCharsets.UTF_8));
        Files.write(file, bytes.toByteArray());
        List<SpendFile.Line> lines = new ArrayList<>();
        List<SpendFile.Rejected> rejected = new ArrayList<>();
        var summary = SpendFile.read(file, Map.of(), lines::add, rejected::add);
        assertEquals(StandardCharsets.UTF_8, summary.charset());
        assertEquals(List.of("Café Ltd", "Wigan Print Ltd"), lines.stream().map(SpendFile.Line::supplier).toList());
        assertEquals(new BigDecimal("502.00"), summary.amountAccepted());
        assertEquals(List.of(3L), rejected.stream().map(SpendFile.Rejected::line).toList());
    }

    /** A quote left open, or a line of megabytes: the reading stops there, says so, and holds nothing whole. */
    @Test
    void shouldStopAtAQuoteThatNeverClosesOrALineThatNeverEnds() throws IOException {
        Path open = write("Date,Supplier,Amount\n03/01/2019,Wigan Print,1.00\n03/01/2019,\"Leigh,2.00\n"
                + "03/01/2019,Leigh,3.00\n", StandardCharsets.UTF_8);
        List<SpendFile.Rejected> rejected = new ArrayList<>();
        var summary = SpendFile.read(open, Map.of(), l -> { }, rejected::add);
        assertEquals(false, summary.complete());
        assertEquals(new BigDecimal("1.00"), summary.amountAccepted());
        assertEquals(3L, rejected.get(rejected.size() - 1).line(), rejected.toString());

        Path endless = Files.createTempFile(dir, "spend", ".csv");
        try (var out = Files.newBufferedWriter(endless, StandardCharsets.UTF_8)) {
            out.write("Date,Supplier,Amount\n03/01/2019,Wigan Print,1.00\n03/01/2019,");
            String chunk = "x".repeat(1 << 16);
            for (int i = 0; i < 64; i++) { // 4 MB on one line
                out.write(chunk);
            }
            out.write(",2.00\n");
        }
        var endlessSummary = SpendFile.read(endless, Map.of(), l -> { }, r -> { });
        assertEquals(false, endlessSummary.complete());
        assertEquals(new BigDecimal("1.00"), endlessSummary.amountAccepted());
    }

    @Test
    void shouldKeepEveryGoodLineAndRejectEachBadOneWithItsLineAndReason() throws IOException {
        Path file = write("""
                Body,Date,Transaction No,Supplier,Net Amount,Service Area
                Wigan Council,03/01/2019,T1,Wigan Print Ltd,"1,200.00",Schools
                Wigan Council,03/01/2019,T1,Wigan Print Ltd,"1,200.00",Schools
                Wigan Council,31/02/2019,T2,Leigh Joinery,50.00,Highways
                Wigan Council,04/01/2019,T3,,50.00,Highways
                Wigan Council,04/01/2019,T4,Leigh Joinery,fifty,Highways
                Wigan Council,05/01/2019,T5,Leigh Joinery,(25.50),Highways
                """, StandardCharsets.UTF_8);
        List<SpendFile.Line> lines = new ArrayList<>();
        List<SpendFile.Rejected> rejected = new ArrayList<>();
        var summary = SpendFile.read(file, Map.of(), lines::add, rejected::add);

        assertEquals(6, summary.rowsRead());
        assertEquals(4, summary.rowsAccepted(), "two identical lines are two payments");
        assertEquals(new BigDecimal("2424.50"), summary.amountAccepted());
        assertEquals(List.of(2L, 3L, 5L, 7L), lines.stream().map(SpendFile.Line::line).toList());
        assertEquals("Schools", lines.get(0).serviceArea());
        assertEquals("T1", lines.get(1).transaction());
        assertEquals(null, lines.get(2).supplier(), "a payee the publisher withheld: counted, never named");
        assertEquals(List.of(4L, 6L), rejected.stream().map(SpendFile.Rejected::line).toList());
        assertTrue(rejected.get(0).reason().contains("not a date"), rejected.get(0).reason());
        assertTrue(rejected.get(1).reason().contains("not a number"), rejected.get(1).reason());
    }

    /** The same file saved as UTF-8 (with a byte-order mark) and as Windows-1252 reads the same. */
    @Test
    void shouldReadUtf8AndWindows1252Alike() throws IOException {
        String text = "Date,Supplier,Amount\n03/01/2019,Café Ltd,£500.00\n";
        Path utf8 = write("\uFEFF" + text, StandardCharsets.UTF_8);
        Path windows = write(text, Charset.forName("windows-1252"));
        assertEquals(StandardCharsets.UTF_8, SpendFile.charsetOf(utf8));
        assertEquals(Charset.forName("windows-1252"), SpendFile.charsetOf(windows));
        List<SpendFile.Line> fromUtf8 = new ArrayList<>();
        List<SpendFile.Line> fromWindows = new ArrayList<>();
        SpendFile.read(utf8, Map.of(), fromUtf8::add, r -> { });
        SpendFile.read(windows, Map.of(), fromWindows::add, r -> { });
        assertEquals("Café Ltd", fromUtf8.get(0).supplier());
        assertEquals(fromUtf8, fromWindows);
    }

    @Test
    void shouldRefuseAFileWithoutTheColumnsItNeeds() throws IOException {
        Path file = write("this is not,a spend file\n1,2\n", StandardCharsets.UTF_8);
        assertThrows(SpendFile.MissingColumns.class, () -> SpendFile.read(file, Map.of(), l -> { }, r -> { }));
        Path empty = write("", StandardCharsets.UTF_8);
        assertThrows(SpendFile.MissingColumns.class, () -> SpendFile.read(empty, Map.of(), l -> { }, r -> { }));
    }

    static Stream<Path> greaterManchester2019() throws IOException {
        Path dir = Path.of(System.getProperty("anchor.root", ".."), "..", "shared", "data", "gm-council-spend-2019");
        if (!Files.isDirectory(dir)) {
            return Stream.of((Path) null); // a checkout without the shared data: skipped below
        }
        return Files.list(dir).filter(p -> p.toString().endsWith(".csv")).sorted();
    }

    /**
     * The councils' real files: every line accepted, and the total equal to the penny to the sum of the file's
     * amount column read plainly (commons-csv and BigDecimal, no recognition of anything).
     */
    @ParameterizedTest
    @MethodSource("greaterManchester2019")
    void shouldReadARealCouncilFileToThePenny(Path file) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(file != null, "shared data not in this checkout");
        BigDecimal plain = BigDecimal.ZERO;
        long rows = 0;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                plain = plain.add(new BigDecimal(record.get("amount").strip()));
                rows++;
            }
        }
        List<SpendFile.Rejected> rejected = new ArrayList<>();
        List<SpendFile.Line> lines = new ArrayList<>();
        var summary = SpendFile.read(file, Map.of(), lines::add, rejected::add);
        assertEquals(List.of(), rejected.stream().limit(5).toList());
        // Each council withholds hundreds of payees' names ("Redacted - Personal Data" and 20-odd other wordings)
        long withheld = lines.stream().filter(l -> l.supplier() == null).count();
        assertTrue(withheld > 100, withheld + " payees withheld");
        assertEquals(List.of(), lines.stream().map(SpendFile.Line::supplier).filter(n -> n != null)
                .filter(n -> n.toLowerCase(java.util.Locale.ROOT).contains("redact")).limit(5).toList());
        assertEquals(rows, summary.rowsAccepted());
        assertEquals(0, plain.compareTo(summary.amountAccepted()), plain + " in the file, read " + summary.amountAccepted());
        assertEquals("beneficiary_name", SpendFile.found(summary.layout()).get(SpendFile.Column.SUPPLIER));
        assertTrue(summary.complete());
        assertEquals("company_number", SpendFile.found(summary.layout()).get(SpendFile.Column.COMPANY_NUMBER));
    }

    private Path write(String text, Charset charset) throws IOException {
        Path file = Files.createTempFile(dir, "spend", ".csv");
        Files.writeString(file, text, charset);
        return file;
    }
}
