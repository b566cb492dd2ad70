package org.tradegateway.ingest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradegateway.support.Imports;
import org.tradegateway.support.Sql;

/**
 * Saved Census API answers as a source of their own: the countries become the gateway's areas of the same ISO
 * code, the total its World partner, groupings and suppressed values are left out, and the months answer through
 * the Census API and the legacy API alike; a broken answer fails with its line and commits nothing.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CensusImportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @AfterAll
    void drop() throws Exception {
        Imports.dropNamed("census-");
        Imports.dropNamed("type-C_r-842_ps-204906");
    }

    private static Path write(String name, String json) throws Exception {
        Path file = Files.createTempDirectory("census").resolve(name);
        Files.writeString(file, json);
        return file;
    }

    @Test
    void shouldLoadTheTutorialsAnswerAndServeItAgain() throws Exception {
        Path file = write("census-exports-2048-10.json", """
                [["CTY_CODE","CTY_NAME","ALL_VAL_MO","time"],
                ["0001","OPEC","5765070418","2048-10"],
                ["0003","PACIFIC RIM","35817684498","2048-10"],
                ["1220","CANADA","30000000001","2048-10"],
                ["5700","CHINA","12500000000","2048-10"],
                ["4279","FRANCE","2000000000","2048-10"],
                ["5830","TAIWAN","3000000000","2048-10"],
                ["9030","PUERTO RICO","(D)","2048-10"],
                ["-","TOTAL FOR ALL COUNTRIES","180000000000","2048-10"]]""");
        CensusSource source = new CensusSource(file, null, 842);
        ImportResult result = Imports.load(source);
        assertEquals(5, result.recordsStored());
        assertEquals(3, source.skipped(), "two groupings and a suppressed value");
        assertEquals("census", Sql.text("SELECT source FROM dataset WHERE name = 'census-exports-2048-10.json'"));

        JsonNode rows = MAPPER.readTree(given().queryParam("get", "CTY_CODE,CTY_NAME,ALL_VAL_MO")
                .queryParam("time", "2048-10").get("/data/timeseries/intltrade/exports/hs").asString());
        Map<String, String> values = new HashMap<>();
        rows.forEach(r -> values.put(r.get(0).asText(), r.get(2).asText()));
        assertEquals("30000000001", values.get("1220"));
        assertEquals("12500000000", values.get("5700"));
        assertEquals("2000000000", values.get("4279"));
        assertEquals("3000000000", values.get("5830"));
        assertEquals("180000000000", values.get("-"));
        assertEquals("15500000000", values.get("0003"), "a grouping is the sum of the members loaded");
        assertEquals(null, values.get("9030"));

        JsonNode france = MAPPER.readTree(given().queryParam("r", "842").queryParam("p", "251")
                .queryParam("ps", "204810").queryParam("freq", "M").queryParam("px", "HS").queryParam("rg", "2")
                .queryParam("cc", "TOTAL").get("/api/get").asString()).at("/dataset/0");
        assertEquals(2_000_000_000L, france.get("TradeValue").asLong(), france.toString());
        assertEquals("H6", france.get("pfCode").asText(), "the revision in force in 2048");
    }

    @Test
    void shouldLoadImportsByChapterWithYearAndMonthColumns() throws Exception {
        Path file = write("census-imports-2048-03.json", """
                [["CTY_NAME","I_COMMODITY","GEN_VAL_MO","CTY_CODE","YEAR","MONTH"],
                ["CHINA","85","41000000000","5700","2048","03"],
                ["CHINA","84","38000000000","5700","2048","03"],
                ["CHINA","8517123456","1000","5700","2048","03"]]""");
        CensusSource source = new CensusSource(file, null, 842);
        assertEquals(2, Imports.load(source).recordsStored());
        assertEquals(1, source.skipped(), "a 10-digit code");
        JsonNode rows = MAPPER.readTree(given().queryParam("get", "I_COMMODITY,GEN_VAL_MO")
                .queryParam("CTY_CODE", "5700").queryParam("COMM_LVL", "HS2").queryParam("time", "2048-03")
                .get("/data/timeseries/intltrade/imports/hs").asString());
        assertEquals("[[\"I_COMMODITY\",\"GEN_VAL_MO\",\"CTY_CODE\",\"COMM_LVL\",\"time\"],"
                + "[\"84\",\"38000000000\",\"5700\",\"HS2\",\"2048-03\"],"
                + "[\"85\",\"41000000000\",\"5700\",\"HS2\",\"2048-03\"]]", rows.toString());
    }

    @Test
    void shouldFailOnABrokenRowNamingItsLineAndCommitNothing() throws Exception {
        Path file = write("census-broken-2048-05.json", """
                [["CTY_CODE","CTY_NAME","ALL_VAL_MO","time"],
                ["5700","CHINA","12500000000","2048-05"],
                ["1220","CANADA","a lot","2048-05"]]""");
        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> Imports.load(new CensusSource(file, null, 842)));
        assertTrue(e.getMessage().startsWith("census-broken-2048-05.json:3: "), e.getMessage());
        assertEquals(0, Sql.count("SELECT count(*) FROM dataset WHERE name = 'census-broken-2048-05.json'"));
        Path noValue = write("census-novalue.json", "[[\"CTY_CODE\",\"time\"],\n[\"5700\",\"2048-05\"]]");
        MalformedInputException missing = assertThrows(MalformedInputException.class,
                () -> Imports.load(new CensusSource(noValue, null, 842)));
        assertTrue(missing.getMessage().contains("no value column"), missing.getMessage());
    }

    @Test
    void shouldServeMonthlyComtradeBulkFilesInEveryDialect() throws Exception {
        Path bulk = write("type-C_r-842_ps-204906_freq-M_px-H4_census-check.csv", "Classification,Year,Period,"
                + "Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,"
                + "Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,"
                + "Netweight (kg),Trade Value (US$),Flag\r\n"
                + "H4,2049,204906,June 2049,0,0,2,Export,842,USA,USA,156,China,CHN,TOTAL,All Commodities,1,"
                + "No Quantity,,,11000000000,0\r\n"
                + "H4,2049,204906,June 2049,2,0,2,Export,842,USA,USA,156,China,CHN,88,Aircraft,1,No Quantity,,,"
                + "900000000,0\r\n");
        assertEquals(2, Imports.load(new LegacyCsvSource(bulk, "comtrade-bulk", null)).recordsStored());
        Path plus = write("census-plus-bulk-204907.csv", "freq_code,period,reporter_code,flow_code,partner_code,"
                + "classification_code,cmd_code,primary_value\n"
                + "M,204907,842,X,156,H4,TOTAL,12000000000\n");
        assertEquals(1, Imports.load(new ComtradePlusSource(plus)).recordsStored());

        JsonNode census = MAPPER.readTree(given().queryParam("get", "CTY_CODE,ALL_VAL_MO,ALL_VAL_YR")
                .queryParam("CTY_CODE", "5700").queryParam("time", "from 2049-06 to 2049-07")
                .get("/data/timeseries/intltrade/exports/hs").asString());
        assertEquals("[[\"CTY_CODE\",\"ALL_VAL_MO\",\"ALL_VAL_YR\",\"time\"],"
                + "[\"5700\",\"11000000000\",\"11000000000\",\"2049-06\"],"
                + "[\"5700\",\"12000000000\",\"23000000000\",\"2049-07\"]]", census.toString());
        JsonNode legacy = MAPPER.readTree(given().queryParam("r", "842").queryParam("p", "156")
                .queryParam("ps", "2049").queryParam("freq", "M").queryParam("px", "HS").queryParam("rg", "2")
                .queryParam("cc", "88").get("/api/get").asString());
        assertEquals(900_000_000L, legacy.at("/dataset/0/TradeValue").asLong(), legacy.toString());
        assertEquals(204906, legacy.at("/dataset/0/period").asInt());
        JsonNode v1 = MAPPER.readTree(given().get("/public/v1/preview/C/M/HS?reporterCode=842&partnerCode=156"
                + "&period=204907&flowCode=X&cmdCode=TOTAL").asString());
        assertEquals(12_000_000_000L, v1.at("/data/0/primaryValue").asLong(), v1.toString());
        assertEquals("M", v1.at("/data/0/freqCode").asText());
        Imports.dropNamed("type-C_r-842_ps-204906");
    }
}
