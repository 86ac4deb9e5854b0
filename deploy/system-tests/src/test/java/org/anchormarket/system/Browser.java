package org.anchormarket.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's packages, driven by Selenium, with every page checked by axe-core against WCAG 2.2
 * A and AA and photographed into {@code target/screenshots/}. When Chromium or its driver is missing, it is installed
 * with apt-get (as root; otherwise the suite fails saying what to install). Nothing is downloaded from anywhere else:
 * the driver and the browser are named, so Selenium Manager never runs.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a",
            "wcag22aa");

    private final ChromeDriver driver;
    private final Path downloads;
    private final Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
    private final String journey;
    private int shot;

    private Browser(String journey) {
        this.journey = journey;
        try {
            downloads = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "downloads-");
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=en-GB");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** A fresh browser (no cookies) for one journey; Chromium is installed first if missing. */
    static Browser open(String journey) {
        ensureInstalled();
        return new Browser(journey);
    }

    static synchronized void ensureInstalled() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            fail("The browser suite needs Debian's chromium and chromium-driver: "
                    + "apt-get install -y chromium chromium-driver (as root), then run the tests again");
        }
        run(List.of("apt-get", "update", "-qq"));
        run(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium", "chromium-driver"));
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).inheritIO()
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                fail(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Goes to a URL and checks the page it lands on. */
    Browser go(String url) {
        driver.get(url);
        return checked();
    }

    /**
     * Checks the page now shown: axe-core finds no WCAG 2.2 level A or AA violation; a screenshot is kept either
     * way.
     */
    Browser checked() {
        shot++;
        String name = String.format("%s-%02d-%s.png", journey, shot,
                driver.getTitle().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "").toLowerCase());
        try {
            Files.write(screenshots.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Results results = new AxeBuilder().withTags(WCAG_A_AA).analyze(driver);
        List<Rule> violations = results.getViolations();
        assertEquals("", violations.stream().map(v -> v.getImpact() + " " + v.getId() + ": " + v.getHelp() + " ("
                + v.getNodes().size() + " elements, e.g. " + v.getNodes().get(0).getHtml() + ")")
                .collect(Collectors.joining("\n")), "WCAG 2.2 A/AA violations on " + driver.getCurrentUrl()
                        + " (screenshot " + name + ")");
        return this;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Types into the field with this id, replacing what it held. */
    Browser type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Presses the button or link with exactly this text, and checks the page it leads to. */
    Browser press(String text) {
        driver.findElement(By.xpath("//button[normalize-space(.)='" + text + "'] | //a[normalize-space(.)='" + text
                + "'] | //input[@type='submit' and @value='" + text + "']")).click();
        return checked();
    }

    String text() {
        // A page that reloads itself (the spend upload's status) can replace the body between finding it and
        // reading it: read the new one
        for (int attempt = 1;; attempt++) {
            try {
                return driver.findElement(By.tagName("body")).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** The file the browser downloaded, once it has finished. */
    Path downloaded(String name) {
        Path file = downloads.resolve(name);
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            if (Files.exists(file)) {
                return file;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("No download " + name + " in " + downloads);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
