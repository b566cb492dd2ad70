package org.tradegateway.ingest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
 * A generated HS 2017 year converted to HS 1992: every converted flow against the same conversion done in SQL
 * from the shipped UNSD table (the test's own join, not the gateway's code), a merge of several HS 2017 lines
 * answered over HTTP, totals kept, and what each dialect says of converted records: the legacy pfCode and
 * availability, Comtrade+ isOriginalClassification and classificationCode, "as reported" still the loaded
 * revision, the views in the converted revision, provenance naming the table.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversionTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String NAME = "synthetic-H5-2058-2058-100000-seed13";
    private ImportResult result;
    private ConversionSource conversion;

    @BeforeAll
    void load() throws Exception {
        Imports.load(new GeneratorSource(new GeneratorSettings(2058, 2058, 100_000, Classification.H5, 13)));
        try (Connection reader = TestDatabase.connect()) {
            conversion = new ConversionSource(reader, NAME, Classification.H0);
            result = Imports.load(conversion);
        }
    }

    @AfterAll
    void drop() throws Exception {
        Imports.dropNamed(NAME);
    }

    private static int id(String name) {
        return (int) Sql.count("SELECT id FROM dataset WHERE name = '" + name + "'");
    }

    /** The shipped table as a temporary table of the test's connection. */
    private static void table(Connection c) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE conv (src text, dst text)");
        }
        try (InputStream in = ConversionTest.class.getClassLoader()
                .getResourceAsStream("reference/correspondences/hs2017_to_hs1992_conversion.csv")) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY conv FROM STDIN (FORMAT csv, HEADER true)", in);
        }
    }

    @Test
    void shouldConvertEveryFlowAsTheTableSaysAndKeepTheTotals() throws Exception {
        int source = id(NAME);
        int converted = id(NAME + "-as-H0");
        assertTrue(converted > source);
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement()) {
            table(c);
            ResultSet rs = st.executeQuery("WITH expected AS (SELECT f.exporter, f.importer, coalesce(c.dst, f.product)"
                    + " AS product, sum(f.value) AS value FROM trade_flow f LEFT JOIN conv c ON c.src = f.product"
                    + " WHERE f.dataset_id = " + source + " GROUP BY 1, 2, 3), actual AS (SELECT exporter, importer,"
                    + " product, value, px FROM trade_flow WHERE dataset_id = " + converted + ")"
                    + " SELECT count(*), count(*) FILTER (WHERE e.value IS NULL OR a.value IS NULL"
                    + " OR abs(e.value - a.value) > 1e-6 * abs(e.value)), count(DISTINCT a.px)"
                    + " FROM expected e FULL JOIN actual a USING (exporter, importer, product)");
            rs.next();
            assertTrue(rs.getLong(1) > 50_000, "flows: " + rs.getLong(1));
            assertEquals(0, rs.getLong(2), "flows that differ from the SQL conversion");
            assertEquals(1, rs.getLong(3));
            rs = st.executeQuery("SELECT px FROM trade_flow WHERE dataset_id = " + converted + " LIMIT 1");
            rs.next();
            assertEquals("H0", rs.getString(1));
        }
        assertEquals(Sql.number("SELECT sum(value) FROM trade_flow WHERE dataset_id = " + source),
                Sql.number("SELECT sum(value) FROM trade_flow WHERE dataset_id = " + converted), 1.0);
        assertEquals(Sql.count("SELECT count(*) FROM trade_flow WHERE dataset_id = " + source), conversion.converted());
        assertFalse(Sql.count("SELECT count(*) FROM data_availability WHERE dataset_id = " + converted
                + " AND is_original") > 0);
        assertTrue(Sql.count("SELECT count(*) FROM data_availability WHERE dataset_id = " + converted) > 100);
    }

    @Test
    void shouldAnswerAMergedLineAsTheSumOfItsSourcesInEveryDialectsWords() throws Exception {
        long exporter;
        long importer;
        String target;
        double sum;
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement()) {
            table(c);
            ResultSet rs = st.executeQuery("SELECT f.exporter, f.importer, c.dst, sum(f.value), count(*)"
                    + " FROM trade_flow f JOIN conv c ON c.src = f.product WHERE f.dataset_id = " + id(NAME)
                    + " GROUP BY 1, 2, 3 HAVING count(*) >= 2 ORDER BY count(*) DESC, 1, 2, 3 LIMIT 1");
            assertTrue(rs.next(), "no two HS 2017 lines of one pair meet in one HS 1992 line");
            exporter = rs.getLong(1);
            importer = rs.getLong(2);
            target = rs.getString(3);
            sum = rs.getDouble(4);
        }
        String pair = "/api/get?r=" + exporter + "&p=" + importer + "&ps=2058&rg=2";
        JsonNode merged = json(pair + "&px=H0&cc=" + target);
        assertEquals(1, merged.at("/validation/count/value").asInt(), merged.toString());
        assertEquals("H0", merged.at("/dataset/0/pfCode").asText());
        assertEquals(sum, merged.at("/dataset/0/TradeValue").asDouble(), Math.abs(sum) * 1e-9 + 1);

        // totals are kept; "as reported" is still the loaded revision
        double h5 = json(pair + "&px=H5&cc=TOTAL").at("/dataset/0/TradeValue").asDouble();
        assertEquals(h5, json(pair + "&px=H0&cc=TOTAL").at("/dataset/0/TradeValue").asDouble(), 1.0);
        assertEquals("H5", json(pair + "&px=HS&cc=TOTAL").at("/dataset/0/pfCode").asText());

        String plus = "/public/v1/preview/C/A/%s?reporterCode=" + exporter + "&partnerCode=" + importer
                + "&period=2058&flowCode=X&cmdCode=TOTAL";
        JsonNode converted = json(String.format(plus, "H0")).at("/data/0");
        assertEquals("H0", converted.get("classificationCode").asText());
        assertEquals("H0", converted.get("classificationSearchCode").asText());
        assertFalse(converted.get("isOriginalClassification").asBoolean());
        JsonNode loaded = json(String.format(plus, "HS")).at("/data/0");
        assertEquals("H5", loaded.get("classificationCode").asText());
        assertTrue(loaded.get("isOriginalClassification").asBoolean());
        String csv = given().get(String.format(plus, "H0") + "&format=CSV&includeDesc=false").asString();
        assertEquals("false", csv.split("\r\n")[1].split(",")[19], csv);

        JsonNode view = json("/api/refs/da/view?r=" + exporter + "&ps=2058");
        assertEquals(2, view.size(), view.toString());
        for (JsonNode a : view) {
            assertEquals(a.get("px").asText().equals("H0") ? 0 : 1, a.get("isOriginal").asInt(), a.toString());
        }
        assertEquals(1, json("/api/refs/da/view?r=" + exporter + "&ps=2058&px=HS").size());
        JsonNode da = json("/public/v1/getDa/C/A/H0?reporterCode=" + exporter + "&period=2058").at("/data/0");
        assertFalse(da.get("isOriginalClassification").asBoolean());
        assertEquals(0, json("/public/v1/getDa/C/A/HS?reporterCode=" + exporter + "&period=2058")
                .get("data").findValues("classificationCode").stream().filter(v -> v.asText().equals("H0")).count());
    }

    @Test
    void shouldShowTheViewsInTheConvertedRevisionAndNameTheTable() throws Exception {
        JsonNode h0 = json("/data/yearly/2058/countries/japan.json?hs=H0");
        JsonNode h5 = json("/data/yearly/2058/countries/japan.json?hs=H5");
        assertEquals("H0", h0.at("/_meta/hs_revision").asText());
        assertEquals(h5.at("/summary/total_exports_usd").asDouble(), h0.at("/summary/total_exports_usd").asDouble(),
                1.0);
        JsonNode catalog = json("/site/catalog.json");
        JsonNode dataset = null;
        for (JsonNode d : catalog.get("datasets")) {
            dataset = d.get("name").asText().equals(NAME + "-as-H0") ? d : dataset;
        }
        assertEquals("generator v2, converted from H5 to H0 with UNSD hs2017_to_hs1992_conversion",
                dataset.get("version").asText());
        assertEquals("[\"H0\"]", dataset.get("revisions").toString());
        assertTrue(given().get("/llms.txt").asString().contains(NAME + "-as-H0"));
    }

    @Test
    void shouldDoNothingTheSecondTimeAndRefuseWhatCannotBeConverted() throws Exception {
        try (Connection reader = TestDatabase.connect()) {
            assertTrue(Imports.load(new ConversionSource(reader, NAME, Classification.H0)).unchanged());
            ImportFailure forward = assertThrows(ImportFailure.class,
                    () -> new ConversionSource(reader, NAME + "-as-H0", Classification.H3));
            assertEquals("dataset '" + NAME + "-as-H0' is itself a conversion; convert its source",
                    forward.getMessage());
            ImportFailure later = assertThrows(ImportFailure.class,
                    () -> new ConversionSource(reader, NAME, Classification.H6));
            assertEquals("no conversion table leads from H5 to H6: UNSD converts from each HS revision to the"
                    + " earlier ones, to SITC and to BEC only", later.getMessage());
            ImportFailure none = assertThrows(ImportFailure.class,
                    () -> new ConversionSource(reader, "no-such-dataset", Classification.H0));
            assertEquals("no dataset named 'no-such-dataset' is loaded (see `datasets list`)", none.getMessage());
        }
        assertFalse(result.unchanged());
    }

    private static JsonNode json(String path) throws Exception {
        return MAPPER.readTree(given().get(path).then().statusCode(200).extract().asString());
    }
}
