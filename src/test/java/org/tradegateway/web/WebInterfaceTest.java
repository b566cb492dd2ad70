package org.tradegateway.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.tradegateway.ingest.synthetic.GeneratorSource;
import org.tradegateway.ingest.synthetic.GeneratorSource.GeneratorSettings;
import org.tradegateway.refs.Classification;
import org.tradegateway.support.Browser;
import org.tradegateway.support.Imports;

/**
 * The web interface in a real browser (headless Chromium) over a generated year in HS 2007 (a revision no other
 * test loads) and a generated year of months: the home page's catalog and links, a query picked with the
 * keyboard and run (its rows, count, pages, chart, API calls followed, CSV download), a Census call followed, a
 * validation failure's message, the pages on a phone's width, and the country and pair pages with their figures,
 * charts and links. Every figure on screen is compared with the API's own answer. Screenshots go to
 * target/screenshots.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebInterfaceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int YEAR = 2051;
    private static final String QUERY = "/api/get?r=392&p=all&ps=2051&px=H3&rg=2&cc=TOTAL&max=5000";
    @TestHTTPResource("/")
    URL root;
    private Browser browser;
    private org.openqa.selenium.chrome.ChromeDriver driver;

    @BeforeAll
    void start() throws Exception {
        browser = Browser.start();
        driver = browser.driver();
        Imports.load(new GeneratorSource(new GeneratorSettings(YEAR, YEAR, 20_000, Classification.H3, 7)));
        Imports.load(new GeneratorSource(new GeneratorSettings(2052, 2052, 20_000, Classification.H3, 7, true)));
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
            Imports.dropNamed("synthetic-H3-");
        }
    }

    private void open(String path) {
        driver.get(root.toString().replaceAll("/$", "") + path);
    }

    private WebElement await(String css) {
        return browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private static JsonNode json(String path) throws Exception {
        return MAPPER.readTree(given().get(path).then().statusCode(200).extract().asString());
    }

    @Test
    void shouldShowWhatIsLoadedAndLinkEveryApi() throws Exception {
        open("/");
        WebElement datasets = await("#datasets table");
        WebElement row = datasets.findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.getText().contains("synthetic-H3-2051")).findFirst().orElseThrow();
        assertTrue(row.getText().contains("H3"), row.getText());
        assertTrue(row.getText().contains("2051"), row.getText());
        assertTrue(row.getText().contains("synthetic data, no restriction"), row.getText());
        for (String link : List.of("/q/swagger-ui", "/q/openapi", "/llms.txt", "/query.html", "/country.html")) {
            assertFalse(driver.findElements(By.cssSelector("a[href='" + link + "']")).isEmpty(), link);
        }
        browser.screenshot("home");
        driver.findElement(By.linkText("llms.txt")).click();
        browser.await().until(ExpectedConditions.urlContains("/llms.txt"));
        assertTrue(driver.getPageSource().contains("synthetic-H3-2051"));
    }

    /** Removes the chosen codes of a picker and types these, each ended by Enter (which takes the first match). */
    private void pick(String name, String... typed) {
        for (WebElement chip : driver.findElements(By.cssSelector(".picker[data-name='" + name + "'] .chips button"))) {
            chip.click();
        }
        WebElement input = driver.findElement(By.id(name + "-input"));
        for (String t : typed) {
            input.sendKeys(t);
            input.sendKeys(Keys.ENTER);
        }
    }

    private void openQueryPage() {
        open("/query.html");
        browser.await().until(d -> "true".equals(d.findElement(By.id("query")).getAttribute("data-ready")));
    }

    @Test
    void shouldRunAQueryAndShowItsRowsCountChartCallsAndDownload() throws Exception {
        JsonNode expected = json(QUERY);
        long count = expected.at("/validation/count/value").asLong();
        long partners = 0;
        for (JsonNode r : expected.get("dataset")) {
            partners += r.get("ptCode").asInt() != 0 && r.get("TradeValue").asDouble() > 0 ? 1 : 0;
        }
        assertTrue(count > 30, "Japan's partners in 2051: " + count);

        openQueryPage();
        pick("r", "Japan");
        pick("p", "All");
        pick("ps", "2051");
        pick("cc", "TOTAL");
        new Select(driver.findElement(By.id("px"))).selectByValue("H3");
        driver.findElement(By.id("run")).click();
        WebElement counted = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("count")));
        browser.await().until(d -> counted.getText().contains("records match"));
        assertTrue(counted.getText().startsWith(String.format("%,d records match", count)), counted.getText());
        assertEquals(Math.min(25, count), driver.findElements(By.cssSelector("#table tbody tr")).size());
        WebElement firstCell = driver.findElement(By.cssSelector("#table tbody tr td:nth-child(3)"));
        String firstPartner = firstCell.getText();
        assertEquals(expected.at("/dataset/0/ptTitle").asText(), firstPartner);
        driver.findElement(By.xpath("//button[text()='Next page']")).click();
        assertTrue(driver.findElement(By.cssSelector("#table caption")).getText().startsWith("Rows 26–"));
        assertEquals(expected.at("/dataset/25/ptTitle").asText(),
                driver.findElement(By.cssSelector("#table tbody tr td:nth-child(3)")).getText());

        List<WebElement> bars = driver.findElements(By.cssSelector("#charts svg.bars rect"));
        assertEquals(Math.min(15, partners), bars.size());
        assertTrue(driver.findElement(By.cssSelector("#charts figcaption")).getText()
                .startsWith("Top partners: Japan"));
        assertTrue(driver.findElement(By.id("calls")).getText().contains("Census"));
        assertTrue(driver.findElement(By.id("calls")).getText().contains("not for this selection"));
        browser.screenshot("query-results");

        String csv = driver.findElement(By.id("csv")).getAttribute("href");
        driver.findElement(By.id("csv")).click();
        List<Path> files = browser.await().until(d -> {
            try {
                List<Path> done = browser.downloads();
                return done.isEmpty() ? null : done;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<String> lines = Files.readAllLines(files.get(0), StandardCharsets.UTF_8);
        assertEquals(count + 1, lines.size(), csv);
        assertTrue(lines.get(0).startsWith("Classification,Year,Period"), lines.get(0));
        String xlsx = driver.findElement(By.id("xlsx")).getAttribute("href");
        assertEquals(csv.replace("fmt=csv", "fmt=xlsx"), xlsx);
        try (org.dhatim.fastexcel.reader.ReadableWorkbook book = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                given().get(xlsx.substring(xlsx.indexOf("/api/"))).then().statusCode(200).extract().asInputStream())) {
            assertEquals(count + 1, book.getFirstSheet().read().size(), xlsx);
        }

        String plus = driver.findElement(By.cssSelector("a.call[data-dialect='Comtrade+ v1']")).getAttribute("href");
        String legacy = driver.findElement(By.cssSelector("a.call[data-dialect='Legacy /api/get']"))
                .getAttribute("href");
        driver.findElement(By.cssSelector("a.call[data-dialect='Legacy /api/get']")).click();
        browser.await().until(ExpectedConditions.urlContains("/api/get?"));
        JsonNode followed = MAPPER.readTree(driver.findElement(By.tagName("body")).getText());
        assertEquals(count, followed.at("/validation/count/value").asLong(), legacy);
        assertEquals(expected.get("dataset"), followed.get("dataset"));
        driver.get(plus);
        JsonNode plusAnswer = MAPPER.readTree(driver.findElement(By.tagName("body")).getText());
        assertEquals(count, plusAnswer.get("count").asLong(), plus);
    }

    @Test
    void shouldGiveTheCensusCallOfAMonthOfTheCensusReporterAndFollowIt() throws Exception {
        JsonNode legacy = json("/api/get?r=842&p=0&ps=205203&freq=M&px=H3&rg=2&cc=TOTAL");
        assertEquals(1, legacy.at("/validation/count/value").asLong(), legacy.toString());
        openQueryPage();
        new Select(driver.findElement(By.id("freq"))).selectByValue("M");
        new Select(driver.findElement(By.id("px"))).selectByValue("H3");
        pick("r", "USA");
        pick("p", "World");
        pick("ps", "2052-03");
        pick("cc", "TOTAL");
        driver.findElement(By.id("run")).click();
        browser.await().until(d -> d.findElement(By.id("count")).getText().contains("1 records match"));
        WebElement census = driver.findElement(By.cssSelector("a.call[data-dialect='Census, exports']"));
        assertTrue(census.getAttribute("href").endsWith(
                "/data/timeseries/intltrade/exports/hs?get=CTY_CODE,CTY_NAME,ALL_VAL_MO&CTY_CODE=-&time=2052-03"),
                census.getAttribute("href"));
        census.click();
        browser.await().until(ExpectedConditions.urlContains("/intltrade/"));
        JsonNode rows = MAPPER.readTree(driver.findElement(By.tagName("body")).getText());
        assertEquals("[\"CTY_CODE\",\"CTY_NAME\",\"ALL_VAL_MO\",\"time\"]", rows.get(0).toString());
        assertEquals(2, rows.size(), rows.toString());
        assertEquals(legacy.at("/dataset/0/TradeValue").asLong(), rows.get(1).get(2).asLong());
    }

    @Test
    void shouldShowAValidationFailureAsAMessage() throws Exception {
        openQueryPage();
        pick("r", "All");
        pick("p", "All");
        pick("ps", "2051");
        driver.findElement(By.id("run")).click();
        WebElement message = browser.await().until(d -> {
            WebElement m = d.findElement(By.id("message"));
            return m.getText().contains("Query complexity") ? m : null;
        });
        assertEquals("alert", message.getAttribute("role"));
        assertTrue(message.getText().contains("Both 'all' reporters and 'all' partners may not be selected."),
                message.getText());
        assertFalse(driver.findElement(By.id("results")).isDisplayed());
        browser.screenshot("query-validation");
    }

    @Test
    void shouldNameEveryControlAndWorkFromTheKeyboard() throws Exception {
        for (String page : List.of("/", "/query.html", "/country.html?c=japan&year=2051&hs=H3",
                "/pair.html?a=japan&b=china&year=2051&hs=H3")) {
            open(page);
            browser.await().until(d -> (Boolean) driver.executeScript(
                    "return performance.getEntriesByName('tg-ready').length > 0"));
            // every form control and button has a name a screen reader reads: a label, aria-label or its text
            Object unnamed = driver.executeScript("return [...document.querySelectorAll('input, select, button')]"
                    + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')"
                    + " && !e.textContent.trim()).map(e => e.outerHTML)");
            assertEquals(List.of(), unnamed, page);
        }
        openQueryPage();
        for (WebElement chip : driver.findElements(By.cssSelector(".picker[data-name='r'] .chips button"))) {
            chip.sendKeys(Keys.ENTER);
        }
        assertTrue(driver.findElements(By.cssSelector(".picker[data-name='r'] .chips button")).isEmpty());
        WebElement reporter = driver.findElement(By.id("r-input"));
        reporter.sendKeys("Japan", Keys.ENTER);
        // a chip is removed with the keyboard: focus it, press Enter
        WebElement chip = driver.findElement(By.xpath("//button[@aria-label='Remove Japan']"));
        chip.sendKeys(Keys.ENTER);
        assertTrue(driver.findElements(By.xpath("//button[@aria-label='Remove Japan']")).isEmpty());
        reporter.sendKeys("Japan", Keys.ENTER);
        pick("p", "All");
        pick("ps", "2051");
        pick("cc", "TOTAL");
        new Select(driver.findElement(By.id("px"))).selectByValue("H3");
        driver.findElement(By.id("run")).sendKeys(Keys.ENTER);
        browser.await().until(d -> d.findElement(By.id("count")).getText().contains("records match"));
        assertTrue(driver.getCurrentUrl().contains("&r=392&"), driver.getCurrentUrl());
    }

    @Test
    void shouldFitAPhoneScreenWithoutSidewaysScrolling() throws Exception {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            for (String page : List.of("/", "/query.html?r=392&p=all&ps=2051&px=H3&rg=2&cc=TOTAL&run",
                    "/country.html?c=japan&year=2051&hs=H3", "/pair.html?a=japan&b=china&year=2051&hs=H3")) {
                open(page);
                browser.await().until(d -> (Boolean) driver.executeScript(
                        "return performance.getEntriesByName('tg-ready').length > 0"));
                if (page.contains("&run")) { // a query run on opening draws its results after the page is ready
                    browser.await().until(d -> d.findElement(By.id("count")).getText().contains("match"));
                }
                long page_ = (Long) driver.executeScript("return document.documentElement.scrollWidth");
                long screen = (Long) driver.executeScript("return document.documentElement.clientWidth");
                assertTrue(page_ <= screen, page + ": " + page_ + " px wide on a " + screen + " px screen");
                browser.screenshot("phone-" + page.replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "").split("-")[0]
                        .replaceAll("^$", "home"));
            }
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1400));
        }
    }

    @Test
    void shouldShowACountryAndFollowAPartnerToItsPairPage() throws Exception {
        JsonNode profile = json("/data/yearly/2051/countries/japan.json?hs=H3");
        open("/country.html?c=japan&year=2051&hs=H3");
        await("#view");
        browser.await().until(d -> d.findElement(By.id("title")).getText().equals("Japan, 2051"));
        WebElement exports = driver.findElement(By.cssSelector("#cards .card:first-child .big"));
        assertEquals(profile.at("/summary/total_exports_usd").asText(), exports.getAttribute("data-value"));
        assertEquals(Math.min(15, profile.get("top_export_destinations").size()),
                driver.findElements(By.cssSelector("#charts > div:first-child svg.bars rect")).size());
        assertEquals(2, driver.findElements(By.cssSelector("#charts svg.lines polyline")).size());
        String csv = driver.findElement(By.cssSelector("#downloads a.download-csv")).getAttribute("href");
        assertTrue(csv.contains("type=country") && csv.contains("slug=japan") && csv.contains("hs=H3"), csv);
        given().urlEncodingEnabled(false).get(csv.substring(csv.indexOf("/api/download"))).then().statusCode(200);
        browser.screenshot("country");

        JsonNode top = profile.at("/top_export_destinations/0");
        driver.findElement(By.cssSelector("#tables tbody tr:first-child a")).click();
        browser.await().until(ExpectedConditions.urlContains("/pair.html"));
        browser.await().until(d -> d.findElement(By.id("title")).getText()
                .equals("Japan and " + top.get("name").asText() + ", 2051"));
        JsonNode pair = json("/data/yearly/2051/bilateral/japan-" + top.get("slug").asText() + ".json?hs=H3");
        assertEquals(pair.at("/a_to_b/value_usd").asText(),
                driver.findElement(By.cssSelector("#cards .card:first-child .big")).getAttribute("data-value"));
        assertEquals(top.get("value_usd").asText(), pair.at("/a_to_b/value_usd").asText());
        assertTrue(driver.findElements(By.cssSelector("#charts svg.bars rect")).size() > 1);
        String product = driver.findElement(By.cssSelector("#tables tbody tr:first-child a")).getAttribute("href");
        assertTrue(product.contains("/data/bilateral-products/japan-" + top.get("slug").asText() + "-"), product);
        JsonNode line = json(product.substring(product.indexOf("/data/")));
        assertEquals(pair.at("/a_to_b/top_products/0/value_usd").asText(), line.at("/a_to_b/value_usd").asText());
        browser.screenshot("pair");
    }
}
