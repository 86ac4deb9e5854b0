package org.anchormarket.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The web UI's journeys in a real browser (headless Chromium), every one starting from signing in on Keycloak's form,
 * every page checked against WCAG 2.2 A and AA. A new business signs up, registers (first with a bad postcode),
 * edits its profile; an admin verifies it; a buyer filters the directory and downloads the CSV; a user without the
 * role is refused with a page saying so; a leader uploads a real council's spend file and reads the dashboard; a
 * buyer drafts and publishes a reserved tender, the new business is told of it, asks and bids, and the buyer answers,
 * opens the bids after the (real) deadline, scores and awards, and the business sees it won; a buyer runs a
 * meet-the-buyer event while the business registers and books a meeting; a buyer creates and changes a training
 * session, the business's person comes, and once it is over the business is bid-ready.
 */
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserJourneysIT {

    private static final String BUSINESS = "Hindley Green Hedges " + Long.toString(System.nanoTime(), 36);
    /** The new business's user (journey 1), who later finds and bids for a tender. */
    private static final String BUSINESS_USER = "hedges" + Long.toString(System.nanoTime(), 36);
    private static final String TENDER = "Hedge cutting at Haigh Hall " + Long.toString(System.nanoTime(), 36);
    private static final java.time.format.DateTimeFormatter UK_TIME = java.time.format.DateTimeFormatter
            .ofPattern("dd/MM/yyyy HH:mm:ss").withZone(java.time.ZoneId.of("Europe/London"));
    /** The journeys' tender's deadlines: questions, then bids (real time: the buyer waits for it to pass). */
    private static java.time.Instant questionsClose;
    private static java.time.Instant bidsClose;

    private static void signIn(Browser browser, String user, String password) {
        browser.go(SharedPlatform.gateway() + "/").press("Sign in or create an account");
        browser.type("username", user).type("password", password);
        browser.find("#kc-login").click();
        browser.checked();
        assertEquals(SharedPlatform.gateway() + "/app", browser.driver().getCurrentUrl(),
                "signing in lands on the signed-in home");
        assertTrue(browser.text().contains("Hello, "), browser.text());
    }

    @Test
    @Order(1)
    void aNewBusinessSignsUpRegistersAndEditsItsProfile() {
        String user = BUSINESS_USER;
        try (Browser browser = Browser.open("new-business")) {
            browser.go(SharedPlatform.gateway() + "/").press("Sign in or create an account");
            browser.driver().findElement(By.partialLinkText("Register")).click();
            browser.checked();
            browser.type("firstName", "Hannah").type("lastName", "Hedges").type("email", user + "@hedges.example")
                    .type("username", user).type("password", "Secret-" + user)
                    .type("password-confirm", "Secret-" + user);
            browser.find("input[type=submit], button[type=submit]").click();
            browser.checked();
            assertEquals(SharedPlatform.gateway() + "/app", browser.driver().getCurrentUrl());

            browser.press("Register your organisation");
            browser.type("legalName", BUSINESS)
                    .type("addressLines", "12 Atherton Road\nHindley Green")
                    .type("postcode", "NOT A POSTCODE").type("employees", "3").type("annualTurnover", "£85,000")
                    .type("email", user + "@hedges.example").type("cpvCodes", "77310000");
            new Select(browser.find("#organisationType")).selectByVisibleText("Partnership");
            browser.press("Register");
            assertTrue(browser.find(".govuk-error-summary").getText().toLowerCase().contains("postcode"),
                    "the error summary names the postcode: " + browser.find(".govuk-error-summary").getText());
            assertEquals(BUSINESS, browser.find("#legalName").getAttribute("value"), "what was typed is kept");
            browser.find(".govuk-error-summary a[href='#postcode']").click();
            assertEquals("postcode", browser.driver().switchTo().activeElement().getAttribute("id"),
                    "the summary's link takes you to the field");

            browser.type("postcode", "WN2 4XX");
            browser.press("Register");
            assertTrue(browser.text().contains("Your organisation is registered"), browser.text());
            assertTrue(browser.text().contains("Awaiting verification"), browser.text());

            browser.type("tradingName", "Green Hedges").type("website", "hedges.example");
            browser.press("Save your details");
            assertTrue(browser.text().contains("Your details are saved"), browser.text());
            assertEquals("Green Hedges", browser.find("#tradingName").getAttribute("value"));
        }
    }

    @Test
    @Order(2)
    void anAdminVerifiesTheNewBusiness() {
        try (Browser browser = Browser.open("admin")) {
            signIn(browser, "admin1", "admin1");
            browser.press("Supplier directory");
            browser.type("q", BUSINESS);
            new Select(browser.find("#verified")).selectByVisibleText("Not verified yet");
            browser.press("Apply filters");
            assertTrue(browser.text().contains(BUSINESS), browser.text());
            browser.driver().findElement(By.xpath("//button[normalize-space(.)='Verify " + BUSINESS + "']")).click();
            browser.checked();
            assertTrue(browser.text().contains(BUSINESS + ": Verified"), browser.text());
        }
    }

    @Test
    @Order(3)
    void aBuyerFiltersTheDirectoryAndDownloadsTheCsv() throws Exception {
        try (Browser browser = Browser.open("buyer")) {
            signIn(browser, "buyer1", "buyer1");
            browser.press("Supplier directory");
            new Select(browser.find("#locality")).selectByVisibleText("Wigan borough");
            new Select(browser.find("#vcfse")).selectByVisibleText("VCFSE only");
            browser.press("Apply filters");
            String results = browser.find("table").getText();
            assertTrue(results.contains("Leigh Community Kitchen CIC"), results);
            assertTrue(!results.contains("Northern Office Supplies"), "not VCFSE and not in the borough: " + results);
            assertTrue(!browser.text().contains("IN_BOROUGH"), "people's words, not codes");
            browser.driver().findElement(By.partialLinkText("Download these suppliers as CSV")).click();
            Path csv = browser.downloaded("suppliers.csv");
            String text = Files.readString(csv, StandardCharsets.UTF_8);
            assertTrue(text.contains("Leigh Community Kitchen CIC"), text);
            assertTrue(!text.contains("Northern Office Supplies"), text);
        }
    }

    @Test
    @Order(4)
    void aUserWithoutTheRoleIsToldSoNotShownAStackTrace() {
        try (Browser browser = Browser.open("refused")) {
            signIn(browser, "supplier1", "supplier1");
            browser.go(SharedPlatform.gateway() + "/app/suppliers/import");
            assertTrue(browser.text().contains("You do not have access to this page"), browser.text());
            assertTrue(!browser.text().contains("Exception"), browser.text());
            assertTrue(browser.driver().findElements(By.linkText("Import suppliers")).isEmpty(),
                    "the navigation offers only what the user may open");
            browser.press("Sign out");
            assertEquals(SharedPlatform.gateway() + "/", browser.driver().getCurrentUrl());
            browser.go(SharedPlatform.gateway() + "/app/organisation");
            assertTrue(browser.driver().getCurrentUrl().contains("/realms/anchor-market/"),
                    "signed out: the browser is asked to sign in again");
        }
    }

    @Test
    @Order(5)
    void aLeaderUploadsARealSpendFileAndReadsTheDashboard() {
        // Salford's published 2019 spend (16,793 lines, £327,172,549.77), loaded as the fire service's: no other
        // test loads spend for that anchor, so the figures are the file's alone
        Path salford = Path.of(System.getProperty("anchor.root", "../.."), "..", "shared", "data",
                "gm-council-spend-2019", "salford_2019.csv").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(salford), "the journey needs the shared data beside the checkout: " + salford);
        try (Browser browser = Browser.open("leader")) {
            signIn(browser, "leader1", "leader1");
            browser.press("Upload spend");
            new Select(browser.find("#anchor")).selectByVisibleText("Greater Manchester Fire and Rescue Service");
            browser.find("#file").sendKeys(salford.toString());
            browser.press("Upload");
            assertTrue(browser.text().contains("Spend upload for Greater Manchester Fire and Rescue Service"),
                    browser.text());
            // The page follows the reading by itself (a progress bar while it runs), then shows the result
            // (the page reloads itself when the reading is done: a body found just before is stale, look again)
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(90))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> browser.text().contains("File read"));
            browser.checked();
            assertTrue(browser.text().contains("16,793 new payments, £327,172,549.77"), browser.text());

            browser.press("See the local-spend dashboard");
            new Select(browser.find("#anchor")).selectByVisibleText("Greater Manchester Fire and Rescue Service");
            browser.press("Show");
            assertEquals("£327.2m", browser.find("#headline-total").getText());
            assertTrue(browser.text().contains("16,793 payments"), browser.text());
            assertTrue(browser.text().contains("Trend by financial year"), browser.text());
            assertTrue(!browser.driver().findElements(By.cssSelector(".anchor-chart canvas")).isEmpty(),
                    "Chart.js drew the charts above their tables");
            browser.driver().findElement(By.partialLinkText("Download the top 300")).click();
            String top = readString(browser.downloaded("top-suppliers.csv"));
            assertTrue(top.lines().count() > 100, top);
        }
    }

    @Test
    @Order(6)
    void aBuyerDraftsAReservedTenderAndPublishesIt() {
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        questionsClose = now.plusSeconds(100);
        bidsClose = now.plusSeconds(130);
        try (Browser browser = Browser.open("buyer-tender")) {
            signIn(browser, "buyer1", "buyer1");
            // first the plan, so local firms can prepare
            browser.press("Pipeline");
            browser.type("title", "Plan: " + TENDER).type("cpvCodes", "77310000").type("estimatedValue", "18000")
                    .type("expectedPublication", "tomorrow");
            browser.press("Announce the plan");
            assertTrue(browser.find(".govuk-error-summary").getText().contains("Expected publication"),
                    browser.find(".govuk-error-summary").getText());
            browser.type("expectedPublication", java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"))
                    .plusDays(1).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            browser.press("Announce the plan");
            assertTrue(browser.text().contains("The plan is announced"), browser.text());
            assertTrue(browser.text().contains("Plan: " + TENDER), browser.text());

            browser.press("Opportunities");
            browser.press("Create a tender");
            new Select(browser.find("#pipelineItemId")).selectByVisibleText("Plan: " + TENDER + " (Wigan Council)");
            browser.type("title", TENDER)
                    .type("description", "Cutting the hedges of the hall's walled garden twice a year.")
                    .type("cpvCodes", "77310000").type("estimatedValue", "£18,000")
                    .type("clarificationDeadline", UK_TIME.format(questionsClose))
                    .type("submissionDeadline", UK_TIME.format(bidsClose))
                    .type("weights.price", "70").type("weights.quality", "25").type("weights.socialValue", "5");
            new Select(browser.find("#reservation")).selectByVisibleText("Reserved for Wigan borough suppliers");
            browser.press("Save the draft");
            String problem = browser.find(".govuk-error-summary").getText();
            assertTrue(problem.toLowerCase().contains("social value"), problem);
            assertEquals(TENDER, browser.find("#title").getAttribute("value"), "what was typed is kept");

            browser.type("weights.price", "60").type("weights.quality", "30").type("weights.socialValue", "10");
            browser.press("Save the draft");
            assertTrue(browser.text().contains("Your draft tender is saved"), browser.text());
            assertTrue(browser.text().contains("Reserved for Wigan borough suppliers"), browser.text());
            assertTrue(browser.text().contains("less than 10 days away"), "the short deadline is flagged");
            assertTrue(!browser.text().contains("LOCAL"), "people's words, not codes");
            browser.find("#document-file").sendKeys(pdf("Specification.pdf", "Hedges: 240 m, twice a year").toString());
            browser.press("Add the document");
            assertTrue(browser.text().contains("The document is added"), browser.text());
            assertTrue(browser.text().contains("Specification.pdf"), browser.text());
            browser.press("Publish the tender");
            assertTrue(browser.text().contains("The tender is published"), browser.text());
            assertTrue(browser.text().contains("Open for bids"), browser.text());
        }
    }

    @Test
    @Order(7)
    void aLocalSupplierIsToldOfTheReservedTenderAsksAndBids() {
        try (Browser browser = Browser.open("supplier-bid")) {
            signIn(browser, BUSINESS_USER, "Secret-" + BUSINESS_USER);
            browser.press("Notifications");
            assertTrue(browser.text().contains(TENDER), "told of the new tender in its categories: " + browser.text());
            browser.driver().findElement(By.partialLinkText(TENDER)).click();
            browser.checked();
            assertTrue(browser.text().contains("Your organisation may ask questions and bid"), browser.text());
            assertTrue(browser.text().contains("Specification.pdf"), "the tender's documents: " + browser.text());
            browser.driver().findElement(By.linkText("Specification.pdf")).click();
            assertTrue(readString(browser.downloaded("Specification.pdf")).contains("Hedges: 240 m"),
                    "the document downloads as it was added");

            browser.type("question-text", "Is green waste removal included?");
            browser.press("Send the question");
            assertTrue(browser.text().contains("Your question is sent"), browser.text());

            browser.press("Your bid for lot 1");
            browser.type("price", "a lot").type("qualityResponse", "Two visits a year with hand tools near nests.")
                    .type("socialValueCommitments", "A local apprentice on every visit.");
            browser.press("Submit your bid");
            assertTrue(browser.find(".govuk-error-summary").getText().toLowerCase().contains("price"),
                    browser.find(".govuk-error-summary").getText());
            assertEquals("Two visits a year with hand tools near nests.",
                    browser.find("#qualityResponse").getAttribute("value"), "what was typed is kept");
            browser.type("price", "£16,500");
            browser.press("Submit your bid");
            assertTrue(browser.text().contains("Your bid is in"), browser.text());
            assertTrue(browser.text().contains("£16,500.00"), browser.text());

            browser.find("#file").sendKeys(pdf("Method statement.pdf", "Hand tools near nests").toString());
            browser.press("Add the file");
            assertTrue(browser.text().contains("The file is added to your bid"), browser.text());
            assertTrue(browser.text().contains("Method statement.pdf"), browser.text());

            browser.press("Your bids");
            assertTrue(browser.text().contains(TENDER), browser.text());
            assertTrue(browser.text().contains("Submitted: you can change it until the deadline"), browser.text());

            browser.press("Opportunities");
            new Select(browser.find("#reserved")).selectByVisibleText("Reserved competitions only");
            browser.press("Apply filters");
            assertTrue(browser.text().contains("Community meals for older residents in Leigh"), browser.text());
            assertTrue(browser.text().contains(TENDER), browser.text());
        }
    }

    @Test
    @Order(8)
    void theBuyerAnswersOpensTheBidsAfterTheDeadlineScoresAndAwards() {
        try (Browser buyer = Browser.open("buyer-award")) {
            signIn(buyer, "buyer1", "buyer1");
            buyer.press("Opportunities");
            buyer.type("q", TENDER);
            buyer.press("Apply filters");
            buyer.driver().findElement(By.linkText(TENDER)).click();
            buyer.checked();
            assertTrue(buyer.text().contains("Is green waste removal included?"), buyer.text());
            assertTrue(buyer.text().contains("Not answered yet"), buyer.text());
            buyer.find("textarea[id^=answer-]").sendKeys("Yes: take it to the council's green waste site.");
            buyer.press("Publish the answer to question 1");
            assertTrue(buyer.text().contains("The answer is published"), buyer.text());
            assertTrue(buyer.driver().findElements(By.xpath("//button[normalize-space(.)='Open the bids']")).isEmpty(),
                    "the bids stay sealed until the deadline");

            new org.openqa.selenium.support.ui.WebDriverWait(buyer.driver(), java.time.Duration.ofSeconds(150))
                    .pollingEvery(java.time.Duration.ofSeconds(2))
                    .until(d -> java.time.Instant.now().isAfter(bidsClose.plusSeconds(1)));
            buyer.driver().navigate().refresh();
            buyer.checked();
            buyer.press("Open the bids");
            assertTrue(buyer.text().contains("The bids are opened"), buyer.text());
            buyer.press("Evaluate lot 1");
            assertTrue(buyer.text().contains(BUSINESS + ": £16,500.00"), buyer.text());
            assertTrue(buyer.text().contains("A local apprentice on every visit."), buyer.text());
            assertTrue(buyer.text().contains("Method statement.pdf"), "the bid's file, opened with it: "
                    + buyer.text());
            buyer.find("input[id$=-quality]").sendKeys("80");
            buyer.find("input[id$=-socialValue]").sendKeys("70");
            buyer.press("Save the scores for " + BUSINESS);
            assertTrue(buyer.text().contains("The scores are saved"), buyer.text());
            buyer.type("award-contractStart", "01/04/2027").type("award-contractEnd", "31/03/2028");
            buyer.press("Award the lot");
            assertTrue(buyer.text().contains("The lot is awarded"), buyer.text());
        }
        try (Browser supplier = Browser.open("supplier-outcome")) {
            signIn(supplier, BUSINESS_USER, "Secret-" + BUSINESS_USER);
            supplier.press("Your bids");
            assertTrue(supplier.text().contains("Won"), supplier.text());
            supplier.driver().findElement(By.partialLinkText(TENDER)).click();
            supplier.checked();
            assertTrue(supplier.text().contains("You won this lot"), supplier.text());
        }
    }

    @Test
    @Order(10)
    void aBuyerRunsATrainingSessionAndTheLocalBusinessWhosePeopleCameIsBidReady() {
        String title = "Bidding for public contracts " + Long.toString(System.nanoTime(), 36);
        // First planned for tomorrow, then moved to begin in two to three minutes and last one: long enough to
        // register before it starts (registration closes then), short enough that the test sees it end
        java.time.Instant tomorrow = java.time.Instant.now().plus(1, java.time.temporal.ChronoUnit.DAYS)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        java.time.Instant start = java.time.Instant.now().plus(3, java.time.temporal.ChronoUnit.MINUTES)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        java.time.Instant end = start.plus(1, java.time.temporal.ChronoUnit.MINUTES);
        String eventUrl;
        try (Browser buyer = Browser.open("buyer-training")) {
            signIn(buyer, "buyer1", "buyer1");
            buyer.press("Events");
            buyer.press("Create an event");
            new Select(buyer.find("#kind")).selectByValue("TRAINING");
            buyer.type("title", "Tendering basics").type("venue", "Wigan Life Centre").type("town", "Wigan")
                    .type("startsAt", UK_TIME.format(tomorrow))
                    .type("endsAt", UK_TIME.format(tomorrow.plusSeconds(7200))).type("capacity", "30")
                    .type("seatsPerOrganisation", "1");
            buyer.press("Create the event");
            assertTrue(buyer.text().contains("The event is published"), buyer.text());
            eventUrl = buyer.driver().getCurrentUrl().replaceAll("\\?.*", "");
            buyer.press("Change the event");
            assertEquals("Tendering basics", buyer.find("#title").getAttribute("value"), "filled from the event");
            assertEquals(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(
                    java.time.ZoneId.of("Europe/London")).format(tomorrow), buyer.find("#startsAt").getAttribute("value"));
            buyer.type("title", title).type("capacity", "lots").type("startsAt", UK_TIME.format(start))
                    .type("endsAt", UK_TIME.format(end)).type("registrationClosesAt", "");
            buyer.press("Save the changes");
            assertTrue(buyer.find(".govuk-error-summary").getText().contains("Capacity"),
                    buyer.find(".govuk-error-summary").getText());
            assertEquals(title, buyer.find("#title").getAttribute("value"), "what was typed is kept");
            buyer.type("capacity", "12");
            buyer.press("Save the changes");
            assertTrue(buyer.text().contains("The event is changed"), buyer.text());
            assertTrue(buyer.text().contains(title) && buyer.text().contains("12 of 12 left"), buyer.text());
        }
        String code;
        try (Browser business = Browser.open("business-training")) {
            signIn(business, BUSINESS_USER, "Secret-" + BUSINESS_USER);
            business.go(SharedPlatform.gateway() + "/app/organisation");
            assertTrue(business.text().contains("find a training session"), business.text());
            business.press("find a training session");
            business.driver().findElement(By.partialLinkText(title)).click();
            business.checked();
            business.type("register-name1", "Hannah Hedges").type("register-email1", BUSINESS_USER + "@hedges.example");
            business.press("Register");
            assertTrue(business.text().contains("Your place is confirmed"), business.text());
            code = business.find(".govuk-panel__body strong").getText();
        }
        try (Browser buyer = Browser.open("buyer-training-check-in")) {
            signIn(buyer, "buyer1", "buyer1");
            buyer.go(eventUrl);
            buyer.press("Registrations, the waitlist and check-in on the day");
            buyer.type("check-checkInCode", code);
            buyer.press("Check in");
            assertTrue(buyer.text().contains(BUSINESS + ": Hannah Hedges"), buyer.text());
        }
        // Once the session is over, those who came completed it: the organisation is bid-ready
        try (Browser business = Browser.open("business-bid-ready")) {
            signIn(business, BUSINESS_USER, "Secret-" + BUSINESS_USER);
            long until = System.nanoTime() + java.time.Duration.between(java.time.Instant.now(), end)
                    .plusMinutes(2).toNanos();
            do {
                business.go(SharedPlatform.gateway() + "/app/organisation");
                if (business.text().contains("Bid-ready")) {
                    break;
                }
                sleep(5_000);
            } while (System.nanoTime() < until);
            assertTrue(business.text().contains("Your people completed procurement training"), business.text());
        }
        try (Browser buyer = Browser.open("buyer-bid-ready")) {
            signIn(buyer, "buyer1", "buyer1");
            buyer.press("Supplier directory");
            buyer.type("q", BUSINESS);
            new Select(buyer.find("#bidReady")).selectByVisibleText("Bid-ready: completed training");
            buyer.press("Apply filters");
            assertTrue(buyer.text().contains("1 supplier found") && buyer.text().contains("Bid-ready"),
                    buyer.text());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(9)
    void aBuyerRunsAMeetTheBuyerEventWhileALocalBusinessRegistersAndBooksAMeeting() {
        String title = "Meet the buyers: grounds and gardens " + Long.toString(System.nanoTime(), 36);
        // today, in two hours (check-in opens on the day); a table of three 20-minute slots from its start
        java.time.Instant start = java.time.Instant.now().plus(2, java.time.temporal.ChronoUnit.HOURS)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        String eventUrl;
        try (Browser buyer = Browser.open("buyer-event")) {
            signIn(buyer, "buyer1", "buyer1");
            buyer.press("Events");
            buyer.press("Create an event");
            buyer.type("title", title).type("venue", "Haigh Woodland Park").type("town", "Wigan")
                    .type("startsAt", "yesterday").type("endsAt", UK_TIME.format(start.plusSeconds(3 * 3600)))
                    .type("capacity", "40").type("seatsPerOrganisation", "2").type("cpvCodes", "77310000");
            buyer.press("Create the event");
            assertTrue(buyer.find(".govuk-error-summary").isDisplayed(), "the unreadable start is named first");
            assertEquals("Haigh Woodland Park", buyer.find("#venue").getAttribute("value"), "what was typed is kept");
            buyer.type("startsAt", UK_TIME.format(start));
            buyer.press("Create the event");
            assertTrue(buyer.text().contains("The event is published"), buyer.text());
            eventUrl = buyer.driver().getCurrentUrl().replaceAll("\\?.*", "");
            buyer.type("table-host", "Parks team").type("table-startsAt", UK_TIME.format(start))
                    .type("table-endsAt", UK_TIME.format(start.plusSeconds(3600))).type("table-slotMinutes", "20");
            buyer.press("Open the table");
            assertTrue(buyer.text().contains("Your table is open"), buyer.text());
        }
        String code;
        try (Browser business = Browser.open("business-event")) {
            signIn(business, BUSINESS_USER, "Secret-" + BUSINESS_USER);
            business.press("Events");
            business.driver().findElement(By.partialLinkText(title)).click();
            business.checked();
            business.type("register-name1", "Hannah Hedges").type("register-email1", "not an address");
            business.press("Register");
            assertTrue(business.find(".govuk-error-summary").isDisplayed(), business.text());
            business.type("register-email1", BUSINESS_USER + "@hedges.example");
            business.press("Register");
            assertTrue(business.text().contains("Your place is confirmed"), business.text());
            code = business.find(".govuk-panel__body strong").getText();
            assertTrue(code.matches("[A-Z2-9]{8}"), code);
            business.find("#meeting-slotId").click();
            business.type("meeting-agenda", "Hedge and verge maintenance across the parks");
            business.press("Ask for the meeting");
            assertTrue(business.text().contains("Your meeting request is sent"), business.text());
            assertTrue(business.text().contains("Asked for: waiting for the buyer"), business.text());
            business.press("Your events");
            assertTrue(business.text().contains(title) && business.text().contains(code), business.text());
            business.driver().findElement(By.partialLinkText("Download your calendar")).click();
            String ics = readString(business.downloaded("anchor-market-events.ics"));
            assertTrue(ics.contains("BEGIN:VCALENDAR") && ics.contains("TZID=Europe/London"), ics);
            assertTrue(ics.contains("Meeting: Parks team"), ics);
        }
        try (Browser buyer = Browser.open("buyer-check-in")) {
            signIn(buyer, "buyer1", "buyer1");
            buyer.go(eventUrl);
            buyer.press("Accept the meeting with " + BUSINESS);
            assertTrue(buyer.text().contains("The supplier is told of your decision"), buyer.text());
            assertTrue(buyer.text().contains("Accepted"), buyer.text());
            buyer.press("Registrations, the waitlist and check-in on the day");
            buyer.type("check-checkInCode", "ZZZZ2222");
            buyer.press("Check in");
            assertTrue(buyer.find(".govuk-error-summary").getText().toLowerCase().contains("code"),
                    buyer.find(".govuk-error-summary").getText());
            buyer.type("check-checkInCode", code.toLowerCase());
            buyer.press("Check in");
            assertTrue(buyer.text().contains("Checked in"), buyer.text());
            assertTrue(buyer.text().contains(BUSINESS + ": Hannah Hedges"), buyer.text());
            assertTrue(buyer.text().contains("Came"), buyer.text());
        }
    }

    /** A small real PDF to upload, in a folder of the journey's own. */
    private static Path pdf(String name, String text) {
        try {
            Path dir = Files.createTempDirectory("journey-files");
            return Files.write(dir.resolve(name), ("%PDF-1.4\n% " + text + "\n%%EOF\n")
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
