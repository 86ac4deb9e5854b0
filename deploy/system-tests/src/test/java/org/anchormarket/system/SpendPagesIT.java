package org.anchormarket.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.anchormarket.testing.BrowserSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local-spend pages through the gateway, as a browser's requests: uploading a spend file (with its CSRF token),
 * the dashboard and its CSV downloads, mapping payees; and their refusals (another anchor's spend, a report that is
 * not one, a form without its token, a user without the role).
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class SpendPagesIT {

    /** An anchor no other system test loads spend for, so its figures are this test's alone. */
    private static final String ANCHOR = "housing";
    private static final String PAYEE = "Standish Damp Proofing " + Long.toString(System.nanoTime(), 36);
    private static String gateway;

    @BeforeAll
    static void usePlatform() {
        gateway = SharedPlatform.gateway();
    }

    private static String file() {
        return "Body,Payment Date,Transaction Number,Net Amount,Supplier Name,Expense Type\n"
                + "Housing,03/06/2019,T1,\"£1,200.50\"," + PAYEE + ",Repairs\n"
                + "Housing,04/06/2019,T2,-200.00," + PAYEE + ",Repairs\n"
                + "Housing,31/02/2019,T3,10.00," + PAYEE + ",Repairs\n"
                + "Housing,05/06/2019,T4,300.00,Redacted - Personal Data,Care\n";
    }

    @Test
    void shouldUploadAFileFromThePageAndShowItsReadingAndRejectedLines() {
        BrowserSession leader = BrowserSession.signIn(gateway, "leader1", "leader1");
        Map<String, String> cookies = leader.cookies();
        String csrf = leader.csrf(gateway);
        given().cookies(cookies).when().get(gateway + "/app/spend/uploads").then().statusCode(200)
                .body(containsString("Upload a spend file")).body(containsString("Housing provider"));
        // Without its CSRF token the upload changes nothing
        given().cookies(cookies).redirects().follow(false).multiPart("anchor", ANCHOR)
                .multiPart("file", "spend.csv", file().getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post(gateway + "/app/spend/uploads").then().statusCode(403);
        // A file that is not a spend file is named on the form, nothing kept
        given().cookies(cookies).redirects().follow(false).multiPart("csrf-token", csrf).multiPart("anchor", ANCHOR)
                .multiPart("file", "other.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post(gateway + "/app/spend/uploads").then().statusCode(400)
                .body(containsString("href=\"#file\">File has no column for payment date"));
        given().cookies(cookies).redirects().follow(false).multiPart("csrf-token", csrf).multiPart("anchor", "")
                .multiPart("file", "spend.csv", file().getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post(gateway + "/app/spend/uploads").then().statusCode(400)
                .body(containsString("href=\"#anchor\">Anchor must be chosen"));

        String location = given().cookies(cookies).redirects().follow(false).multiPart("csrf-token", csrf)
                .multiPart("anchor", ANCHOR)
                .multiPart("file", "spend.csv", file().getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post(gateway + "/app/spend/uploads").then().statusCode(303).extract().header("Location");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().cookies(cookies).when().get(location).then().statusCode(200)
                        .body(containsString("File read")));
        given().cookies(cookies).when().get(location).then().statusCode(200)
                .body(containsString("Spend upload for Housing provider"))
                .body(containsString("3 new payments, £1,300.50"))
                .body(containsString("id=\"rows-rejected\">1<"))
                .body(containsString("<td class=\"govuk-table__cell govuk-table__cell--numeric\">4</td>"));

        // The dashboard for that anchor: the figures the file holds, to the penny, in people's words
        given().cookies(cookies).queryParam("anchor", ANCHOR).when().get(gateway + "/app/spend").then()
                .statusCode(200).body(containsString("£1.3k")).body(containsString("3 payments"))
                .body(containsString("£1,000.50 went to payees not yet matched"))
                .body(containsString("£300.00 to payees whose names were withheld"))
                .body(containsString(PAYEE)).body(not(containsString("Redacted")))
                .body(containsString("/webjars/chart.js/"));
        given().cookies(cookies).queryParam("report", "local-spend/by/financialYear").queryParam("anchor", ANCHOR)
                .when().get(gateway + "/app/spend/csv").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("local-spend-by-financialYear.csv"))
                .body(containsString("2019"));
        given().cookies(cookies).queryParam("report", "top-suppliers").queryParam("anchor", ANCHOR)
                .when().get(gateway + "/app/spend/csv").then().statusCode(200).body(containsString(PAYEE));
        // Only the reports there are; a path is not a report
        given().cookies(cookies).queryParam("report", "../../api/suppliers").when().get(gateway + "/app/spend/csv")
                .then().statusCode(400);
        given().cookies(cookies).queryParam("report", "local-spend/by/colour").when().get(gateway + "/app/spend/csv")
                .then().statusCode(400);
        // An anchor the page does not offer, a period the service does not take: a page saying so, never a 500
        given().cookies(cookies).queryParam("report", "local-spend").queryParam("anchor", "nope")
                .when().get(gateway + "/app/spend/csv").then().statusCode(400);
        given().cookies(cookies).queryParam("from", "0001-01-01").queryParam("to", "9999-12-31")
                .when().get(gateway + "/app/spend").then().statusCode(400)
                .body(containsString("must be between 1900-01-01 and 2999-12-31"));
        // A multipart form cut short (its closing boundary never sent) is a bad request, not a failure
        given().cookies(cookies).redirects().follow(false).contentType("multipart/form-data; boundary=zzz")
                .body("--zzz\r\nContent-Disposition: form-data; name=\"anchor\"\r\n\r\nhousing\r\n"
                        .getBytes(StandardCharsets.UTF_8))
                .when().post(gateway + "/app/spend/uploads").then().statusCode(org.hamcrest.Matchers.oneOf(400, 403))
                .body(not(containsString("problem with the service")));
        given().cookies(cookies).queryParam("year", "last").when().get(gateway + "/app/spend").then().statusCode(400)
                .body(containsString("href=\"#year\">Year must be a financial year such as 2019"));
        given().cookies(cookies).queryParam("year", "2019").queryParam("anchor", ANCHOR)
                .when().get(gateway + "/app/spend").then().statusCode(200)
                .body(containsString("Financial year 2019/20")).body(containsString("3 payments"));
    }

    /** The upload page takes files past the 10 MB other pages take (spend files run to 100 MB). */
    @Test
    void shouldTakeASpendFileOverTenMegabytesOnTheUploadPage() {
        StringBuilder big = new StringBuilder("Payment Date,Net Amount,Supplier Name,Expense Type\n");
        String wide = "Repairs ".repeat(110_000); // 880 KB a cell, kept cut to its column
        for (int i = 1; i <= 14; i++) {
            big.append(String.format("%02d/08/2019,100.00,Orrell Roofing %d,%s%n", i, i, wide));
        }
        byte[] bytes = big.toString().getBytes(StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(bytes.length > 11 * 1024 * 1024, "over the general limit");
        BrowserSession admin = BrowserSession.signIn(gateway, "admin1", "admin1");
        String location = given().cookies(admin.cookies()).redirects().follow(false)
                .multiPart("csrf-token", admin.csrf(gateway)).multiPart("anchor", "wigan-leigh-college")
                .multiPart("file", "wide.csv", bytes, "text/csv")
                .when().post(gateway + "/app/spend/uploads").then().statusCode(303).extract().header("Location");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().cookies(admin.cookies()).when().get(location).then().statusCode(200)
                        .body(containsString("14 new payments, £1,400.00")));
    }

    @Test
    void shouldShowABuyerItsOwnAnchorsSpendOnly() {
        BrowserSession buyer = BrowserSession.signIn(gateway, "buyer1", "buyer1");
        Map<String, String> cookies = buyer.cookies();
        given().cookies(cookies).when().get(gateway + "/app/spend").then().statusCode(200)
                .body(containsString("Wigan Council")).body(not(containsString("Housing provider")));
        given().cookies(cookies).queryParam("anchor", ANCHOR).when().get(gateway + "/app/spend").then()
                .statusCode(400).body(containsString("href=\"#anchor\">Anchor must be one of the anchor institutions"))
                .body(containsString("id=\"anchor-error\""));
        // Another anchor's figures are not downloaded: the page does not offer that anchor (and the service would
        // refuse it too: LocalSpendReportTest)
        given().cookies(cookies).queryParam("report", "local-spend").queryParam("anchor", ANCHOR)
                .when().get(gateway + "/app/spend/csv").then().statusCode(400)
                .body(not(containsString("totalSpend")));
        given().cookies(cookies).when().get(gateway + "/app/spend/payees").then().statusCode(403);
        BrowserSession supplier = BrowserSession.signIn(gateway, "supplier1", "supplier1");
        given().cookies(supplier.cookies()).when().get(gateway + "/app/spend").then().statusCode(403)
                .body(containsString("You do not have access"));
        given().cookies(supplier.cookies()).when().get(gateway + "/app/spend/uploads").then().statusCode(403);
    }

    @Test
    void shouldLetAnAdminMapAPayeeToARegisteredSupplier() {
        String name = "Ince Window Cleaning " + Long.toString(System.nanoTime(), 36);
        String admin = SharedPlatform.token("admin1");
        String upload = given().auth().oauth2(admin).contentType("text/csv").queryParam("anchor", "university-partner")
                .body("Payment Date,Amount,Supplier\n01/07/2019,750.00," + name + "\n")
                .when().post(gateway + "/api/spend/uploads").then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(admin).when().get(upload)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("DONE")));
        String supplierId = given().auth().oauth2(admin).queryParam("q", "Atherton Cleaning").when()
                .get(gateway + "/api/suppliers").then().statusCode(200).extract().path("items[0].id");

        BrowserSession session = BrowserSession.signIn(gateway, "admin1", "admin1");
        Map<String, String> cookies = session.cookies();
        String csrf = session.csrf(gateway);
        String page = given().cookies(cookies).queryParam("q", name).when().get(gateway + "/app/spend/payees")
                .then().statusCode(200).body(containsString(name)).body(containsString("£750.00 in 1 payment</dd>"))
                .extract().asString();
        String key = Pattern.compile("name=\"payeeKey\" value=\"([^\"]+)\"").matcher(page).results().findFirst()
                .orElseThrow().group(1);
        given().cookies(cookies).redirects().follow(false).formParam("payeeKey", key).formParam("supplierId", supplierId)
                .when().post(gateway + "/app/spend/payees/map").then().statusCode(403);
        given().cookies(cookies).redirects().follow(false).formParam("csrf-token", csrf).formParam("payeeKey", key)
                .formParam("q", name).formParam("supplierId", "Atherton").when().post(gateway + "/app/spend/payees/map")
                .then().statusCode(400).body(containsString("href=\"#supplierId\">Supplier id must be the supplier"))
                .body(containsString("id=\"supplierId\""));
        String notice = given().cookies(cookies).redirects().follow(false).formParam("csrf-token", csrf)
                .formParam("payeeKey", key).formParam("supplierId", supplierId)
                .when().post(gateway + "/app/spend/payees/map").then().statusCode(303).extract().header("Location");
        given().cookies(cookies).urlEncodingEnabled(false).when().get(notice).then().statusCode(200)
                .body(containsString(name + " is now Atherton Cleaning Co-operative"));
        given().cookies(cookies).queryParam("q", name).when().get(gateway + "/app/spend/payees").then()
                .statusCode(200).body(containsString("0 payees not matched"));
        // The mapping holds in the reports: the payment is that supplier's now (in the borough)
        given().auth().oauth2(admin).queryParam("anchor", "university-partner").queryParam("from", "2019-07-01")
                .queryParam("to", "2019-07-01").when().get(gateway + "/api/reports/local-spend").then()
                .statusCode(200).body("inBoroughSpend", org.hamcrest.Matchers.equalTo(750.0f));
    }
}
