package org.tradegateway.dialect.census;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradegateway.ingest.synthetic.GeneratorSource;
import org.tradegateway.ingest.synthetic.GeneratorSource.GeneratorSettings;
import org.tradegateway.refs.Classification;
import org.tradegateway.refs.ScheduleC;
import org.tradegateway.support.Accounts;
import org.tradegateway.support.Imports;
import org.tradegateway.support.Sql;

/**
 * The Census International Trade API over generated monthly flows of 2047 (and the same year as annual flows):
 * every request form of the contract's acceptance calls, with each value checked against sums the test takes in
 * SQL from the stored flows, the appended predicate and time columns, the line layout scripts read with pandas,
 * 204 for a month not loaded, 400 naming a variable, the groupings, wildcards and values to date.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CensusApiTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EXPORTS = "/data/timeseries/intltrade/exports/hs";
    private static final String IMPORTS = "/data/timeseries/intltrade/imports/hs";
    private static final ScheduleC COUNTRIES = ScheduleC.shipped();
    private String key;

    @BeforeAll
    void load() throws Exception {
        Imports.load(new GeneratorSource(new GeneratorSettings(2047, 2047, 20_000, Classification.H5, 3, true)));
        Imports.load(new GeneratorSource(new GeneratorSettings(2047, 2047, 20_000, Classification.H5, 3, false)));
        key = Accounts.create("census-script", null, null, "");
    }

    @AfterAll
    void drop() throws Exception {
        Imports.dropNamed("synthetic-H5-monthly-2047");
        Imports.dropNamed("synthetic-H5-2047");
        Accounts.deleteAll();
    }

    private static List<List<String>> rows(Response response) throws Exception {
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals("application/json;charset=utf-8", response.contentType());
        String body = response.asString();
        JsonNode json = MAPPER.readTree(body);
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : json) {
            List<String> values = new ArrayList<>();
            row.forEach(v -> {
                assertTrue(v.isTextual(), "every value is a string: " + row);
                values.add(v.asText());
            });
            rows.add(values);
        }
        // one row per line, as scripts that read the answer with pandas.read_csv need
        String[] lines = body.split("\n");
        assertEquals(rows.size(), lines.length);
        assertTrue(lines[0].startsWith("[[\"") && lines[0].endsWith("],"), lines[0]);
        assertTrue(lines[lines.length - 1].endsWith("]]"));
        return rows;
    }

    /** Rows by the value of the first column. */
    private static Map<String, List<String>> byFirst(List<List<String>> rows) {
        Map<String, List<String>> map = new HashMap<>();
        rows.subList(1, rows.size()).forEach(r -> assertEquals(null, map.put(r.get(0), r), "one row each: " + r));
        return map;
    }

    private static String areas(String code) {
        ScheduleC.Grouping g = COUNTRIES.grouping(code);
        List<Integer> areas = new ArrayList<>();
        if (g != null) {
            g.members().forEach(m -> areas.addAll(COUNTRIES.country(m).areas()));
        } else {
            areas.addAll(COUNTRIES.country(code).areas());
        }
        return areas.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static long exports(int period, String importers, String productLike) {
        return Math.round(Sql.number("SELECT coalesce(sum(value), 0) FROM trade_flow WHERE period = " + period
                + " AND exporter = 842" + (importers == null ? "" : " AND importer IN (" + importers + ")")
                + (productLike == null ? "" : " AND product LIKE '" + productLike + "'")));
    }

    @Test
    void shouldAnswerTheTutorialsCallWithEveryCountryTheGroupingsAndTheTotal() throws Exception {
        List<List<String>> rows = rows(given().queryParam("get", "CTY_CODE,CTY_NAME,ALL_VAL_MO")
                .queryParam("key", key).queryParam("time", "2047-10").get(EXPORTS));
        assertEquals(List.of("CTY_CODE", "CTY_NAME", "ALL_VAL_MO", "time"), rows.get(0));
        assertEquals(List.of("0001", "OPEC"), rows.get(1).subList(0, 2));
        assertEquals(List.of("0003", "PACIFIC RIM"), rows.get(2).subList(0, 2));
        Map<String, List<String>> by = byFirst(rows);
        rows.subList(1, rows.size()).forEach(r -> assertEquals("2047-10", r.get(3)));
        assertEquals(List.of("-", "TOTAL FOR ALL COUNTRIES", String.valueOf(exports(204710, null, null)), "2047-10"),
                by.get("-"));
        assertEquals(List.of("5700", "CHINA", String.valueOf(exports(204710, "156", null)), "2047-10"),
                by.get("5700"));
        assertEquals(String.valueOf(exports(204710, areas("0001"), null)), by.get("0001").get(2));
        assertEquals(String.valueOf(exports(204710, areas("0010"), null)), by.get("0010").get(2));
        assertEquals(String.valueOf(exports(204710, areas("4XXX"), null)), by.get("4XXX").get(2));
        // the tutorial's filter (numeric codes 1000-7999) leaves exactly the countries the flows reach
        TreeSet<String> countries = new TreeSet<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            if (r.get(0).chars().allMatch(Character::isDigit) && Integer.parseInt(r.get(0)) >= 1000
                    && Integer.parseInt(r.get(0)) < 8000) {
                countries.add(r.get(0));
            }
        }
        TreeSet<String> expected = new TreeSet<>();
        for (ScheduleC.Country c : COUNTRIES.countries()) {
            int code = Integer.parseInt(c.code());
            if (code >= 1000 && code < 8000 && !c.areas().isEmpty() && exports(204710,
                    c.areas().stream().map(String::valueOf).collect(Collectors.joining(",")), null) > 0) {
                expected.add(c.code());
            }
        }
        assertTrue(expected.size() > 50, "the generated year reaches many countries: " + expected.size());
        assertEquals(expected, countries);
        assertFalse(countries.contains("1000"), "the United States is not its own partner");
    }

    @Test
    void shouldAnswerAMonthNotLoadedWith204AndNoBody() {
        Response r = given().queryParam("get", "CTY_CODE,CTY_NAME,ALL_VAL_MO").queryParam("time", "2099-01")
                .get(EXPORTS);
        assertEquals(204, r.statusCode());
        assertEquals("", r.asString());
    }

    @Test
    void shouldRefuseVariablesItCannotFillWith400NamingThem() {
        Response unknown = given().queryParam("get", "NOPE").queryParam("time", "2047-01").get(EXPORTS);
        assertEquals(400, unknown.statusCode());
        assertEquals("error: unknown variable 'NOPE'", unknown.asString());
        Response duty = given().queryParam("get", "CTY_NAME,I_COMMODITY,CAL_DUT_MO").queryParam("time", "2047-01")
                .get(IMPORTS);
        assertEquals(400, duty.statusCode());
        assertTrue(duty.asString().startsWith("error: variable 'CAL_DUT_MO' is not served"), duty.asString());
        Response exportsOnly = given().queryParam("get", "I_COMMODITY").queryParam("time", "2047-01").get(EXPORTS);
        assertEquals("error: unknown variable 'I_COMMODITY'", exportsOnly.asString());
        Response hs10 = given().queryParam("get", "CTY_CODE,ALL_VAL_MO").queryParam("COMM_LVL", "HS10")
                .queryParam("time", "2047-01").get(EXPORTS);
        assertEquals(400, hs10.statusCode());
        assertTrue(hs10.asString().contains("HS10"), hs10.asString());
        assertEquals(404, given().get("/data/timeseries/intltrade/exports/naics").statusCode());
        // at most 50 names in get=, as upstream (censusapi splits longer lists into calls of 50)
        String fifty = String.join(",", java.util.Collections.nCopies(25, "CTY_CODE,CTY_NAME"));
        assertEquals(200, given().queryParam("get", fifty).queryParam("time", "2047-01").get(EXPORTS).statusCode());
        Response fiftyOne = given().queryParam("get", fifty + ",ALL_VAL_MO").queryParam("time", "2047-01")
                .get(EXPORTS);
        assertEquals(400, fiftyOne.statusCode());
        assertEquals("error: more than 50 variables in get (51)", fiftyOne.asString());
    }

    @Test
    void shouldAppendPredicatesKeepLeadingZerosAndExpandWildcards() throws Exception {
        // the 2-digit chapter starting with 0 that the United States exports most of to China in March
        String chapter = Sql.text("SELECT substr(product, 1, 2) FROM trade_flow WHERE period = 204703 AND"
                + " exporter = 842 AND importer = 156 AND product LIKE '0%' GROUP BY 1 ORDER BY sum(value) DESC LIMIT 1");
        assertNotNull(chapter, "the generated March holds a chapter 01-09 to China");
        List<List<String>> rows = rows(given().queryParam("get", "CTY_CODE,CTY_NAME,ALL_VAL_MO,E_COMMODITY")
                .queryParam("YEAR", "2047").queryParam("MONTH", "03").queryParam("COMM_LVL", "HS2")
                .queryParam("E_COMMODITY", chapter).queryParam("CTY_CODE", "5700").get(EXPORTS));
        assertEquals(List.of("CTY_CODE", "CTY_NAME", "ALL_VAL_MO", "E_COMMODITY", "YEAR", "MONTH", "COMM_LVL"),
                rows.get(0));
        assertEquals(List.of(List.of("5700", "CHINA", String.valueOf(exports(204703, "156", chapter + "%")), chapter,
                "2047", "03", "HS2")), rows.subList(1, rows.size()));

        List<List<String>> hs4 = rows(given().queryParam("get", "CTY_CODE,E_COMMODITY,ALL_VAL_MO")
                .queryParam("E_COMMODITY", chapter + "*").queryParam("COMM_LVL", "HS4")
                .queryParam("CTY_CODE", "5700").queryParam("time", "2047-03").get(EXPORTS));
        assertEquals(List.of("CTY_CODE", "E_COMMODITY", "ALL_VAL_MO", "COMM_LVL", "time"), hs4.get(0));
        TreeSet<String> expected = new TreeSet<>();
        for (List<String> r : hs4.subList(1, hs4.size())) {
            assertTrue(r.get(1).startsWith(chapter) && r.get(1).length() == 4, r.toString());
            assertEquals(String.valueOf(exports(204703, "156", r.get(1) + "%")), r.get(2), r.toString());
            assertEquals("HS4", r.get(3));
        }
        expected.addAll(List.of(Sql.text("SELECT string_agg(DISTINCT substr(product, 1, 4), ',') FROM trade_flow"
                + " WHERE period = 204703 AND exporter = 842 AND importer = 156 AND product LIKE '" + chapter + "%'")
                .split(",")));
        assertEquals(expected, hs4.subList(1, hs4.size()).stream().map(r -> r.get(1))
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void shouldAnswerARangeOfMonthsWithValuesToDateThatAddUpToTheAnnualRecord() throws Exception {
        String chapter = Sql.text("SELECT substr(product, 1, 2) FROM trade_flow WHERE period BETWEEN 204701 AND"
                + " 204712 AND exporter = 156 AND importer = 842 GROUP BY 1 ORDER BY sum(value) DESC LIMIT 1");
        List<List<String>> rows = rows(given().queryParam("get", "CTY_NAME,I_COMMODITY,I_COMMODITY_SDESC,"
                        + "GEN_VAL_MO,CON_VAL_MO,GEN_VAL_YR").queryParam("COMM_LVL", "HS2").queryParam("CTY_CODE", "5700")
                .queryParam("I_COMMODITY", chapter).queryParam("key", key)
                .queryParam("time", "from 2047-01 to 2047-12").get(IMPORTS));
        assertEquals(List.of("CTY_NAME", "I_COMMODITY", "I_COMMODITY_SDESC", "GEN_VAL_MO", "CON_VAL_MO",
                "GEN_VAL_YR", "COMM_LVL", "CTY_CODE", "time"), rows.get(0));
        assertEquals(13, rows.size(), "the twelve months: " + rows);
        long toDate = 0;
        for (int month = 1; month <= 12; month++) {
            List<String> r = rows.get(month);
            long value = Math.round(Sql.number("SELECT coalesce(sum(value), 0) FROM trade_flow WHERE period = "
                    + (204700 + month) + " AND exporter = 156 AND importer = 842 AND product LIKE '" + chapter + "%'"));
            toDate += value;
            assertEquals(String.format("2047-%02d", month), r.get(8));
            assertEquals(List.of("CHINA", chapter), r.subList(0, 2));
            assertEquals(String.valueOf(value), r.get(3));
            assertEquals(r.get(3), r.get(4));
            assertEquals(String.valueOf(toDate), r.get(5));
        }
        // the months add up to the annual record of the same generated year, read through the legacy API
        JsonNode annual = MAPPER.readTree(given().queryParam("r", "842").queryParam("p", "156")
                .queryParam("ps", "2047").queryParam("px", "HS").queryParam("rg", "1").queryParam("cc", chapter)
                .get("/api/get").asString());
        assertEquals(toDate, annual.at("/dataset/0/TradeValue").asLong(), annual.toString());
    }

    @Test
    void shouldAnswerAYearAsItsMonthsAndFilterOnAnyVariable() throws Exception {
        List<List<String>> rows = rows(given().queryParam("get", "CTY_CODE,ALL_VAL_MO,SUMMARY_LVL")
                .queryParam("CTY_CODE", "5700").queryParam("CTY_CODE", "-").queryParam("time", "2047").get(EXPORTS));
        assertEquals(List.of("CTY_CODE", "ALL_VAL_MO", "SUMMARY_LVL", "time"), rows.get(0));
        assertEquals(25, rows.size(), "China and the total in each of twelve months");
        assertEquals(List.of("5700", String.valueOf(exports(204701, "156", null)), "DET", "2047-01"), rows.get(1));
        assertEquals(List.of("-", String.valueOf(exports(204701, null, null)), "CGP", "2047-01"), rows.get(2));
        List<List<String>> names = rows(given().queryParam("get", "CTY_CODE,ALL_VAL_MO")
                .queryParam("CTY_NAME", "CANADA").queryParam("time", "2047-05").get(EXPORTS));
        assertEquals(List.of(List.of("1220", String.valueOf(exports(204705, "124", null)), "CANADA", "2047-05")),
                names.subList(1, names.size()));
        List<List<String>> groupings = rows(given().queryParam("get", "CTY_CODE,CTY_NAME")
                .queryParam("SUMMARY_LVL", "CGP").queryParam("time", "2047-05").get(EXPORTS));
        assertTrue(groupings.subList(1, groupings.size()).stream().allMatch(r -> r.get(0).startsWith("0")
                || r.get(0).endsWith("XXX") || r.get(0).equals("-")), groupings.toString());
    }

    @Test
    void shouldTakeAnAccountsTokenAsKeyAndRefuseAnotherWithUpstreamsPage() {
        Response wrong = given().queryParam("get", "CTY_CODE").queryParam("key", "not-a-key")
                .queryParam("time", "2047-01").get(EXPORTS);
        assertTrue(wrong.asString().contains("<title>Invalid Key</title>"), wrong.asString());
        assertEquals(200, given().queryParam("get", "CTY_CODE").queryParam("key", key).queryParam("time", "2047-01")
                .get(EXPORTS).statusCode());
    }

    @Test
    void shouldDescribeOnlyWhatItServes() throws Exception {
        JsonNode variables = MAPPER.readTree(given().get(EXPORTS + "/variables.json").asString()).get("variables");
        assertEquals("int", variables.at("/ALL_VAL_MO/predicateType").asText());
        assertEquals("string", variables.at("/CTY_CODE/predicateType").asText());
        assertTrue(variables.has("E_COMMODITY") && !variables.has("I_COMMODITY") && !variables.has("QTY_2_MO"));
        JsonNode imports = MAPPER.readTree(given().get(IMPORTS + "/variables.json").asString()).get("variables");
        assertTrue(imports.has("GEN_VAL_MO") && !imports.has("ALL_VAL_MO") && !imports.has("CAL_DUT_MO"));
        assertEquals("string", MAPPER.readTree(given().get(EXPORTS + "/variables/CTY_NAME.json").asString())
                .get("predicateType").asText());
        assertEquals(404, given().get(EXPORTS + "/variables/QTY_2_MO.json").statusCode());
        JsonNode examples = MAPPER.readTree(given().get(EXPORTS + "/examples.json").asString());
        for (JsonNode example : examples.get("examples")) {
            String url = example.get("url").asText();
            String path = url.substring(url.indexOf(EXPORTS));
            int status = given().urlEncodingEnabled(false).get(path).statusCode();
            assertTrue(status == 200 || status == 204, url + " gave " + status);
        }
        JsonNode dataset = MAPPER.readTree(given().get(EXPORTS + ".json").asString()).at("/dataset/0");
        assertTrue(dataset.get("x_sources").toString().contains("synthetic-H5-monthly-2047"), dataset.toString());
        assertTrue(dataset.get("temporal").asText().contains("2047-12"), dataset.toString());
        assertTrue(dataset.get("description").asText().contains("not figures of the U.S. Census Bureau"));
    }
}
