package org.tradegateway.dialect.wtf;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradegateway.data.DatabaseGuard;
import org.tradegateway.ingest.synthetic.GeneratorSource;
import org.tradegateway.ingest.synthetic.GeneratorSource.GeneratorSettings;
import org.tradegateway.refs.Classification;
import org.tradegateway.support.Imports;
import org.tradegateway.support.Sql;

/**
 * The World Trade Flows views over a generated year in HS 2002 (a revision no other test loads): every value
 * checked against sums the test takes in SQL from the stored flows, the documented keys, both orders of a pair,
 * the slugs and ISO3 codes, 404 and 400 bodies, and ETags that change when the data does.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WtfViewsTest {
    @Inject
    Pool pool;

    @Inject
    DatabaseGuard guard;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FLOWS = "trade_flow WHERE px = 'H2' AND period = 2040";

    @BeforeAll
    void load() throws Exception {
        Imports.load(new GeneratorSource(new GeneratorSettings(2040, 2040, 20_000, Classification.H2, 6)));
    }

    @AfterAll
    void drop() throws Exception {
        Imports.dropNamed("synthetic-H2-");
    }

    private static JsonNode get(String path) throws Exception {
        Response r = given().get(path + (path.contains("?") ? "&" : "?") + "hs=H2");
        assertEquals(200, r.statusCode(), r.asString());
        assertEquals("application/json; charset=utf-8", r.contentType());
        return MAPPER.readTree(r.asString());
    }

    private static long sql(String where) {
        return Math.round(Sql.number("SELECT coalesce(sum(value), 0) FROM " + FLOWS + where));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void shouldListTheCountriesWithSlugsIsoCodesAndContinents() throws Exception {
        JsonNode countries = get("/data/countries.json").get("countries");
        assertEquals(Sql.count("SELECT count(DISTINCT reporter) FROM data_availability WHERE px = 'H2'"),
                countries.size());
        JsonNode korea = null;
        for (JsonNode c : countries) {
            assertTrue(c.get("slug").asText().matches("[a-z0-9]+(-[a-z0-9]+)*"), c.toString());
            if (c.get("iso3").asText().equals("KOR")) {
                korea = c;
            }
        }
        assertEquals("south-korea", korea.get("slug").asText());
        assertEquals("Asia", korea.get("continent").asText());
        assertEquals(410, korea.get("baci_code").asInt());
    }

    @Test
    void shouldBuildACountryProfileThatAddsUp() throws Exception {
        JsonNode japan = get("/data/yearly/2040/countries/japan.json");
        assertEquals(List.of("country", "summary", "top_export_destinations", "top_import_sources",
                "top_export_products", "top_import_products", "full_exports", "full_imports", "_meta"), keys(japan));
        JsonNode summary = japan.get("summary");
        long exports = sql(" AND exporter = 392");
        long imports = sql(" AND importer = 392");
        assertEquals(exports, summary.get("total_exports_usd").asLong());
        assertEquals(imports, summary.get("total_imports_usd").asLong());
        assertEquals(exports - imports, summary.get("balance_usd").asLong());
        long full = 0;
        long previous = Long.MAX_VALUE;
        for (JsonNode p : japan.get("full_exports")) {
            full += p.get("value_usd").asLong();
            assertTrue(p.get("value_usd").asLong() <= previous, "largest first");
            previous = p.get("value_usd").asLong();
        }
        assertEquals(exports, full, "full_exports adds up to the total");
        assertEquals(Sql.count("SELECT count(DISTINCT importer) FROM " + FLOWS + " AND exporter = 392"),
                japan.get("full_exports").size());
        assertEquals(Math.min(20, japan.get("full_exports").size()), japan.get("top_export_destinations").size());
        JsonNode first = japan.at("/top_export_destinations/0");
        assertEquals(first, japan.at("/full_exports/0"));
        assertEquals(first.get("value_usd").asDouble() / exports, first.get("share").asDouble(), 1e-9);
        JsonNode chapter = japan.at("/top_export_products/0");
        assertEquals(sql(" AND exporter = 392 AND product LIKE '" + chapter.get("hs").asText() + "%'"),
                chapter.get("value_usd").asLong());
        assertEquals(2, chapter.get("level").asInt());
        long richer = Sql.count("SELECT count(*) FROM (SELECT exporter FROM " + FLOWS + " GROUP BY exporter"
                + " HAVING sum(value) > " + exports + ") x");
        assertEquals(richer + 1, summary.get("export_rank").asLong());
        assertEquals("H2", japan.at("/_meta/hs_revision").asText());
        assertEquals(2040, japan.at("/_meta/year").asInt());
        assertEquals(japan.get("summary"), get("/data/yearly/2040/countries/jpn.json").get("summary"),
                "the lower-case ISO3 finds the same country");
    }

    @Test
    void shouldAnswerOneProductBetweenTwoCountriesWithItsLines() throws Exception {
        JsonNode pair = get("/data/yearly/2040/bilateral/japan-usa.json");
        String chapter = pair.at("/a_to_b/top_products/0/hs").asText();
        JsonNode product = get("/data/bilateral-products/japan-usa-" + chapter + ".json?year=2040");
        assertEquals(List.of("country_a", "country_b", "product", "year", "a_to_b", "b_to_a", "total_trade", "balance",
                "_meta"), keys(product));
        assertEquals(chapter, product.at("/product/hs").asText());
        assertEquals(2, product.at("/product/level").asInt());
        String ab = " AND exporter = 392 AND importer = 842 AND product LIKE '" + chapter;
        String ba = " AND exporter = 842 AND importer = 392 AND product LIKE '" + chapter;
        long out = sql(ab + "%'");
        long in = sql(ba + "%'");
        assertEquals(out, product.at("/a_to_b/value_usd").asLong());
        assertEquals(in, product.at("/b_to_a/value_usd").asLong());
        assertEquals(out + in, product.get("total_trade").asLong());
        JsonNode lines = product.at("/a_to_b/top_products");
        assertTrue(lines.size() > 0);
        long previous = Long.MAX_VALUE;
        for (JsonNode line : lines) {
            assertEquals(4, line.get("level").asInt());
            assertEquals(sql(ab.replace(chapter, line.get("hs").asText()) + "%'"), line.get("value_usd").asLong());
            assertTrue(line.get("value_usd").asLong() <= previous);
            previous = line.get("value_usd").asLong();
        }
        JsonNode mirror = get("/data/bilateral-products/usa-jpn-" + chapter + ".json?year=2040");
        assertEquals(product.get("a_to_b"), mirror.get("b_to_a"));
        String line = lines.get(0).get("hs").asText();
        String leaf = MAPPER.readTree(given().get("/data/bilateral-products/japan-usa-" + line + ".json?hs=H2")
                .asString()).at("/a_to_b/top_products/0/hs").asText();
        JsonNode six = get("/data/bilateral-products/japan-usa-" + leaf + ".json");
        assertEquals(sql(ab.replace(chapter, leaf) + "'"), six.at("/a_to_b/value_usd").asLong());
        assertEquals(0, six.at("/a_to_b/top_products").size());
        assertEquals(404, given().get("/data/bilateral-products/japan-usa-9988.json?hs=H2").statusCode());
        assertEquals(404, given().get("/data/bilateral-products/japan-atlantis-87.json?hs=H2").statusCode());
    }

    @Test
    void shouldAnswerAnyPairInBothOrders() throws Exception {
        JsonNode pair = get("/data/yearly/2040/bilateral/japan-usa.json");
        assertEquals(List.of("country_a", "country_b", "a_to_b", "b_to_a", "total_trade", "balance", "_meta"),
                keys(pair));
        long out = sql(" AND exporter = 392 AND importer = 842");
        long in = sql(" AND exporter = 842 AND importer = 392");
        assertEquals(out, pair.at("/a_to_b/value_usd").asLong());
        assertEquals(in, pair.at("/b_to_a/value_usd").asLong());
        assertEquals(out + in, pair.get("total_trade").asLong());
        assertEquals(out - in, pair.get("balance").asLong());
        JsonNode product = pair.at("/a_to_b/top_products/0");
        assertEquals(sql(" AND exporter = 392 AND importer = 842 AND product LIKE '" + product.get("hs").asText()
                + "%'"), product.get("value_usd").asLong());
        JsonNode mirror = get("/data/yearly/2040/bilateral/united-states-japan.json");
        assertEquals(pair.get("a_to_b"), mirror.get("b_to_a"));
        assertEquals(-pair.get("balance").asLong(), mirror.get("balance").asLong());
        assertEquals("united-states", mirror.at("/country_a/slug").asText());
    }

    @Test
    void shouldRankEveryCountryAndTotalTheWorld() throws Exception {
        JsonNode rankings = get("/data/yearly/2040/rankings.json");
        assertEquals(Sql.count("SELECT count(DISTINCT exporter) FROM " + FLOWS), rankings.get("top_exporters").size());
        long top = Math.round(Sql.number("SELECT max(s) FROM (SELECT sum(value) s FROM " + FLOWS
                + " GROUP BY exporter) x"));
        assertEquals(top, rankings.at("/top_exporters/0/value_usd").asLong());
        assertEquals(1, rankings.at("/top_exporters/0/rank").asInt());
        JsonNode totals = get("/data/yearly/2040/global-totals.json");
        assertEquals(sql(""), totals.get("world_trade_usd").asLong());
        assertEquals(sql(""), totals.get("world_imports_usd").asLong());
        JsonNode history = get("/data/historical/japan.json");
        assertEquals("[2040]", history.get("years").toString());
        assertEquals("[" + sql(" AND exporter = 392") + "]", history.get("exports").toString());
    }

    @Test
    void shouldNameWhatExistsWhenAskedForWhatDoesNot() throws Exception {
        Response country = given().get("/data/yearly/2040/countries/atlantis.json?hs=H2");
        assertEquals(404, country.statusCode());
        JsonNode body = MAPPER.readTree(country.asString());
        assertEquals("/data/countries.json", body.get("countries").asText());
        assertEquals("[2040]", body.get("years").toString());
        assertEquals(404, given().get("/data/yearly/1990/rankings.json?hs=H2").statusCode());
        assertEquals(404, given().get("/data/yearly/2040/bilateral/japan-atlantis.json?hs=H2").statusCode());
        Response bad = given().get("/data/countries.json?hs=H9");
        assertEquals(400, bad.statusCode());
        assertTrue(MAPPER.readTree(bad.asString()).get("message").asText().contains("H9"));
    }

    @Test
    void shouldRevalidateWithETagsThatChangeWithTheData() throws Exception {
        String path = "/data/yearly/2040/rankings.json?hs=H2";
        Response first = given().get(path);
        String etag = first.header("ETag");
        assertEquals(304, given().header("If-None-Match", etag).get(path).statusCode());
        long rankBefore = get("/data/yearly/2040/countries/japan.json").at("/summary/export_rank").asLong();
        Imports.dropNamed("synthetic-H2-2040-2040-20000-seed6");
        Imports.load(new GeneratorSource(new GeneratorSettings(2040, 2040, 20_000, Classification.H2, 7)));
        Thread.sleep(300);
        Response again = given().header("If-None-Match", etag).get(path);
        assertEquals(200, again.statusCode(), "a re-import changes the answer's ETag");
        assertNotEquals(etag, again.header("ETag"));
        assertNotEquals(first.asString(), again.asString());
        assertEquals(sql(""), MAPPER.readTree(given().get("/data/yearly/2040/global-totals.json?hs=H2").asString())
                .get("world_trade_usd").asLong());
        // a profile's rank is that of the data now loaded, not the one kept for the data before
        JsonNode summary = get("/data/yearly/2040/countries/japan.json").get("summary");
        long richer = Sql.count("SELECT count(*) FROM (SELECT exporter FROM " + FLOWS + " GROUP BY exporter"
                + " HAVING sum(value) > " + summary.get("total_exports_usd").asLong() + ") x");
        assertEquals(richer + 1, summary.get("export_rank").asLong(), "rank before the re-import: " + rankBefore);
        // the views stored of the data before are gone once one of the new data is
        awaitStored("/data/yearly/2040/countries/japan.json?hs=H2");
        awaitCount("SELECT count(*) FROM view_document WHERE version <> (" + VERSION + ")", 0);
        assertEquals(summary, MAPPER.readTree(stored("/data/yearly/2040/countries/japan.json?hs=H2")).get("summary"));
    }

    private static final String VERSION = "SELECT count(*) || ':' || coalesce(max(id), 0) FROM dataset";

    /** Waits for the view of an address to be stored (in the background) at the current data version. */
    private static void awaitStored(String uri) throws InterruptedException {
        awaitCount("SELECT count(*) FROM view_document WHERE uri = '" + uri + "' AND version = (" + VERSION + ")", 1);
    }

    private static void awaitCount(String sql, long expected) throws InterruptedException {
        for (int i = 0; i < 100 && Sql.count(sql) != expected; i++) {
            Thread.sleep(50);
        }
        assertEquals(expected, Sql.count(sql), sql);
    }

    /** The stored body of an address, unpacked. */
    private static String stored(String uri) throws Exception {
        byte[] gzip = Base64.getMimeDecoder().decode(Sql.text("SELECT encode(body, 'base64') FROM view_document"
                + " WHERE uri = '" + uri + "' AND version = (" + VERSION + ")"));
        return new String(new GZIPInputStream(new ByteArrayInputStream(gzip)).readAllBytes(), StandardCharsets.UTF_8);
    }

    /** {@code trade_views_documents_total} of views sent as stored or rendered. */
    private static double views(String from) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("trade_views_documents_total\\{[^}]*from=\""
                + from + "\"[^}]*} ([0-9.E]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** A GET with the JDK's client, which unpacks nothing: the body as sent. */
    private static HttpResponse<byte[]> raw(String path, String acceptEncoding) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Accept-Encoding", acceptEncoding).timeout(Duration.ofSeconds(30)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void shouldSendAViewRenderedOnceAsStoredUntilTheDataChanges() throws Exception {
        String path = "/data/yearly/2040/countries/japan.json?year=2040&hs=H2";
        try {
            double rendered = views("rendered");
            double stored = views("stored");
            HttpResponse<byte[]> first = raw(path, "identity");
            assertEquals(200, first.statusCode());
            assertTrue(first.headers().firstValue("Content-Encoding").isEmpty());
            String json = new String(first.body(), StandardCharsets.UTF_8);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            awaitStored(path);
            assertEquals(json, stored(path));
            assertEquals(rendered + 1, views("rendered"));
            // what is sent is the stored row: changed, the answer changes with it, in either encoding
            byte[] marker = WtfDocuments.gzip("{\"stored\":1}".getBytes(StandardCharsets.UTF_8));
            Sql.execute("UPDATE view_document SET body = decode('" + HexFormat.of().formatHex(marker) + "', 'hex')"
                    + " WHERE uri = '" + path + "'");
            HttpResponse<byte[]> plain = raw(path, "identity");
            assertEquals("{\"stored\":1}", new String(plain.body(), StandardCharsets.UTF_8));
            assertEquals("application/json; charset=utf-8", plain.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(etag, plain.headers().firstValue("ETag").orElseThrow());
            HttpResponse<byte[]> packed = raw(path, "gzip, deflate");
            assertEquals("gzip", packed.headers().firstValue("Content-Encoding").orElseThrow());
            assertTrue(Arrays.equals(marker, packed.body()), "the stored gzip, as it is");
            String packedTag = packed.headers().firstValue("ETag").orElseThrow();
            assertEquals(stored + 2, views("stored"), "both answers read from the table");
            assertNotEquals(etag, packedTag, "two bodies, two ETags");
            assertEquals(304, given().header("If-None-Match", etag).get(path).statusCode());
            Response revalidated = given().header("If-None-Match", packedTag).get(path);
            assertEquals(304, revalidated.statusCode());
            assertEquals(packedTag, revalidated.header("ETag"), "a client that takes gzip holds the gzip's tag");
            assertEquals(304, given().header("If-None-Match", "\"other\", W/" + etag).get(path).statusCode());
            assertEquals(stored + 2, views("stored"), "a revalidation that matches reads no stored body");
            assertEquals(200, given().header("If-None-Match", "\"x" + etag.substring(1)).get(path).statusCode());
            assertEquals(stored + 3, views("stored"), "one that does not gets the stored body");
            assertTrue(raw(path, "gzip;q=0").headers().firstValue("Content-Encoding").isEmpty());
            // a body that is not gzip is not sent as JSON: the view is rendered again
            Sql.execute("UPDATE view_document SET body = convert_to('{}', 'UTF8') WHERE uri = '" + path + "'");
            assertEquals(json, new String(raw(path, "identity").body(), StandardCharsets.UTF_8));
            // anything else in the query: rendered each time, never stored
            Response other = given().get(path + "&x=1");
            assertEquals(json, other.asString());
            assertEquals(rendered + 3, views("rendered"), "the damaged body and the other address, rendered");
            Thread.sleep(300);
            assertEquals(0, Sql.count("SELECT count(*) FROM view_document WHERE uri LIKE '%x=1%'"));
        } finally {
            Sql.execute("DELETE FROM view_document WHERE uri = '" + path + "'");
        }
    }

    @Test
    void shouldStoreOnlyViewsOfTheCurrentDataAndNoMoreThanItsBound() throws Exception {
        String version = Sql.text(VERSION);
        byte[] body = WtfDocuments.gzip("{}".getBytes(StandardCharsets.UTF_8));
        String prefix = "/test/stored-bound/";
        try {
            // at most one view per data version for this one
            WtfDocuments one = new WtfDocuments(pool, guard, new SimpleMeterRegistry(), true, 1);
            one.store("0:0", prefix + "stale", "\"a\"", body);
            one.store(version, prefix + "first", "\"b\"", body);
            one.store(version, prefix + "second", "\"c\"", body);
            awaitStored(prefix + "first");
            Thread.sleep(300);
            assertEquals(0, Sql.count("SELECT count(*) FROM view_document WHERE uri = '" + prefix + "stale'"),
                    "a view rendered at a data version that is no longer current is not stored");
            assertEquals(0, Sql.count("SELECT count(*) FROM view_document WHERE uri = '" + prefix + "second'"),
                    "no more views of one data version than the bound");
        } finally {
            Sql.execute("DELETE FROM view_document WHERE uri LIKE '" + prefix + "%'");
        }
    }

    @Test
    void shouldDescribeWhatIsLoadedForAgentsInLlmsTxt() {
        Response brief = given().get("/llms.txt");
        assertEquals(200, brief.statusCode());
        assertTrue(brief.contentType().startsWith("text/plain"));
        String text = brief.asString();
        String dataset = Sql.text("SELECT name FROM dataset WHERE name LIKE 'synthetic-H2-2040%'");
        assertTrue(text.contains("- " + dataset + " (source: synthetic, version generator v2): annual, 2040,"
                + " classification H2,"), text);
        assertTrue(text.contains("/data/yearly/{year}/bilateral/{a}-{b}.json"), text);
        assertTrue(text.contains("/data/timeseries/intltrade/"), text);
        assertTrue(!text.contains("## Caveats"));
        String full = given().get("/llms-full.txt").asString();
        assertTrue(full.contains("## Caveats") && full.contains("not adjusted for inflation")
                && full.contains("mirror data"), full);
    }

    @Test
    void shouldServeProductHubsThatAddUp() throws Exception {
        JsonNode index = get("/data/products/_index.json").get("products");
        JsonNode vehicles = null;
        for (JsonNode p : index) {
            if (p.get("code").asText().equals("87")) {
                vehicles = p;
            }
        }
        assertTrue(vehicles.get("slug").asText().startsWith("87-vehicles"), vehicles.toString());
        String chapter = Sql.text("SELECT substr(product, 1, 2) FROM " + FLOWS + " GROUP BY 1 ORDER BY sum(value) DESC"
                + " LIMIT 1");
        JsonNode hub = get("/data/products/hs-" + chapter + ".json?year=2040");
        assertEquals(List.of("code", "name", "level", "year", "totalExports", "totalImports", "exporters", "importers",
                "_meta"), keys(hub));
        long total = sql(" AND product LIKE '" + chapter + "%'");
        assertEquals(total, hub.get("totalExports").asLong());
        assertEquals(total, hub.get("totalImports").asLong());
        long sum = 0;
        for (JsonNode e : hub.get("exporters")) {
            sum += e.get("value_usd").asLong();
        }
        assertEquals(total, sum);
        assertEquals(sql(" AND product LIKE '" + chapter + "%' AND exporter = (SELECT exporter FROM " + FLOWS
                + " AND product LIKE '" + chapter + "%' GROUP BY exporter ORDER BY sum(value) DESC LIMIT 1)"),
                hub.at("/exporters/0/value_usd").asLong());
        assertEquals(404, given().get("/data/products/00-nothing.json?hs=H2").statusCode());
    }

    @Test
    void shouldDownloadAViewsRecordsAsCsvAndJson() throws Exception {
        Response csv = given().get("/api/download?type=country&slug=japan&filter=exports&format=csv&hs=H2");
        assertEquals(200, csv.statusCode(), csv.asString());
        assertTrue(csv.contentType().startsWith("text/csv"));
        assertEquals("attachment; filename=\"wtf-country-japan-2040-exports.csv\"", csv.header("Content-Disposition"));
        String[] lines = csv.asString().split("\r\n");
        assertEquals("slug,name,iso3,value_usd,share", lines[0]);
        JsonNode profile = get("/data/yearly/2040/countries/japan.json");
        assertEquals(profile.get("full_exports").size(), lines.length - 1);
        long sum = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            sum += Long.parseLong(f[f.length - 2]);
        }
        assertEquals(sql(" AND exporter = 392"), sum);
        JsonNode json = MAPPER.readTree(given().get("/api/download?type=country&slug=japan&filter=imports&format=json"
                + "&year=2040&hs=H2").asString());
        assertEquals(profile.get("full_imports"), json.get("records"));
        assertEquals("H2", json.at("/_meta/hs_revision").asText());
        String ranking = given().get("/api/download?type=rankings&filter=imports&hs=H2").asString();
        assertEquals(Sql.count("SELECT count(DISTINCT importer) FROM " + FLOWS) + 1, ranking.split("\r\n").length);
        Response xlsx = given().get("/api/download?type=country&slug=japan&filter=exports&format=xlsx&hs=H2");
        assertEquals(200, xlsx.statusCode());
        assertEquals("attachment; filename=\"wtf-country-japan-2040-exports.xlsx\"",
                xlsx.header("Content-Disposition"));
        try (org.dhatim.fastexcel.reader.ReadableWorkbook book = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(xlsx.asByteArray()))) {
            List<org.dhatim.fastexcel.reader.Sheet> sheets = book.getSheets().toList();
            assertEquals(List.of("data", "about"), sheets.stream().map(org.dhatim.fastexcel.reader.Sheet::getName)
                    .toList());
            List<org.dhatim.fastexcel.reader.Row> rows = sheets.get(0).read();
            assertEquals("slug", rows.get(0).getCellText(0));
            assertEquals(profile.get("full_exports").size(), rows.size() - 1);
            long cells = 0;
            for (org.dhatim.fastexcel.reader.Row row : rows.subList(1, rows.size())) {
                cells += row.getCellAsNumber(3).orElseThrow().longValueExact();
            }
            assertEquals(sql(" AND exporter = 392"), cells, "value_usd cells are numbers that add up");
            String about = sheets.get(1).read().stream().map(r -> r.getCellText(0) + "=" + r.getCellText(1))
                    .reduce("", String::concat);
            assertTrue(about.contains("licence=synthetic data") && about.contains("hs_revision=H2"), about);
        }
        assertEquals(400, given().get("/api/download?type=country&slug=japan&format=pdf&hs=H2").statusCode());
        assertEquals(404, given().get("/api/download?type=country&slug=atlantis&hs=H2").statusCode());
    }
}
