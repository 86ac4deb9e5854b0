package org.anchormarket.analytics.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.anchormarket.analytics.domain.KnownAnchor;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spend files in: accepted (202), read after the answer, every line counted once, however often it arrives. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class SpendUploadTest {

    private static final String HEADER = "Body Name,Payment Date,Transaction Number,Net Amount,Supplier Name,"
            + "Expense Type\n";

    @BeforeEach
    void anchors() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String id : List.of("wigan-council", "test-trust")) {
                if (KnownAnchor.findById(id) == null) {
                    KnownAnchor anchor = new KnownAnchor();
                    anchor.anchorId = id;
                    anchor.name = id;
                    anchor.type = "OTHER";
                    anchor.updatedAt = java.time.Instant.now();
                    anchor.persist();
                }
            }
        });
    }

    /** An anchor of its own for each test, so that no other test's lines are already held. */
    private static String freshAnchor() {
        String id = "anchor-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            KnownAnchor anchor = new KnownAnchor();
            anchor.anchorId = id;
            anchor.name = id;
            anchor.type = "OTHER";
            anchor.updatedAt = java.time.Instant.now();
            anchor.persist();
        });
        return id;
    }

    private static JsonPath upload(String token, String anchor, byte[] file, String... columns) {
        var request = given().auth().oauth2(token).contentType("text/csv").body(file).queryParam("anchor", anchor);
        if (columns.length > 0) {
            request = request.queryParam("column", (Object[]) columns);
        }
        String location = request.when().post("/api/spend/uploads").then().statusCode(202)
                .header("Location", matchesPattern(".*/api/spend/uploads/[0-9a-f-]{36}$"))
                .body("status", equalTo("RUNNING")).body("anchor", equalTo(anchor))
                .extract().header("Location");
        return finished(token, location);
    }

    private static JsonPath finished(String token, String location) {
        String path = location.substring(location.indexOf("/api/"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> !given().auth()
                .oauth2(token).get(path).then().statusCode(200).extract().path("status").equals("RUNNING"));
        return new JsonPath(given().auth().oauth2(token).get(path).then().statusCode(200).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /** The amount as the JSON has it, to the penny (never through a double). */
    private static BigDecimal amount(JsonPath upload) {
        return ((BigDecimal) upload.get("amountAccepted")).setScale(2);
    }

    @Test
    void shouldKeepEveryGoodLineRejectEachBadOneAndCountNothingTwiceOnASecondUpload() {
        String anchor = freshAnchor();
        byte[] file = (HEADER
                + "Test Trust,03/01/2019,T1,\"1,234.50\",Acme Ltd,Repairs\n"
                + "Test Trust,03/01/2019,T1,\"1,234.50\",Acme Ltd,Repairs\n" // a split invoice: a second payment
                + "Test Trust,04/01/2019,T2,(75.00),Acme Ltd,Repairs\n" // a credit note
                + "Test Trust,31/02/2019,T3,10.00,Acme Ltd,Repairs\n" // no such date
                + "Test Trust,05/01/2019,T4,12.345,Acme Ltd,Repairs\n" // a fraction of a penny
                + "Test Trust,06/01/2019,T5,600.00,Redacted - Personal Data,Care\n").getBytes(StandardCharsets.UTF_8);
        JsonPath first = upload(Tokens.of("admin1"), anchor, file);
        assertEquals("DONE", first.getString("status"));
        assertEquals(6, first.getLong("rowsRead"));
        assertEquals(4, first.getLong("rowsAccepted"), "both halves of the split invoice are payments");
        assertEquals(0, first.getLong("rowsDuplicate"));
        assertEquals(2, first.getLong("rowsRejected"));
        assertEquals(new BigDecimal("2994.00"), amount(first), "1234.50 * 2 - 75.00 + 600.00");
        assertEquals(true, first.getBoolean("complete"));
        assertEquals(100, first.getInt("percentRead"));
        assertEquals(file.length, first.getLong("bytesRead"));
        assertEquals("UTF-8", first.getString("encoding"));
        assertEquals("Net Amount", first.getString("columns.amount"));
        assertEquals("Supplier Name", first.getString("columns.supplier"));

        given().auth().oauth2(Tokens.of("admin1")).get("/api/spend/uploads/{id}/rejections",
                first.getString("uploadId")).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].line", equalTo(5)).body("items[0].reason", containsString("not a date"))
                .body("items[1].line", equalTo(6)).body("items[1].reason", containsString("penny"));

        JsonPath again = upload(Tokens.of("admin1"), anchor, file);
        assertEquals(0, again.getLong("rowsAccepted"), "the same file again adds nothing");
        assertEquals(4, again.getLong("rowsDuplicate"));
        assertEquals(2, again.getLong("rowsRejected"));
        assertEquals(0, amount(again).signum());
        assertEquals(4, linesOf(anchor));
        assertEquals(new BigDecimal("2994.00"), sumOf(anchor));
    }

    @Test
    void shouldCountAYearFileAfterItsMonthsAndTheSameFileReSavedInWindows1252AsDuplicates() {
        String anchor = freshAnchor();
        String january = "Test Trust,03/01/2019,T1,500.00,Café Nero Ltd,Food\n"
                + "Test Trust,03/01/2019,T1,500.00,Café Nero Ltd,Food\n";
        String february = "Test Trust,04/02/2019,T7,\"2,000.00\",Wigan Youth Zone,Grants\n";
        upload(Tokens.of("admin1"), anchor, (HEADER + january).getBytes(StandardCharsets.UTF_8));
        upload(Tokens.of("admin1"), anchor, (HEADER + february).getBytes(StandardCharsets.UTF_8));

        // The year so far, as Excel saves it: Windows-1252, other quoting and amount formats, a third split line
        String year = HEADER
                + "Test Trust,2019-01-03,T1,£500.00,CAFÉ NERO LTD,Food\n"
                + "Test Trust,2019-01-03,T1,500,Café Nero Ltd,Food\n"
                + "Test Trust,2019-01-03,T1,500.00,Café  Nero Ltd,Food\n" // the third part of the split invoice
                + "\"Test Trust\",\"04/02/2019\",\"T7\",\"£2,000.00\",\"Wigan Youth Zone\",\"Grants\"\n"
                + "Test Trust,05/03/2019,T9,90.00,Wigan Youth Zone,Grants\n";
        JsonPath overlap = upload(Tokens.of("admin1"), anchor, year.getBytes(Charset.forName("windows-1252")));
        assertEquals("windows-1252", overlap.getString("encoding"));
        assertEquals(3, overlap.getLong("rowsDuplicate"), "the months' lines are held already");
        assertEquals(2, overlap.getLong("rowsAccepted"), "the third split line and March are new");
        assertEquals(new BigDecimal("590.00"), amount(overlap));
        assertEquals(new BigDecimal("3590.00"), sumOf(anchor));
    }

    @Test
    void shouldLetABuyerUploadForItsOwnAnchorOnly() {
        byte[] file = (HEADER + "Wigan Council,03/01/2019,B1,100.00,Acme Ltd,Repairs\n")
                .getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(Tokens.of("buyer1")).contentType("text/csv").body(file)
                .queryParam("anchor", "test-trust").post("/api/spend/uploads").then().statusCode(403)
                .contentType("application/problem+json").body("errors.field", hasItem("anchor"));
        JsonPath own = upload(Tokens.of("buyer1"), "wigan-council", file);
        assertEquals("buyer1", own.getString("uploadedBy"));

        // An upload of another anchor's is not the buyer's to read
        JsonPath others = upload(Tokens.of("admin1"), "test-trust", file);
        given().auth().oauth2(Tokens.of("buyer1")).get("/api/spend/uploads/{id}", others.getString("uploadId"))
                .then().statusCode(403);
        given().auth().oauth2(Tokens.of("buyer1")).get("/api/spend/uploads/{id}/rejections",
                others.getString("uploadId")).then().statusCode(403);
        given().auth().oauth2(Tokens.of("supplier1")).contentType("text/csv").body(file)
                .queryParam("anchor", "test-trust").post("/api/spend/uploads").then().statusCode(403);
        given().auth().oauth2(Tokens.of("leader1")).get("/api/spend/uploads/{id}", others.getString("uploadId"))
                .then().statusCode(200);
        given().auth().oauth2(Tokens.of("admin1")).get("/api/spend/uploads/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseAFileItCannotReadAndKeepNothing() {
        long before = uploads();
        byte[] good = (HEADER + "Test Trust,03/01/2019,T1,10.00,Acme Ltd,Repairs\n").getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(Tokens.of("admin1")).contentType("text/csv").body(good)
                .queryParam("anchor", "no-such-anchor").post("/api/spend/uploads").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("anchor"));
        given().auth().oauth2(Tokens.of("admin1")).contentType("text/csv")
                .body("Name,When,How much\nAcme,03/01/2019,10\n".getBytes(StandardCharsets.UTF_8))
                .queryParam("anchor", "test-trust").post("/api/spend/uploads").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("body"))
                .body("errors.reason", hasItem(containsString("no column for payment date")));
        given().auth().oauth2(Tokens.of("admin1")).contentType("text/csv").body(new byte[0])
                .queryParam("anchor", "test-trust").post("/api/spend/uploads").then().statusCode(400)
                .body("errors.field", hasItem("body"));
        given().auth().oauth2(Tokens.of("admin1")).contentType("text/csv").body(good)
                .queryParam("anchor", "test-trust").queryParam("column", "colour=Red")
                .post("/api/spend/uploads").then().statusCode(400).body("errors.field", hasItem("column"));
        given().auth().oauth2(Tokens.of("admin1")).contentType("text/csv").body(good)
                .queryParam("anchor", "test-trust").queryParam("column", "amount=Gross")
                .post("/api/spend/uploads").then().statusCode(400).body("errors.field", hasItem("column"))
                .body("errors.reason", hasItem(containsString("Gross")));
        given().auth().oauth2(Tokens.of("admin1")).contentType("text/csv").body(good)
                .post("/api/spend/uploads").then().statusCode(400);
        assertEquals(before, uploads(), "nothing was kept");
    }

    @Test
    void shouldReadAnOddFileWhoseColumnsTheUploaderNames() {
        String anchor = freshAnchor();
        byte[] file = "Paid On,Paid To,Gross Value\n03/01/2019,Acme Ltd,10.00\n".getBytes(StandardCharsets.UTF_8);
        JsonPath odd = upload(Tokens.of("admin1"), anchor, file, "date=Paid On", "supplier=Paid To",
                "amount=Gross Value");
        assertEquals(1, odd.getLong("rowsAccepted"));
        assertEquals("Gross Value", odd.getString("columns.amount"));
    }

    /**
     * An instance that stops mid-file (here: its lease is taken from it and left to expire, as when it dies) leaves
     * the upload to the next one, which goes on from the last line stored: the file's lines are each counted once.
     */
    @Test
    void shouldFinishAnUploadLeftMidFileCountingEveryLineOnce() throws IOException {
        String anchor = freshAnchor();
        StringBuilder file = new StringBuilder(HEADER);
        BigDecimal total = BigDecimal.ZERO;
        LocalDate day = LocalDate.of(2019, 4, 1);
        BigDecimal previousAmount = null;
        int lines = 20_000;
        String previous = null;
        for (int i = 0; i < lines; i++) {
            BigDecimal amount = BigDecimal.valueOf(50_000 + (i * 7919L) % 900_000, 2);
            String line = "Test Trust," + day.plusDays(i % 300) + ",T" + i + "," + amount + ",Supplier " + (i % 500)
                    + ",Goods\n";
            // Every tenth line is the one before again: identical lines are separate payments, wherever the
            // reading stops
            if (i % 10 == 1) {
                line = previous;
                amount = previousAmount;
            }
            file.append(line);
            total = total.add(amount);
            previous = line;
            previousAmount = amount;
        }
        String token = Tokens.of("admin1");
        String location = given().auth().oauth2(token).contentType("text/csv")
                .body(file.toString().getBytes(StandardCharsets.UTF_8)).queryParam("anchor", anchor)
                .post("/api/spend/uploads").then().statusCode(202).extract().header("Location");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> rowsRead(id) > 0);
        int percent = given().auth().oauth2(token).get(location.substring(location.indexOf("/api/"))).then()
                .extract().path("percentRead");
        assertTrue(percent > 0 && percent <= 100, "progress as reading goes: " + percent);
        int taken = QuarkusTransaction.requiringNew().call(() -> KnownAnchor.getEntityManager().createNativeQuery("""
                update spend_upload set lease_owner = gen_random_uuid(), lease_until = now() - interval '1 second'
                where upload_id = ?1 and status = 'RUNNING'""").setParameter(1, id).executeUpdate());
        assertEquals(1, taken, "taken over mid-file (the file was read before the test could stop it)");

        JsonPath done = finished(token, location);
        assertEquals("DONE", done.getString("status"));
        assertEquals(lines, done.getLong("rowsRead"));
        assertEquals(lines, done.getLong("rowsAccepted"));
        assertEquals(0, done.getLong("rowsDuplicate"));
        assertEquals(total.setScale(2), amount(done));
        assertEquals(lines, linesOf(anchor));
        assertEquals(total.setScale(2), sumOf(anchor));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> ((Number) KnownAnchor.getEntityManager()
                .createNativeQuery("select attempts from spend_upload where upload_id = ?1").setParameter(1, id)
                .getSingleResult()).intValue()) >= 2, "read twice");
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) KnownAnchor.getEntityManager()
                .createNativeQuery("select count(*) from spend_upload_part where upload_id = ?1").setParameter(1, id)
                .getSingleResult()).longValue()), "the file is not kept once read");
    }

    /**
     * The upload path takes files past the 10 MB every other path is limited to, streamed, declared or chunked; a line
     * over 1 MB stops the reading there, keeping what came before.
     */
    @Test
    void shouldTakeAFileOverTenMegabytesAndStopAtALineTooLong() throws Exception {
        String anchor = freshAnchor();
        byte[] head = (HEADER + "Test Trust,03/01/2019,T1,10.00,Acme Ltd,Repairs\nTest Trust,03/01/2019,T2,10.00,")
                .getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(file, (byte) 'x');
        System.arraycopy(head, 0, file, 0, head.length);
        JsonPath big = upload(Tokens.of("admin1"), anchor, file);
        assertEquals(1, big.getLong("rowsAccepted"));
        assertEquals(1, big.getLong("rowsRejected"));
        assertEquals(false, big.getBoolean("complete"));
        assertEquals(11L * 1024 * 1024, big.getLong("sizeBytes"));

        // Chunked, no length declared: 12 MB of spaces is not refused for its size (413) but read, and refused as a
        // file with no header (400); elsewhere the same body is refused for its size
        String token = "Authorization: Bearer " + Tokens.of("admin1");
        String chunked = org.anchormarket.testing.ChunkedUpload.post(io.restassured.RestAssured.port,
                "/api/spend/uploads?anchor=" + anchor, 12L * 1024 * 1024, token, "Content-Type: text/csv");
        assertTrue(chunked.startsWith("HTTP/1.1 400"), chunked);
        String elsewhere = org.anchormarket.testing.ChunkedUpload.post(io.restassured.RestAssured.port,
                "/api/spend/uploads/x?anchor=" + anchor, 12L * 1024 * 1024, token, "Content-Type: text/csv");
        assertTrue(elsewhere.startsWith("HTTP/1.1 413"), elsewhere);
        // Declared over 100 MB: refused from the headers, before a byte of the body is read
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/spend/uploads?anchor=" + anchor + " HTTP/1.1\r\nHost: x\r\n"
                    + token + "\r\nContent-Type: text/csv\r\nContent-Length: 104857601\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] answer = socket.getInputStream().readNBytes(12);
            assertEquals("HTTP/1.1 413", new String(answer, StandardCharsets.US_ASCII));
        }
    }

    /** A council's real file, whole: every line kept, the total to the penny; loading it again adds nothing. */
    @Test
    void shouldLoadARealCouncilFileToThePennyAndOnlyOnce() throws IOException {
        Path bolton = Path.of(System.getProperty("anchor.root", ".."), "..", "shared", "data",
                "gm-council-spend-2019", "bolton_2019.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(bolton), "shared data not in this checkout");
        String anchor = freshAnchor();
        byte[] file = Files.readAllBytes(bolton);
        JsonPath first = upload(Tokens.of("admin1"), anchor, file);
        assertEquals(17_035, first.getLong("rowsAccepted"));
        assertEquals(0, first.getLong("rowsRejected"));
        assertEquals(new BigDecimal("175317348.01"), amount(first));
        JsonPath again = upload(Tokens.of("admin1"), anchor, file);
        assertEquals(0, again.getLong("rowsAccepted"));
        assertEquals(17_035, again.getLong("rowsDuplicate"));
        assertEquals(new BigDecimal("175317348.01"), sumOf(anchor));
    }

    private static long rowsRead(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) KnownAnchor.getEntityManager()
                .createNativeQuery("select rows_read from spend_upload where upload_id = ?1").setParameter(1, id)
                .getSingleResult()).longValue());
    }

    private static long uploads() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) KnownAnchor.getEntityManager()
                .createNativeQuery("select count(*) from spend_upload").getSingleResult()).longValue());
    }

    private static long linesOf(String anchor) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) KnownAnchor.getEntityManager()
                .createNativeQuery("select count(*) from spend_line where anchor_id = ?1").setParameter(1, anchor)
                .getSingleResult()).longValue());
    }

    private static BigDecimal sumOf(String anchor) {
        return QuarkusTransaction.requiringNew().call(() -> (BigDecimal) KnownAnchor.getEntityManager()
                .createNativeQuery("select coalesce(sum(amount), 0) from spend_line where anchor_id = ?1")
                .setParameter(1, anchor).getSingleResult());
    }
}
