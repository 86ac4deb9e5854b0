package org.anchormarket.analytics.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.anchormarket.analytics.domain.KnownAnchor;
import org.anchormarket.analytics.domain.KnownSupplier;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The local-spend figures over real uploads and suppliers learnt from the suppliers topic: payees matched by number,
 * name or trading name, also when the supplier registers after its payments were loaded; each payment classified as
 * its supplier stood on the payment date.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class LocalSpendReportTest {

    private final String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();

    @Test
    void shouldReportLocalSpendAsEachSupplierStoodOnThePaymentDate() {
        String anchor = "anchor-" + UUID.randomUUID().toString().substring(0, 8);
        knownAnchor(anchor, anchor, "OTHER");
        String kitchenNumber = Long.toString(1_000_000 + ThreadLocalRandom.current().nextLong(8_999_999));
        UUID plumbing = UUID.randomUUID();
        UUID kitchen = UUID.randomUUID();
        UUID steel = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        KafkaCompanion kafka = new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers",
                String.class));
        try {
            kafka.produceStrings().fromRecords(
                    registered(plumbing, "Wigan Plumbing " + run + " Ltd", null, "2018-01-01T00:00:00Z",
                            "IN_BOROUGH", "MICRO", false),
                    // Moved out of the borough in 2020: payments before still count as local, after do not
                    updated(plumbing, "Wigan Plumbing " + run + " Ltd", "2020-01-01T00:00:00Z", "NORTH_WEST",
                            "MICRO"),
                    registered(kitchen, "Leigh Community Kitchen " + run + " CIC", "0" + kitchenNumber,
                            "2018-01-01T00:00:00Z", "IN_BOROUGH", "SMALL", true),
                    registered(steel, "Salford Steel " + run + " Ltd", null, "2018-01-01T00:00:00Z",
                            "GREATER_MANCHESTER", "LARGE", false)).awaitCompletion();
            await().atMost(Duration.ofSeconds(30)).until(() -> known(steel) && known(kitchen) && known(plumbing));

            String file = "Payment Date,Supplier Name,Amount,Company Number\n"
                    + "01/06/2019,WIGAN PLUMBING " + run + " LIMITED,1000.00,\n" // the name, legal form aside
                    + "02/06/2019,J Smith t/a Wigan Plumbing " + run + ",25.00,\n" // the trading part
                    + "03/06/2019,L.C.K. " + run + ",500.00," + kitchenNumber + "\n" // the number, zero dropped
                    + "04/06/2019,Salford Steel " + run + " Ltd,2000.00,\n"
                    + "05/06/2019,Late Registrant " + run + " Ltd,300.00,\n" // registers after
                    + "06/06/2019,Redacted - Personal Data,50.00,\n"
                    + "07/06/2019,Unknown " + run + " Co,150.00,\n"
                    + "01/05/2021,Wigan Plumbing " + run + " Ltd,10.00,\n"; // after the move
            String location = given().auth().oauth2(Tokens.of("admin1")).contentType("text/csv")
                    .body(file.getBytes(StandardCharsets.UTF_8)).queryParam("anchor", anchor)
                    .post("/api/spend/uploads").then().statusCode(202).extract().header("Location");
            String path = location.substring(location.indexOf("/api/"));
            await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(given().auth().oauth2(Tokens.of(
                    "admin1")).get(path).then().extract().path("status")));

            JsonPath year = report(Tokens.of("leader1"), anchor, "2019-04-01", "2020-03-31");
            assertEquals(new BigDecimal("4025.00"), money(year, "totalSpend"));
            assertEquals(new BigDecimal("1525.00"), money(year, "inBoroughSpend"), "plumbing 1,025 and kitchen 500");
            assertEquals(new BigDecimal("37.9"), year.get("inBoroughShare"), "1,525 of 4,025");
            assertEquals(new BigDecimal("2000.00"), money(year, "greaterManchesterSpend"));
            assertEquals(new BigDecimal("1525.00"), money(year, "smeSpend"));
            assertEquals(new BigDecimal("500.00"), money(year, "vcfseSpend"));
            assertEquals(1, year.getLong("vcfseSuppliersPaid"));
            assertEquals(2, year.getLong("localSuppliersPaid"));
            assertEquals(5, year.getLong("suppliersPaid"), "three registered, two payees not matched");
            assertEquals(new BigDecimal("450.00"), money(year, "unmatchedSpend"));
            assertEquals(new BigDecimal("50.00"), money(year, "redactedSpend"));
            assertEquals(7, year.getLong("lines"));

            JsonPath all = report(Tokens.of("admin1"), anchor, null, null);
            assertEquals(new BigDecimal("4035.00"), money(all, "totalSpend"));
            assertEquals(new BigDecimal("1525.00"), money(all, "inBoroughSpend"),
                    "the 2021 payment came after the supplier left the borough");

            // Registered after its payments were loaded: matched to them now
            kafka.produceStrings().fromRecords(registered(late, "Late Registrant " + run + " Limited", null,
                    "2026-11-01T00:00:00Z", "REST_OF_UK", "MEDIUM", false)).awaitCompletion();
            await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.of("admin1"))
                    .queryParam("anchor", anchor).queryParam("from", "2019-04-01").queryParam("to", "2020-03-31")
                    .get("/api/reports/local-spend").then().statusCode(200).extract().jsonPath()
                    .getDouble("unmatchedSpend") == 150.0);
            JsonPath after = report(Tokens.of("admin1"), anchor, "2019-04-01", "2020-03-31");
            assertEquals(new BigDecimal("1825.00"), money(after, "smeSpend"), "a medium firm is an SME");
            assertEquals(5, after.getLong("suppliersPaid"));

            // The one payee left unmatched, mapped by an admin: its payments are the supplier's from then on
            given().auth().oauth2(Tokens.of("admin1")).queryParam("matched", "false").queryParam("q", "unknown " + run)
                    .get("/api/spend/payees").then().statusCode(200).body("total", equalTo(1))
                    .body("items[0].payeeKey", equalTo("UNKNOWN " + run + " CO"))
                    .body("items[0].name", equalTo("Unknown " + run + " Co"))
                    .body("items[0].amount", equalTo(150.0f)).body("items[0].lines", equalTo(1));
            given().auth().oauth2(Tokens.of("admin1")).queryParam("q", run).queryParam("matched", "true")
                    .get("/api/spend/payees").then().statusCode(200).body("total", equalTo(5))
                    .body("items.matchedBy", hasItem("COMPANY_NUMBER")).body("items.matchedBy", hasItem("NAME"))
                    .body("items[0].supplierName", equalTo("Salford Steel " + run + " Ltd")); // the most paid
            given().auth().oauth2(Tokens.of("leader1")).contentType("application/json")
                    .body("{\"supplierId\":\"" + steel + "\"}")
                    .put("/api/spend/payees/{key}/supplier", "UNKNOWN " + run + " CO").then().statusCode(403);
            given().auth().oauth2(Tokens.of("admin1")).contentType("application/json")
                    .body("{\"supplierId\":\"" + UUID.randomUUID() + "\"}")
                    .put("/api/spend/payees/{key}/supplier", "UNKNOWN " + run + " CO").then().statusCode(400)
                    .body("errors.field", hasItem("supplierId"));
            given().auth().oauth2(Tokens.of("admin1")).contentType("application/json")
                    .body("{\"supplierId\":\"" + steel + "\"}")
                    .put("/api/spend/payees/{key}/supplier", "NOBODY " + run).then().statusCode(404);
            given().auth().oauth2(Tokens.of("admin1")).contentType("application/json")
                    .body("{\"supplierId\":\"" + steel + "\"}")
                    .put("/api/spend/payees/{key}/supplier", "UNKNOWN " + run + " CO").then().statusCode(200)
                    .body("matchedBy", equalTo("MANUAL")).body("supplierId", equalTo(steel.toString()));
            JsonPath mapped = report(Tokens.of("admin1"), anchor, "2019-04-01", "2020-03-31");
            assertEquals(new BigDecimal("0.00"), money(mapped, "unmatchedSpend"));
            assertEquals(new BigDecimal("2150.00"), money(mapped, "greaterManchesterSpend"));
        } finally {
            kafka.close();
        }
    }

    @Test
    void shouldBreakSpendDownWithThePeriodBeforeBesideEachFigure() {
        String anchor = "anchor-" + UUID.randomUUID().toString().substring(0, 8);
        knownAnchor(anchor, "Test Trust " + run, "NHS");
        UUID bakery = UUID.randomUUID();
        UUID steel = UUID.randomUUID();
        UUID builder = UUID.randomUUID();
        KafkaCompanion kafka = new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers",
                String.class));
        try {
            kafka.produceStrings().fromRecords(
                    record(bakery, 1, Topics.EventTypes.SUPPLIER_REGISTERED, """
                            {"supplierId":"%s","legalName":"Leigh Bakery %s Ltd","postcode":"WN7 1AA",
                             "registeredAt":"2018-01-01T00:00:00Z","classification":{"locality":"IN_BOROUGH",
                             "town":"Leigh","ward":"Leigh South","sizeBand":"MICRO","sme":true,"vcfse":false,
                             "vcfseVerified":false}}""".formatted(bakery, run)),
                    record(steel, 1, Topics.EventTypes.SUPPLIER_REGISTERED, """
                            {"supplierId":"%s","legalName":"Trafford Steel %s Ltd","postcode":"M17 1AA",
                             "registeredAt":"2018-01-01T00:00:00Z","cpvCodes":["45000000","44200000"],
                             "classification":{"locality":"GREATER_MANCHESTER","sizeBand":"LARGE","sme":false,
                             "vcfse":false,"vcfseVerified":false}}""".formatted(steel, run)),
                    // Builds in the borough: a lead for the works that go to Trafford
                    record(builder, 1, Topics.EventTypes.SUPPLIER_REGISTERED, """
                            {"supplierId":"%s","legalName":"Leigh Builders %s Ltd","postcode":"WN7 2AA",
                             "registeredAt":"2018-01-01T00:00:00Z","cpvCodes":["45210000"],
                             "classification":{"locality":"IN_BOROUGH","town":"Leigh","sizeBand":"SMALL","sme":true,
                             "vcfse":false,"vcfseVerified":false}}""".formatted(builder, run))).awaitCompletion();
            await().atMost(Duration.ofSeconds(30)).until(() -> known(bakery) && known(steel) && known(builder));
        } finally {
            kafka.close();
        }
        upload(anchor, "Payment Date,Supplier Name,Amount,Expense Type\n"
                + "01/06/2018,Leigh Bakery " + run + " Ltd,100.00,Catering\n"
                + "01/06/2019,Leigh Bakery " + run + " Ltd,300.00,Catering\n"
                + "15/07/2019,Leigh Bakery " + run + " Ltd,50.00,Catering\n"
                + "02/06/2019,Trafford Steel " + run + " Ltd,200.00,Works\n"
                + "03/06/2019,Nobody " + run + " Ltd,40.00,Works\n"
                + "04/06/2019,Redacted,10.00,\n");

        JsonPath locality = breakdown("locality", anchor, "2019-04-01", "2020-03-31");
        assertEquals("2018-04-01", locality.getString("previousFrom"), "a financial year's period before is the last");
        assertEquals("2019-03-31", locality.getString("previousTo"));
        assertEquals(java.util.List.of("IN_BOROUGH", "GREATER_MANCHESTER", "UNMATCHED", "WITHHELD"),
                locality.getList("rows.key"));
        assertEquals("Wigan borough", locality.getString("rows[0].label"));
        assertEquals(new BigDecimal("350.00"), money(locality, "rows[0].current.totalSpend"));
        assertEquals(new BigDecimal("100.00"), money(locality, "rows[0].previous.totalSpend"));
        assertEquals(new BigDecimal("0.00"), money(locality, "rows[1].previous.totalSpend"));
        assertEquals(new BigDecimal("100.0"), locality.get("rows[0].current.inBoroughShare"));

        // The same figures as CSV, for a spreadsheet
        String csv = given().auth().oauth2(Tokens.of("leader1")).accept("text/csv").queryParam("anchor", anchor)
                .queryParam("from", "2019-04-01").queryParam("to", "2020-03-31")
                .get("/api/reports/local-spend/by/locality").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("local-spend-by-locality.csv"))
                .extract().asString();
        String[] rows = csv.split("\r\n");
        assertEquals("locality,label,totalSpend,inBoroughSpend,inBoroughShare,smeSpend,vcfseSpend,suppliersPaid,lines,"
                + "previousTotalSpend,previousInBoroughSpend,previousInBoroughShare,previousSmeSpend,previousVcfseSpend,"
                + "previousSuppliersPaid,previousLines", rows[0]);
        assertEquals("IN_BOROUGH,Wigan borough,350.00,350.00,100.0,350.00,0.00,1,2,100.00,100.00,100.0,100.00,0.00,1,1",
                rows[1]);
        assertEquals(5, rows.length);
        String headline = given().auth().oauth2(Tokens.of("leader1")).accept("text/csv").queryParam("anchor", anchor)
                .get("/api/reports/local-spend").then().statusCode(200).extract().asString();
        assertEquals(true, headline.split("\r\n")[1].contains(",700.00,450.00,64.3,200.00,"), headline);

        JsonPath town = breakdown("town", anchor, "2019-04-01", "2020-03-31");
        assertEquals(java.util.List.of("Leigh", "OUTSIDE_BOROUGH", "UNMATCHED", "WITHHELD"), town.getList("rows.key"));
        assertEquals("Outside the borough", town.getString("rows[1].label"));

        JsonPath months = breakdown("month", anchor, "2019-06-01", "2019-07-31");
        assertEquals(java.util.List.of("2019-06", "2019-07"), months.getList("rows.key"));
        assertEquals("June 2019", months.getString("rows[0].label"));
        assertEquals(new BigDecimal("550.00"), money(months, "rows[0].current.totalSpend"));
        assertEquals(new BigDecimal("100.00"), money(months, "rows[0].previous.totalSpend"), "June 2018");
        assertEquals(new BigDecimal("0.00"), money(months, "rows[1].previous.totalSpend"));

        // Periods that start or end within a month: those days' lines, the whole months between from the cube
        JsonPath partMonths = breakdown("month", anchor, "2019-06-02", "2019-07-15");
        assertEquals(new BigDecimal("250.00"), money(partMonths, "rows[0].current.totalSpend"), "from 2 June");
        assertEquals(new BigDecimal("50.00"), money(partMonths, "rows[1].current.totalSpend"), "to 15 July");
        JsonPath within = breakdown("anchor", anchor, "2019-06-03", "2019-06-03");
        assertEquals(new BigDecimal("40.00"), money(within, "rows[0].current.totalSpend"), "one day");
        JsonPath across = breakdown("anchor", anchor, "2019-05-15", "2019-07-14");
        assertEquals(new BigDecimal("550.00"), money(across, "rows[0].current.totalSpend"), "June, and no more");
        assertEquals(3, across.getLong("rows[0].current.suppliersPaid"), "bakery, steel, an unmatched payee");

        JsonPath quarters = breakdown("quarter", anchor, "2019-04-01", "2019-09-30");
        assertEquals(java.util.List.of("2019-Q1", "2019-Q2"), quarters.getList("rows.key"));
        assertEquals("2019/20 Q1", quarters.getString("rows[0].label"));
        assertEquals(new BigDecimal("100.00"), money(quarters, "rows[0].previous.totalSpend"));

        JsonPath years = breakdown("financialYear", anchor, null, null);
        assertEquals(java.util.List.of("2018", "2019"), years.getList("rows.key"));
        assertEquals("2018/19", years.getString("rows[0].label"));
        assertEquals(new BigDecimal("600.00"), money(years, "rows[1].current.totalSpend"));
        org.junit.jupiter.api.Assertions.assertNull(years.get("rows[1].previous"), "no period, no period before");

        JsonPath anchors = breakdown("anchor", anchor, null, null);
        assertEquals("Test Trust " + run, anchors.getString("rows[0].label"));
        JsonPath categories = breakdown("category", anchor, "2019-04-01", "2020-03-31");
        assertEquals(java.util.List.of("Catering", "Works", ""), categories.getList("rows.key"));
        assertEquals("No category", categories.getString("rows[2].label"));
        given().auth().oauth2(Tokens.of("leader1")).get("/api/reports/local-spend/by/colour").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("dimension"));

        // The top suppliers: each registered supplier once, unmatched payees by name, withheld names left out
        JsonPath top = bothWays(anchor, () -> given().auth().oauth2(Tokens.of("leader1")).queryParam("anchor", anchor)
                .get("/api/reports/top-suppliers").then().statusCode(200).extract().asString());
        assertEquals(new BigDecimal("700.00"), money(top, "totalSpend"));
        assertEquals(java.util.List.of("Leigh Bakery " + run + " Ltd", "Trafford Steel " + run + " Ltd",
                "Nobody " + run + " Ltd"), top.getList("items.name"));
        assertEquals(new BigDecimal("450.00"), money(top, "items[0].amount"));
        assertEquals(new BigDecimal("64.3"), top.get("items[0].share"));
        assertEquals("Wigan borough", top.getString("items[0].localityLabel"));
        assertEquals(false, top.getBoolean("items[2].matched"));
        assertEquals("NOBODY " + run, top.getString("items[2].payeeKey"));
        // over periods read from the yearly, monthly and daily sums: each payment once, none outside
        for (String[] period : new String[][] { { "2018-04-01", "2020-03-31", "450.00", "3" },
                { "2018-06-01", "2019-06-30", "400.00", "2" }, { "2019-06-02", "2019-07-15", "50.00", "1" },
                { "2019-07-15", "2019-07-15", "50.00", "1" }, { "2018-06-02", "2019-06-01", "300.00", "1" } }) {
            JsonPath inPeriod = bothWays(anchor, () -> given().auth().oauth2(Tokens.of("leader1"))
                    .queryParam("anchor", anchor).queryParam("from", period[0]).queryParam("to", period[1])
                    .get("/api/reports/top-suppliers").then().statusCode(200).extract().asString());
            String baker = "items.find { it.name == 'Leigh Bakery " + run + " Ltd' }";
            assertEquals(new BigDecimal(period[2]), money(inPeriod, baker + ".amount"), period[0] + " to " + period[1]);
            assertEquals(Long.parseLong(period[3]), inPeriod.getLong(baker + ".lines"), period[0] + " to " + period[1]);
        }

        // Over every anchor (the sums kept over them all), the same from the lines and from the sums
        for (String[] period : new String[][] { {}, { "2018-04-01", "2019-03-31" }, { "2018-04-01", "2020-03-31" } }) {
            JsonPath everyone = bothWays(null, () -> {
                var request = given().auth().oauth2(Tokens.of("leader1")).queryParam("limit", 1000);
                if (period.length > 0) {
                    request = request.queryParam("from", period[0]).queryParam("to", period[1]);
                }
                return request.get("/api/reports/top-suppliers").then().statusCode(200).extract().asString();
            });
            assertEquals(true, everyone.getList("items").size() > 0, java.util.Arrays.toString(period));
        }

        // Leakage: all the works go to Trafford, and a Leigh builder works in the same CPV division
        JsonPath leakage = bothWays(anchor, () -> given().auth().oauth2(Tokens.of("leader1"))
                .queryParam("anchor", anchor).get("/api/reports/leakage").then().statusCode(200).extract().asString(),
                json -> JsonPath.from(json).getList("items.collect { [it.category, it.totalSpend, it.matchedSpend, "
                        + "it.leavingSpend, it.cpvDivisions] }"));
        assertEquals(java.util.List.of("Works"), leakage.getList("items.category"), "catering stays in the borough");
        assertEquals(new BigDecimal("100.0"), leakage.get("items[0].leavingShare"));
        assertEquals(java.util.List.of("44", "45"), leakage.getList("items[0].cpvDivisions"));
        assertEquals(true, leakage.getList("items[0].leads.name").contains("Leigh Builders " + run + " Ltd"));

        JsonPath funnel = bothWays(anchor, () -> given().auth().oauth2(Tokens.of("leader1"))
                .queryParam("anchor", anchor).get("/api/reports/funnel").then().statusCode(200).extract().asString(),
                json -> JsonPath.from(json).getMap("stages[4]")); // paid (registered counts every test's suppliers)
        assertEquals(java.util.List.of("REGISTERED", "ATTENDED", "BID", "WON", "PAID"), funnel.getList("stages.stage"));
        assertEquals(2, funnel.getInt("stages[4].organisations"), "the bakery and the steel firm were paid");
        assertEquals(1, funnel.getInt("stages[4].localOrganisations"));
        assertEquals(true, funnel.getBoolean("stages[1].available"));
        assertEquals(0, funnel.getInt("stages[1].organisations"), "nobody came to an event of this anchor");
        assertEquals(0, funnel.getInt("stages[4].attendedOrganisations"));
    }

    private static void upload(String anchor, String file) {
        String location = given().auth().oauth2(Tokens.of("admin1")).contentType("text/csv")
                .body(file.getBytes(StandardCharsets.UTF_8)).queryParam("anchor", anchor)
                .post("/api/spend/uploads").then().statusCode(202).extract().header("Location");
        String path = location.substring(location.indexOf("/api/"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(given().auth().oauth2(Tokens.of(
                "admin1")).get(path).then().extract().path("status")));
    }

    private static JsonPath breakdown(String dimension, String anchor, String from, String to) {
        return bothWays(anchor, () -> {
            var request = given().auth().oauth2(Tokens.of("leader1")).queryParam("anchor", anchor);
            if (from != null) {
                request = request.queryParam("from", from).queryParam("to", to);
            }
            return request.get("/api/reports/local-spend/by/" + dimension).then().statusCode(200).extract()
                    .asString();
        });
    }

    /**
     * The report read twice, the same to the character: once with every slice of the anchor's spend marked dirty
     * (read from its lines), once after the cube has caught up (read from the aggregates, the partial months at the
     * period's ends from their lines).
     */
    private static JsonPath bothWays(String anchor, java.util.function.Supplier<String> report) {
        return bothWays(anchor, report, whole -> whole);
    }

    /** As above, comparing only what {@code part} takes of each (what other tests' suppliers cannot change). */
    private static JsonPath bothWays(String anchor, java.util.function.Supplier<String> report,
            java.util.function.Function<String, Object> part) {
        QuarkusTransaction.requiringNew().run(() -> KnownAnchor.getEntityManager().createNativeQuery("""
                insert into spend_cube_dirty (anchor_id, month)
                select distinct anchor_id, spend_cube_month(payment_date) from spend_line
                where anchor_id = ?1 or ?1 = '*'""").setParameter(1, anchor == null ? "*" : anchor).executeUpdate());
        String fromLines = report.get();
        org.anchormarket.analytics.service.SpendCube cube = io.quarkus.arc.Arc.container()
                .instance(org.anchormarket.analytics.service.SpendCube.class).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> cube.refresh() == 0);
        assertEquals(0L, ((Number) QuarkusTransaction.requiringNew().call(() -> KnownAnchor.getEntityManager()
                .createNativeQuery("select count(*) from spend_cube_dirty where anchor_id = ?1 or ?1 = '*'")
                .setParameter(1, anchor == null ? "*" : anchor).getSingleResult())).longValue());
        String fromCube = report.get();
        assertEquals(part.apply(fromLines), part.apply(fromCube), "the report from the lines and from the cube");
        return new JsonPath(fromCube).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /**
     * A supplier classified anew while an upload adds a payment of its: the classification's trigger cannot see the
     * payment (not committed when it ran), so the worker must not compute the payment's slice until the
     * classification has committed, or that slice keeps the old classification for good.
     */
    @Test
    void shouldNotKeepASliceComputedWhileANewClassificationWasInFlight() throws Exception {
        String anchor = "anchor-" + UUID.randomUUID().toString().substring(0, 8);
        knownAnchor(anchor, anchor, "OTHER");
        UUID racer = UUID.randomUUID();
        KafkaCompanion kafka = new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers",
                String.class));
        try {
            kafka.produceStrings().fromRecords(registered(racer, "Race Caterers " + run + " Ltd", null,
                    "2018-01-01T00:00:00Z", "IN_BOROUGH", "SMALL", false)).awaitCompletion();
            await().atMost(Duration.ofSeconds(30)).until(() -> known(racer));
        } finally {
            kafka.close();
        }
        upload(anchor, "Payment Date,Supplier Name,Amount\n01/06/2019,Race Caterers " + run + " Ltd,100.00\n");
        org.anchormarket.analytics.service.SpendCube cube = io.quarkus.arc.Arc.container()
                .instance(org.anchormarket.analytics.service.SpendCube.class).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> cube.refresh() == 0);

        javax.sql.DataSource db = io.quarkus.arc.Arc.container().instance(javax.sql.DataSource.class).get();
        try (java.sql.Connection moved = db.getConnection()) {
            moved.setAutoCommit(false);
            try (var insert = moved.prepareStatement("""
                    insert into supplier_classification (supplier_id, valid_from, locality, size_band, sme, vcfse)
                    values (?, '2019-01-01T00:00:00Z', 'OUTSIDE_UK', 'LARGE', false, false)""")) {
                insert.setObject(1, racer);
                insert.executeUpdate(); // in flight: moved out of the country since January, as the event will say
            }
            upload(anchor, "Payment Date,Supplier Name,Amount\n01/08/2019,Race Caterers " + run + " Ltd,50.00\n");
            java.util.concurrent.CompletableFuture<Long> worker = java.util.concurrent.CompletableFuture
                    .supplyAsync(cube::refresh);
            try {
                worker.get(2, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException waiting) {
                // waits for the classification, as it should
            }
            moved.commit();
            worker.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> cube.refresh() == 0);
        JsonPath year = new JsonPath(given().auth().oauth2(Tokens.of("admin1")).queryParam("anchor", anchor)
                .queryParam("from", "2019-04-01").queryParam("to", "2020-03-31").get("/api/reports/local-spend")
                .then().statusCode(200).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertEquals(new BigDecimal("150.00"), money(year, "totalSpend"));
        assertEquals(new BigDecimal("0.00"), money(year, "inBoroughSpend"),
                "both payments after the move: the August slice too, read from the cube");
        assertEquals(new BigDecimal("0.00"), money(year, "smeSpend"));
    }

    @Test
    void shouldKeepABuyerToItsOwnAnchorAndRefuseAPeriodBackwards() {
        given().auth().oauth2(Tokens.of("buyer1")).queryParam("anchor", "test-trust")
                .get("/api/reports/local-spend").then().statusCode(403).contentType("application/problem+json")
                .body("errors.field", hasItem("anchor"));
        given().auth().oauth2(Tokens.of("buyer1")).get("/api/reports/local-spend").then().statusCode(200)
                .body("anchors", equalTo(java.util.List.of("wigan-council")));
        given().auth().oauth2(Tokens.of("supplier1")).get("/api/reports/local-spend").then().statusCode(403);
        given().auth().oauth2(Tokens.of("leader1")).queryParam("from", "2020-01-01").queryParam("to", "2019-01-01")
                .get("/api/reports/local-spend").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("to"));
        given().auth().oauth2(Tokens.of("leader1")).queryParam("from", "2020-13-01")
                .get("/api/reports/local-spend").then().statusCode(400).contentType("application/problem+json");
        // A period reaching back to the year 1 once made the period before it a date PostgreSQL refused: a 500
        for (String report : java.util.List.of("local-spend", "local-spend/by/anchor", "local-spend/by/month",
                "top-suppliers", "leakage", "funnel")) {
            given().auth().oauth2(Tokens.of("leader1")).queryParam("from", "0001-01-01").queryParam("to", "9999-12-31")
                    .get("/api/reports/" + report).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("from")).body("errors.field", hasItem("to"));
        }
    }

    private static JsonPath report(String token, String anchor, String from, String to) {
        return bothWays(anchor, () -> {
            var request = given().auth().oauth2(token).queryParam("anchor", anchor);
            if (from != null) {
                request = request.queryParam("from", from).queryParam("to", to);
            }
            return request.get("/api/reports/local-spend").then().statusCode(200).extract().asString();
        });
    }

    /** An anchor this service knows (as if learnt from anchor.anchors). */
    private static void knownAnchor(String id, String name, String type) {
        QuarkusTransaction.requiringNew().run(() -> {
            KnownAnchor a = new KnownAnchor();
            a.anchorId = id;
            a.name = name;
            a.type = type;
            a.updatedAt = java.time.Instant.now();
            a.persist();
        });
    }

    private static BigDecimal money(JsonPath report, String field) {
        return ((BigDecimal) report.get(field)).setScale(2);
    }

    private static boolean known(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> KnownSupplier.findById(id) != null);
    }

    private static ProducerRecord<String, String> registered(UUID id, String name, String companyNumber, String at,
            String locality, String sizeBand, boolean vcfse) {
        return record(id, 1, Topics.EventTypes.SUPPLIER_REGISTERED, """
                {"supplierId":"%s","legalName":"%s","postcode":"WN1 1AA","registeredAt":"%s"%s,
                 "classification":{"locality":"%s","sizeBand":"%s","sme":%s,"vcfse":%s,"vcfseVerified":false}}"""
                .formatted(id, name, at, companyNumber == null ? "" : ",\"companyNumber\":\"" + companyNumber + "\"",
                        locality, sizeBand, !"LARGE".equals(sizeBand), vcfse));
    }

    private static ProducerRecord<String, String> updated(UUID id, String name, String at, String locality,
            String sizeBand) {
        return record(id, 2, Topics.EventTypes.SUPPLIER_UPDATED, """
                {"supplierId":"%s","legalName":"%s","postcode":"PR1 1AA","changedFields":["postcode"],
                 "updatedAt":"%s",
                 "classification":{"locality":"%s","sizeBand":"%s","sme":true,"vcfse":false,"vcfseVerified":false}}"""
                .formatted(id, name, at, locality, sizeBand));
    }

    private static ProducerRecord<String, String> record(UUID key, long version, String type, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.SUPPLIERS, key.toString(), data);
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "urn:anchormarket:test".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_aggregateversion", Long.toString(version).getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
