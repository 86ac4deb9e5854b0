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
 * role is refused with a page saying so; a leader uploads a real council's spend file and reads the dashboard.
 */
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserJourneysIT {

    private static final String BUSINESS = "Hindley Green Hedges " + Long.toString(System.nanoTime(), 36);

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
        String user = "hedges" + Long.toString(System.nanoTime(), 36);
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

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
