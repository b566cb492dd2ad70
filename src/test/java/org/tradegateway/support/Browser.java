package org.tradegateway.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine's Chromium driven headless through its chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver}, or {@code TRADE_TEST_CHROMIUM} and {@code TRADE_TEST_CHROMEDRIVER}). Without them the
 * browser tests are skipped, unless {@code TRADE_BROWSER_REQUIRED=true} (CI sets it), which makes them fail.
 * Downloads go to a folder of the test's; screenshots to {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private final ChromeDriver driver;
    private final Path downloads;

    private Browser(ChromeDriver driver, Path downloads) {
        this.driver = driver;
        this.downloads = downloads;
    }

    public static Browser start() throws IOException {
        Path chromium = Path.of(env("TRADE_TEST_CHROMIUM", "/usr/bin/chromium"));
        Path chromedriver = Path.of(env("TRADE_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
        boolean present = Files.isExecutable(chromium) && Files.isExecutable(chromedriver);
        if (!present && "true".equals(System.getenv("TRADE_BROWSER_REQUIRED"))) {
            throw new IllegalStateException("no Chromium at " + chromium + " or no chromedriver at " + chromedriver);
        }
        Assumptions.assumeTrue(present, "no Chromium and chromedriver on this machine: browser tests skipped");
        Path downloads = Files.createTempDirectory("trade-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1400",
                "--user-data-dir=" + Files.createTempDirectory("trade-chromium"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), downloads);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /**
     * The files downloaded so far, once none is being written: Chromium writes a download as {@code .crdownload}
     * and may show an empty file under the final name before it renames the finished one onto it.
     */
    public List<Path> downloads() throws IOException {
        try (var files = Files.list(downloads)) {
            List<Path> all = files.sorted().toList();
            boolean writing = all.stream().anyMatch(f -> f.toString().endsWith(".crdownload"));
            boolean empty = all.stream().anyMatch(f -> f.toFile().length() == 0);
            return writing || empty ? List.of() : all;
        }
    }

    public void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
