package org.tradegateway.ingest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;
import org.tradegateway.ingest.synthetic.GeneratorSource;
import org.tradegateway.ingest.synthetic.GeneratorSource.GeneratorSettings;
import org.tradegateway.refs.Classification;
import org.tradegateway.support.Imports;
import org.tradegateway.support.Sql;
import org.tradegateway.support.TestDatabase;

/**
 * A generated HS 2017 year converted to SITC Rev.4 and to BEC Rev.4: every converted flow, every stored bilateral
 * sum and every World record against the same conversion and sums done in SQL from the shipped UNSD tables (the
 * test's own statements, not the gateway's code); codes that stop above the finest level (SITC subgroups without
 * basic headings); products with no counterpart counted in the totals only; and the legacy and Comtrade+ answers
 * in the converted classifications over HTTP.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SitcBecConversionTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String NAME = "synthetic-H5-2061-2061-100000-seed17";
    private ConversionSource sitc;
    private ConversionSource bec;

    @BeforeAll
    void load() throws Exception {
        Imports.load(new GeneratorSource(new GeneratorSettings(2061, 2061, 100_000, Classification.H5, 17)));
        try (Connection reader = TestDatabase.connect()) {
            sitc = new ConversionSource(reader, NAME, Classification.S4);
            Imports.load(sitc);
            bec = new ConversionSource(reader, NAME, Classification.BEC);
            Imports.load(bec);
        }
    }

    @AfterAll
    void drop() throws Exception {
        Imports.dropNamed(NAME);
    }

    private static int id(String name) {
        return (int) Sql.count("SELECT id FROM dataset WHERE name = '" + name + "'");
    }

    /** A shipped table as a temporary table (src, dst) of the test's connection, the first target of a code. */
    private static void table(Connection c, String file) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE raw (src text, dst text, flag text)");
        }
        try (InputStream in = SitcBecConversionTest.class.getClassLoader()
                .getResourceAsStream("reference/correspondences/" + file)) {
            // the BEC files start with a byte-order mark in the header, which HEADER skips
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY raw (src, dst" + (file.contains("bec") ? ", flag"
                    : "") + ") FROM STDIN (FORMAT csv, HEADER true)", in);
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE conv AS SELECT DISTINCT ON (src) src, dst FROM"
                    + " (SELECT src, dst, row_number() OVER () AS n FROM raw) r ORDER BY src, n");
        }
    }

    /** Converted flows that differ from the source flows converted in SQL with the table, and how many there are. */
    private static long[] differences(String file, Classification to) throws Exception {
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement()) {
            table(c, file);
            ResultSet rs = st.executeQuery("WITH expected AS (SELECT f.exporter, f.importer, coalesce(c.dst, '')"
                    + " AS product, sum(f.value) AS value FROM trade_flow f LEFT JOIN conv c ON c.src = f.product"
                    + " WHERE f.dataset_id = " + id(NAME) + " GROUP BY 1, 2, 3), actual AS (SELECT exporter,"
                    + " importer, product, value FROM trade_flow WHERE dataset_id = " + id(NAME + "-as-" + to) + ")"
                    + " SELECT count(*), count(*) FILTER (WHERE e.value IS NULL OR a.value IS NULL"
                    + " OR abs(e.value - a.value) > 1e-6 * abs(e.value))"
                    + " FROM expected e FULL JOIN actual a USING (exporter, importer, product)");
            rs.next();
            long[] found = {rs.getLong(1), rs.getLong(2), 0};
            rs = st.executeQuery("SELECT count(*) FROM trade_flow f LEFT JOIN conv c ON c.src = f.product"
                    + " WHERE f.dataset_id = " + id(NAME) + " AND c.src IS NULL");
            rs.next();
            found[2] = rs.getLong(1);
            return found;
        }
    }

    @Test
    void shouldConvertEveryFlowAsTheTablesSay() throws Exception {
        long[] s4 = differences("hs2017_to_sitc4_conversion.csv", Classification.S4);
        assertTrue(s4[0] > 50_000, "flows: " + s4[0]);
        assertEquals(0, s4[1], "SITC flows that differ from the SQL conversion");
        assertEquals(s4[2], sitc.kept(), "flows without a counterpart");
        long[] b4 = differences("hs2017_to_bec4.csv", Classification.BEC);
        assertTrue(b4[0] > 5_000, "flows: " + b4[0]);
        assertEquals(0, b4[1], "BEC flows that differ from the SQL conversion (first category listed)");
        assertEquals(b4[2], bec.kept());
        // monetary gold has no counterpart in either; the generator trades every HS 2017 line
        assertTrue(sitc.kept() > 0 && bec.kept() > 0, sitc.kept() + " " + bec.kept());
        assertEquals(Sql.count("SELECT count(*) FROM trade_flow WHERE dataset_id = " + id(NAME)), sitc.converted());
        assertFalse(Sql.count("SELECT count(*) FROM data_availability WHERE dataset_id = "
                + id(NAME + "-as-S4") + " AND is_original") > 0);
    }

    @Test
    void shouldStoreTheSumsOfEveryLevelAsSqlAddsThemUp() {
        int converted = id(NAME + "-as-S4");
        // bilateral sums at 4, 3, 2 and 1 digits; a code shorter than a level is not summed into it
        long differing = Sql.count("WITH expected AS (SELECT exporter, importer, l AS level, left(product, l) AS"
                + " product, sum(value) AS value FROM trade_flow CROSS JOIN generate_series(1, 4) AS l"
                + " WHERE dataset_id = " + converted + " AND length(product) >= l GROUP BY 1, 2, 3, 4),"
                + " actual AS (SELECT exporter, importer, level, product, value FROM trade_flow_sum"
                + " WHERE dataset_id = " + converted + ")"
                + " SELECT count(*) FILTER (WHERE e.value IS NULL OR a.value IS NULL"
                + " OR abs(e.value - a.value) > 1e-6 * abs(e.value)) FROM expected e"
                + " FULL JOIN actual a USING (exporter, importer, level, product)");
        assertEquals(0, differing, "bilateral sums that differ");
        assertTrue(Sql.count("SELECT count(*) FROM trade_flow_sum WHERE dataset_id = " + converted
                + " AND level = 4 AND product = '0015'") > 0, "the subgroup 0015, without basic headings, at 4 digits");
        // the World records at every level, in both views
        long world = Sql.count("WITH views AS (SELECT exporter AS reporter, 2 AS flow, product, value FROM trade_flow"
                + " WHERE dataset_id = " + converted + " UNION ALL SELECT importer, 1, product, value FROM trade_flow"
                + " WHERE dataset_id = " + converted + "), expected AS (SELECT reporter, flow, l AS level,"
                + " left(product, l) AS code, sum(value) AS value FROM views CROSS JOIN generate_series(1, 5) AS l"
                + " WHERE length(product) >= l GROUP BY 1, 2, 3, 4), actual AS (SELECT reporter, flow,"
                + " aggr_level AS level, commodity AS code, trade_value AS value FROM trade_fact WHERE dataset_id = "
                + converted + " AND partner = 0 AND aggr_level > 0)"
                + " SELECT count(*) FILTER (WHERE e.value IS NULL OR a.value IS NULL"
                + " OR abs(e.value - a.value) > 1e-6 * abs(e.value)) FROM expected e"
                + " FULL JOIN actual a USING (reporter, flow, level, code)");
        assertEquals(0, world, "World records that differ");
        assertEquals(Sql.count("SELECT count(*) FROM trade_fact WHERE dataset_id = " + converted
                + " AND partner = 0 AND commodity = '0015'"), Sql.count("SELECT count(*) FROM trade_fact"
                + " WHERE dataset_id = " + converted + " AND partner = 0 AND commodity = '0015' AND is_leaf"));
    }

    @Test
    void shouldAnswerSitcAndBecInTheLegacyApi() throws Exception {
        int converted = id(NAME + "-as-S4");
        long reporter = Sql.count("SELECT exporter FROM trade_flow WHERE dataset_id = " + converted
                + " GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
        String exports = "/api/get?r=" + reporter + "&p=all&ps=2061&rg=2&max=100000";
        JsonNode ag3 = json(exports + "&px=S4&cc=AG3");
        // each partner's 3-digit groups, and the World's (partner 0)
        long expected = Sql.count("SELECT count(*) FROM (SELECT DISTINCT importer, left(product, 3) FROM trade_flow"
                + " WHERE dataset_id = " + converted + " AND exporter = " + reporter + " AND length(product) >= 3) g")
                + Sql.count("SELECT count(DISTINCT left(product, 3)) FROM trade_flow WHERE dataset_id = " + converted
                + " AND exporter = " + reporter + " AND length(product) >= 3");
        assertEquals(expected, ag3.at("/validation/count/value").asLong());
        double[] sums = new double[2];
        for (JsonNode r : ag3.get("dataset")) {
            assertEquals("S4", r.get("pfCode").asText());
            assertEquals(3, r.get("cmdCode").asText().length(), r.toString());
            assertEquals(3, r.get("aggrLevel").asInt());
            sums[r.get("ptCode").asInt() == 0 ? 0 : 1] += r.get("TradeValue").asDouble();
        }
        double sql = Sql.number("SELECT sum(value) FROM trade_flow WHERE dataset_id = " + converted
                + " AND exporter = " + reporter + " AND length(product) >= 3");
        assertEquals(sql, sums[0], 1.0);
        assertEquals(sql, sums[1], 1.0);
        // AG5 holds the basic headings only; a subgroup without them is answered at AG4
        for (JsonNode r : json(exports + "&px=S4&cc=AG5").get("dataset")) {
            assertEquals(5, r.get("cmdCode").asText().length(), r.toString());
        }
        // totals equal the loaded revision's: products without a counterpart count in TOTAL
        String totals = "/api/get?r=" + reporter + "&p=0&ps=2061&rg=all&cc=TOTAL&px=";
        JsonNode h5 = json(totals + "H5").get("dataset");
        for (String px : new String[] {"S4", "BEC"}) {
            JsonNode converted2 = json(totals + px).get("dataset");
            assertEquals(h5.size(), converted2.size());
            for (int i = 0; i < h5.size(); i++) {
                assertEquals(h5.get(i).get("TradeValue").asDouble(), converted2.get(i).get("TradeValue").asDouble(),
                        1.0, px);
                assertEquals(px, converted2.get(i).get("pfCode").asText());
            }
        }
        // a BEC category of the first-listed target: 010130 (asses) is counted under 111
        JsonNode food = json("/api/get?r=" + reporter + "&p=0&ps=2061&rg=2&px=BEC&cc=111");
        double primaryFood = Sql.number("SELECT coalesce(sum(value), 0) FROM trade_flow WHERE dataset_id = "
                + id(NAME + "-as-BEC") + " AND exporter = " + reporter + " AND product = '111'");
        assertEquals(primaryFood, food.at("/dataset/0/TradeValue").asDouble(), 1.0);
        // "as reported" SITC never answers a conversion
        assertEquals(0, json("/api/get?r=" + reporter + "&p=0&ps=2061&rg=2&px=ST&cc=TOTAL")
                .at("/validation/count/value").asInt());
    }

    @Test
    void shouldAnswerSitcInComtradePlusAndListItAsConverted() throws Exception {
        long reporter = Sql.count("SELECT exporter FROM trade_flow WHERE dataset_id = " + id(NAME + "-as-S4")
                + " GROUP BY 1 ORDER BY 1 LIMIT 1");
        JsonNode data = json("/public/v1/preview/C/A/S4?reporterCode=" + reporter + "&period=2061&flowCode=X"
                + "&partnerCode=0&cmdCode=AG2").get("data");
        assertTrue(data.size() > 5, data.toString());
        for (JsonNode r : data) {
            assertEquals("S4", r.get("classificationCode").asText());
            assertFalse(r.get("isOriginalClassification").asBoolean());
            assertEquals(2, r.get("cmdCode").asText().length());
        }
        // BEC Rev.4 is B4 in Comtrade+, in records and availability; B5 is not served
        JsonNode b4 = json("/public/v1/preview/C/A/B4?reporterCode=" + reporter + "&period=2061&flowCode=X"
                + "&partnerCode=0&cmdCode=AG1").get("data");
        assertTrue(b4.size() >= 5, b4.toString());
        for (JsonNode r : b4) {
            assertEquals("B4", r.get("classificationCode").asText());
            assertFalse(r.get("isOriginalClassification").asBoolean());
        }
        assertEquals("B4", json("/public/v1/getDa/C/A/B4?reporterCode=" + reporter + "&period=2061")
                .at("/data/0/classificationCode").asText());
        JsonNode b5 = json("/public/v1/preview/C/A/B5?reporterCode=" + reporter + "&period=2061");
        assertEquals(0, b5.get("count").asInt());
        assertTrue(b5.get("error").asText().contains("BEC Rev.4, clCode B4"), b5.toString());
        JsonNode da = json("/public/v1/getDa/C/A/S4?reporterCode=" + reporter + "&period=2061").at("/data/0");
        assertFalse(da.get("isOriginalClassification").asBoolean());
        for (JsonNode a : json("/api/refs/da/view?r=" + reporter + "&ps=2061")) {
            assertEquals(a.get("px").asText().equals("H5") ? 1 : 0, a.get("isOriginal").asInt(), a.toString());
        }
        // the World Trade Flows views are HS views: the default stays the loaded revision, SITC is refused
        // (the default is the newest HS revision of every loaded year: H5 here, or another loaded by other tests)
        JsonNode view = MAPPER.readTree(given().get("/data/yearly/2061/countries/japan.json").asString());
        String revision = view.has("_meta") ? view.at("/_meta/hs_revision").asText() : view.get("hs_revision")
                .asText();
        assertTrue(revision.matches("H[0-6]"), view.toString());
        given().get("/data/yearly/2061/countries/japan.json?hs=S4").then().statusCode(400);
        assertEquals("generator v2, converted from H5 to S4 with UNSD hs2017_to_sitc4_conversion",
                Sql.text("SELECT source_version FROM dataset WHERE name = '" + NAME + "-as-S4'"));
    }

    private static JsonNode json(String path) throws Exception {
        return MAPPER.readTree(given().get(path).then().statusCode(200).extract().asString());
    }
}
