package org.anchormarket.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.anchormarket.infra.Ports;
import org.anchormarket.launcher.DemoData;
import org.anchormarket.launcher.Platform;
import org.anchormarket.launcher.PlatformLayout;
import org.anchormarket.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The walking skeleton through the gateway, against the whole platform started as ./run.sh starts it. */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class WalkingSkeletonIT {

    private static Platform platform;
    private static String gateway;
    private static String gatewayManagement;

    @BeforeAll
    static void usePlatform() {
        platform = SharedPlatform.platform();
        gateway = SharedPlatform.gateway();
        gatewayManagement = SharedPlatform.gatewayManagement();
    }

    private static String token(String user) {
        return Tokens.fetch(platform.tokenUrl(), user);
    }

    private static long registeredSuppliers(String leaderToken) {
        return ((Number) given().auth().oauth2(leaderToken).when().get(gateway + "/api/reports/suppliers")
                .then().statusCode(200).extract().path("registeredSuppliers")).longValue();
    }

    @Test
    void shouldRegisterThroughTheGatewayAndCountTheSupplierInTheReportWithinSeconds() {
        String leader = token("leader1");
        long before = registeredSuppliers(leader);

        String location = given().auth().oauth2(token("supplier1"))
                .contentType(ContentType.JSON).body("""
                        {"legalName": "Tyldesley Tiling Ltd", "organisationType": "SOLE_TRADER",
                         "postcode": "M29 8AA", "addressLines": ["3 Elliott Street"], "employees": 1,
                         "annualTurnover": 60000, "email": "tiles@tyldesley.example"}""")
                .when().post(gateway + "/api/suppliers")
                .then().statusCode(201)
                .header("Location", startsWith(gateway + "/api/suppliers/"))
                .extract().header("Location");
        given().auth().oauth2(token("supplier1")).when().get(location)
                .then().statusCode(200).body("legalName", equalTo("Tyldesley Tiling Ltd"))
                .body("classification.locality", equalTo("IN_BOROUGH"))
                .body("classification.town", equalTo("Tyldesley"));

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> registeredSuppliers(leader) == before + 1);
    }

    @Test
    void shouldRefuseCallersWithoutATokenOrWithTheWrongRole() {
        given().when().get(gateway + "/api/reports/suppliers").then().statusCode(401);
        // A token of the right user, issued to a client that is not the platform's: not for our APIs.
        given().auth().oauth2(Tokens.ofOtherClient(platform.tokenUrl(), "leader1")).when()
                .get(gateway + "/api/reports/suppliers").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").when().post(gateway + "/api/suppliers").then().statusCode(401);
        given().auth().oauth2(token("supplier1")).when().get(gateway + "/api/reports/suppliers")
                .then().statusCode(403);
        given().auth().oauth2(token("leader1")).contentType(ContentType.JSON)
                .body("{\"legalName\": \"X Ltd\", \"postcode\": \"WN1 1AA\"}")
                .when().post(gateway + "/api/suppliers").then().statusCode(403);
    }

    @Test
    void shouldServeTheDemoDataThroughTheGateway() {
        String buyer = token("buyer1");
        given().auth().oauth2(buyer).when().get(gateway + "/api/tenders")
                .then().statusCode(200).body("items.title", hasItem("Community meals for older residents in Leigh"));
        // Opportunities are public: no token needed to read them
        given().when().get(gateway + "/api/tenders?reserved=true").then().statusCode(200)
                .body("items.title", hasItem("Community centre kitchen refurbishment, Hindley"));
        given().when().get(gateway + "/api/events")
                .then().statusCode(200).body("items.kind", hasItem("MEET_THE_BUYER"))
                .body("items.kind", hasItem("TRAINING"));
        await().atMost(Duration.ofSeconds(10)).until(() -> registeredSuppliers(token("leader1")) >= 5);
        given().auth().oauth2(buyer).when().get(gateway + "/api/me")
                .then().statusCode(200).body("anchor", equalTo("wigan-council"));
    }

    /** A first start interrupted while seeding left part of the data: seeding again finishes it, adding nothing twice. */
    @Test
    void shouldSeedTheDemoDataAgainWithoutErrorsOrCopies() {
        String admin = token("admin1");
        int suppliers = given().auth().oauth2(admin).when().get(gateway + "/api/suppliers?q=Pemberton Joinery Ltd")
                .then().statusCode(200).extract().path("total");
        int tenders = given().auth().oauth2(admin).when().get(gateway + "/api/tenders").then().statusCode(200)
                .extract().path("total");
        new DemoData(gateway, platform.tokenUrl(), platform.referenceData()).seed();
        given().auth().oauth2(admin).when().get(gateway + "/api/suppliers?q=Pemberton Joinery Ltd")
                .then().statusCode(200).body("total", equalTo(suppliers));
        given().auth().oauth2(admin).when().get(gateway + "/api/tenders").then().statusCode(200)
                .body("total", equalTo(tenders));
    }

    /** The invitation code from the email the supplier-service wrote to its log (the platform's mock mailer). */
    private static String invitationCodeSentTo(String email) throws java.io.IOException {
        Path log = platform.layout().logs().resolve("supplier-service.log");
        java.util.regex.Pattern mail = java.util.regex.Pattern.compile("to \\[?" + java.util.regex.Pattern.quote(email)
                + "[\\s\\S]*?\\n\\s+([A-Za-z0-9_-]{43})\\s*\\n");
        java.util.regex.Matcher m = mail.matcher(Files.readString(log));
        assertTrue(m.find(), "no invitation to " + email + " in " + log);
        return m.group(1);
    }

    @Test
    void shouldRunTheSupplierJourneysThroughTheGateway() throws Exception {
        String admin = token("admin1");
        String buyer = token("buyer1");
        String tag = "Journey" + System.nanoTime();
        String leader = token("leader1");
        // Read before this test registers anyone: the report counts the cafe and the plumbers too, and
        // their events may land after any later read (read after them, the count once jumped past +1).
        long before = registeredSuppliers(leader);

        // Assisted registration at an event; the named contact takes the organisation over.
        String contact = tag.toLowerCase() + "@hindley-cafe.example";
        String cafe = given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"legalName": "%s Hindley Cafe CIC", "organisationType": "CIC", "companyNumber": "%08d",
                 "postcode": "WN2 3AA", "addressLines": ["1 Market Street"], "employees": 4,
                 "annualTurnover": 120000, "email": "hello@hindley-cafe.example", "inviteEmail": "%s"}"""
                .formatted(tag, System.nanoTime() % 100_000_000L, contact))
                .when().post(gateway + "/api/suppliers").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> invitationCodeSentTo(contact) != null);
        String owner = Tokens.ofNewUserWithEmail(platform.keycloakUrl(), "supplier", contact);
        given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(java.util.Map.of("code", invitationCodeSentTo(contact)))
                .when().post(gateway + "/api/suppliers/invitations/acceptance").then().statusCode(200);
        given().auth().oauth2(owner).when().get(gateway + "/api/suppliers/me").then().statusCode(200)
                .body("id", equalTo(cafe)).body("classification.vcfse", equalTo(true));

        // An admin imports a vendor master; the buyer exports the directory.
        String csv = "legalName,organisationType,postcode,addressLines,employees,annualTurnover,email\n"
                + tag + " Leigh Plumbing,PARTNERSHIP,WN7 1AA,2 Church St,3,90000,plumb@leigh.example\n"
                + tag + " Broken,NOT_A_TYPE,WN7 1AA,2 Church St,3,90000,plumb@leigh.example\n";
        for (int registered : new int[] { 1, 0 }) {
            given().auth().oauth2(admin).contentType("text/csv; charset=UTF-8").body(csv)
                    .when().post(gateway + "/api/suppliers/imports").then().statusCode(200)
                    .body("registered", equalTo(registered))
                    .body("rejected", equalTo(1))
                    .body("results[1].errors[0].field", equalTo("organisationType"));
        }
        String export = given().auth().oauth2(buyer).queryParam("q", tag).queryParam("locality", "IN_BOROUGH")
                .when().get(gateway + "/api/suppliers/export").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertEquals(3, export.lines().count(), export); // header, the cafe, the plumbers
        assertTrue(export.contains(tag + " Leigh Plumbing") && export.contains(",Leigh,"), export);

        // A sole trader asks to be erased: gone from the directory and no longer counted, the row kept.
        String soleTrader = Tokens.ofNewUser(platform.keycloakUrl(), "supplier");
        String id = given().auth().oauth2(soleTrader).contentType(ContentType.JSON).body("""
                {"legalName": "%s Sam Painter", "organisationType": "SOLE_TRADER", "postcode": "WN5 0AA",
                 "addressLines": ["4 Home Lane"], "employees": 1, "annualTurnover": 30000,
                 "email": "sam@painter.example"}""".formatted(tag))
                .when().post(gateway + "/api/suppliers").then().statusCode(201).extract().path("id");
        // the cafe, the plumbers and the sole trader (and any other supplier's event still arriving)
        await().atMost(Duration.ofSeconds(10)).until(() -> registeredSuppliers(leader) >= before + 3);
        long counted = registeredSuppliers(leader);
        given().auth().oauth2(soleTrader).when().post(gateway + "/api/suppliers/" + id + "/erasure")
                .then().statusCode(200).body("email", org.hamcrest.Matchers.nullValue());
        await().atMost(Duration.ofSeconds(10)).until(() -> registeredSuppliers(leader) == counted - 1);
        given().auth().oauth2(buyer).queryParam("q", "Sam Painter").when().get(gateway + "/api/suppliers")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
    }

    @Test
    void shouldServeTheSupplierPagesOfTheWebUiToSignedInUsers() {
        var buyerSession = org.anchormarket.testing.BrowserSession.signIn(gateway, "buyer1", "buyer1");
        var buyer = buyerSession.cookies();
        // Keycloak sends a signed-in user back to /app, the signed-in home (once a 404)
        given().cookies(buyer).when().get(gateway + "/app").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Hello, "))
                .body(org.hamcrest.Matchers.containsString("Supplier directory"));
        given().cookies(buyer).queryParam("q", "Leigh Community").queryParam("locality", "IN_BOROUGH")
                .when().get(gateway + "/app/suppliers")
                .then().statusCode(200).contentType(startsWith("text/html"))
                .body(org.hamcrest.Matchers.containsString("Leigh Community Kitchen CIC"))
                .body(org.hamcrest.Matchers.containsString("<strong>1</strong> supplier found"))
                .body(org.hamcrest.Matchers.containsString("Wigan borough"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(">IN_BOROUGH<")));
        given().cookies(buyer).queryParam("q", "Leigh Community").when().get(gateway + "/app/suppliers/export")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .body(org.hamcrest.Matchers.containsString("Leigh Community Kitchen CIC"));

        String user = "webuser" + System.nanoTime();
        // A new business creates its own account (Keycloak self-registration gives the supplier role).
        var supplierSession = org.anchormarket.testing.BrowserSession.signUp(gateway, user, "Secret-" + user,
                user + "@leigh-signs.example");
        var supplier = supplierSession.cookies();
        String csrf = supplierSession.csrf(gateway);
        given().cookies(supplier).when().get(gateway + "/app/organisation").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Register your organisation"));
        // A form without its CSRF token (as another site would post it) changes nothing
        given().cookies(supplier).redirects().follow(false)
                .formParam("legalName", user + " Forged").formParam("organisationType", "SOLE_TRADER")
                .formParam("addressLines", "2 Bridge St").formParam("postcode", "WN7 1AA")
                .formParam("employees", "2").formParam("annualTurnover", "40000").formParam("email", "f@b.example")
                .when().post(gateway + "/app/organisation").then().statusCode(403)
                .body(org.hamcrest.Matchers.containsString("that form could not be sent"));
        // ... nor in another body type than a form's, nor with a token that is not the session's
        given().cookies(supplier).redirects().follow(false).contentType("application/json").body("{}")
                .when().post(gateway + "/app/organisation").then().statusCode(org.hamcrest.Matchers.oneOf(403, 415));
        given().cookies(supplier).redirects().follow(false).header("X-CSRF-Token", "forged")
                .formParam("legalName", user + " Forged").when().post(gateway + "/app/organisation")
                .then().statusCode(403);
        given().cookies(supplier).redirects().follow(false).formParam("csrf-token", csrf)
                .formParam("legalName", "").formParam("organisationType", "SOLE_TRADER")
                .formParam("addressLines", "2 Bridge St").formParam("postcode", "WN7 1AA")
                .formParam("employees", "two").formParam("annualTurnover", "40000").formParam("email", "a@b.example")
                .when().post(gateway + "/app/organisation").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("govuk-error-summary"))
                .body(org.hamcrest.Matchers.containsString("href=\"#employees\">Employees must be a whole number"));
        given().cookies(supplier).redirects().follow(false).formParam("csrf-token", csrf)
                .formParam("legalName", user + " Leigh Signs").formParam("organisationType", "SOLE_TRADER")
                .formParam("addressLines", "2 Bridge St\nLeigh").formParam("postcode", "WN7 1AA")
                .formParam("employees", "2").formParam("annualTurnover", "40,000")
                .formParam("email", "signs@leigh.example").formParam("cpvCodes", "22462000")
                .when().post(gateway + "/app/organisation").then().statusCode(303);
        given().cookies(supplier).formParam("csrf-token", csrf).formParam("email", "colleague@leigh.example")
                .redirects().follow(false)
                .when().post(gateway + "/app/organisation/invitations").then().statusCode(303);
        String page = given().cookies(supplier).when().get(gateway + "/app/organisation").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(user + " Leigh Signs"))
                .body(org.hamcrest.Matchers.containsString("Wigan borough, Leigh"))
                .body(org.hamcrest.Matchers.containsString("colleague@leigh.example"))
                .extract().asString();
        String version = java.util.regex.Pattern.compile("name=\"version\" value=\"([^\"]*)\"").matcher(page)
                .results().findFirst().orElseThrow().group(1).replace("&quot;", "\""); // as a browser reads it
        given().cookies(supplier).when().get(gateway + "/app/suppliers").then().statusCode(403)
                .body(org.hamcrest.Matchers.containsString("You do not have access"));
        given().cookies(supplier).redirects().follow(false).formParam("csrf-token", csrf)
                .formParam("version", version)
                .formParam("employees", "12").formParam("annualTurnover", "40000").formParam("email", "signs@leigh.example")
                .formParam("cpvCodes", "22462000 45442100").formParam("tradingName", "Leigh Signs & Paint")
                .when().post(gateway + "/app/organisation/profile").then().log().ifValidationFails().statusCode(303);
        // The same form again, filled from the version before that save: the colleague's change is not overwritten
        given().cookies(supplier).redirects().follow(false).formParam("csrf-token", csrf)
                .formParam("version", version).formParam("employees", "3").formParam("tradingName", "Stale")
                .when().post(gateway + "/app/organisation/profile").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("saved its details while you were editing"));

        var adminSession = org.anchormarket.testing.BrowserSession.signIn(gateway, "admin1", "admin1");
        var admin = adminSession.cookies();
        String adminCsrf = adminSession.csrf(gateway);
        String id = given().auth().oauth2(token("admin1")).queryParam("q", user).when().get(gateway + "/api/suppliers")
                .then().statusCode(200).extract().path("items[0].id");
        given().cookies(admin).redirects().follow(false).formParam("csrf-token", adminCsrf).formParam("status", "REJECTED")
                .when().post(gateway + "/app/suppliers/" + id + "/verification").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("is required when rejecting"));
        // The supplier's token is not the admin's: a form posted with another session's token is refused
        given().cookies(admin).redirects().follow(false).formParam("csrf-token", csrf).formParam("status", "VERIFIED")
                .when().post(gateway + "/app/suppliers/" + id + "/verification").then().statusCode(403);
        given().cookies(admin).redirects().follow(false).formParam("csrf-token", adminCsrf).formParam("status", "VERIFIED")
                .when().post(gateway + "/app/suppliers/" + id + "/verification").then().statusCode(303);
        given().cookies(supplier).when().get(gateway + "/app/organisation").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Verified"))
                .body(org.hamcrest.Matchers.containsString("Small (an SME)"))
                .body(org.hamcrest.Matchers.containsString("45442100"))
                .body(org.hamcrest.Matchers.containsString("Leigh Signs &amp; Paint"));

        given().cookies(admin).multiPart("csrf-token", adminCsrf)
                .multiPart("file", "vendors.csv", ("legalName,organisationType,postcode,addressLines,employees,"
                        + "annualTurnover,email\n" + user + " Golborne Gates,PARTNERSHIP,WA3 3AA,1 High St,4,100000,"
                        + "gates@golborne.example\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv")
                .when().post(gateway + "/app/suppliers/import").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("1 registered"))
                .body(org.hamcrest.Matchers.containsString(user + " Golborne Gates"));
    }

    @Test
    void shouldReportEachServicesStateInTheGatewaysReadiness() {
        given().when().get(gatewayManagement + "/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks[0].data.servicesDown", equalTo(0))
                .body("checks[0].data.size()", greaterThanOrEqualTo(5));
        assertEquals(200, given().when().get(gateway + "/").then().extract().statusCode());
    }

    /**
     * The broker and a service die (SIGKILL) while the platform runs: a registration made while the broker is down
     * is accepted and reaches the report once the supervisor has restarted the broker; the rest keep serving while
     * a service is down, and the service comes back.
     */
    @Test
    void shouldRestartWhatDiesAndDeliverWhatWasAcceptedMeanwhile() {
        String leader = token("leader1");
        String supplier = token("supplier2");
        long before = registeredSuppliers(leader);

        crash(platform.process("Kafka"));
        given().auth().oauth2(supplier).contentType(ContentType.JSON).body("""
                {"legalName": "Standish Signs Ltd", "organisationType": "SOLE_TRADER", "postcode": "WN6 0AA",
                 "addressLines": ["2 High Street"], "employees": 2, "annualTurnover": 90000,
                 "email": "signs@standish.example"}""")
                .when().post(gateway + "/api/suppliers").then().statusCode(201);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> registeredSuppliers(leader) == before + 1);
        assertTrue(platform.restarts("Kafka") >= 1, "the supervisor restarted the broker");

        crash(platform.process("tender-service"));
        given().auth().oauth2(token("buyer1")).when().get(gateway + "/api/suppliers?locality=IN_BOROUGH")
                .then().statusCode(200);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> given().auth().oauth2(token("buyer1")).when().get(gateway + "/api/tenders")
                        .then().extract().statusCode() == 200);
        assertTrue(platform.restarts("tender-service") >= 1, "the supervisor restarted tender-service");
    }

    /**
     * Fault test 2: supplier-service is killed (SIGKILL) during a burst of registrations and restarted. Every
     * registration that got a 201 is there and its message reaches the report; one whose answer was lost is there
     * whole (row and message) or not at all: the report counts exactly what the directory holds.
     */
    @Test
    void shouldKeepEveryAcceptedRegistrationWhenSupplierServiceIsKilledDuringABurst() throws Exception {
        String admin = token("admin1");
        String leader = token("leader1");
        String tag = "Burst" + Long.toHexString(System.nanoTime());
        long before = registeredSuppliers(leader);
        java.util.List<String> accepted = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int client = c;
            done.add(clients.submit(() -> {
                var timeouts = io.restassured.config.RestAssuredConfig.config().httpClient(
                        io.restassured.config.HttpClientConfig.httpClientConfig()
                                .setParam("http.connection.timeout", 5_000).setParam("http.socket.timeout", 30_000));
                for (int i = 0; i < 15; i++) {
                    io.restassured.response.ExtractableResponse<io.restassured.response.Response> response;
                    try {
                        response = given().config(timeouts).auth().oauth2(admin).contentType(ContentType.JSON).body("""
                            {"legalName": "%s %d-%d Decorating", "organisationType": "SOLE_TRADER",
                             "postcode": "WN2 3AA", "addressLines": ["1 Market Street"], "employees": 1,
                             "annualTurnover": 40000, "email": "burst@decorating.example"}""".formatted(tag, client, i))
                            .when().post(gateway + "/api/suppliers").then().extract();
                    } catch (RuntimeException e) {
                        answered.incrementAndGet(); // no answer at all: failed, as far as the client knows
                        continue;
                    }
                    if (response.statusCode() == 201) {
                        accepted.add(response.path("id"));
                    }
                    answered.incrementAndGet();
                }
            }));
        }
        await().atMost(Duration.ofMinutes(1)).until(() -> answered.get() >= 12);
        crash(platform.process("supplier-service"));
        for (var d : done) {
            d.get();
        }
        clients.shutdown();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> given().auth().oauth2(admin).when().get(gateway + "/api/suppliers?q=" + tag)
                        .then().extract().statusCode() == 200);
        assertTrue(platform.restarts("supplier-service") >= 1, "the supervisor restarted supplier-service");
        assertTrue(accepted.size() >= 10, "accepted before the crash: " + accepted.size());

        List<String> stored = given().auth().oauth2(admin).when().get(gateway + "/api/suppliers?pageSize=200&q=" + tag)
                .then().statusCode(200).extract().path("items.id");
        assertTrue(stored.containsAll(accepted), "every 201 is stored");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> registeredSuppliers(leader) == before + stored.size());
        System.out.printf("[reliability] supplier-service killed during a burst: %d sent, %d accepted (201), %d "
                + "stored, %d delivered to the report%n", 60, accepted.size(), stored.size(),
                registeredSuppliers(leader) - before);
    }

    private static void crash(org.anchormarket.infra.ManagedProcess process) {
        ProcessHandle.of(process.pid()).ifPresent(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.onExit().join();
        });
    }
}
