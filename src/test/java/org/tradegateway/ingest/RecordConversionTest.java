package org.tradegateway.ingest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradegateway.refs.Classification;
import org.tradegateway.support.Imports;
import org.tradegateway.support.TestDatabase;

/**
 * Declared records (a saved legacy answer in HS 2012) converted to SITC Rev.4 and to HS 1992, checked by hand on
 * real codes: three HS lines into one SITC subgroup without basic headings (0015), two poultry lines merged in both
 * (00141, 010519), leading zeros, monetary gold with no SITC counterpart (counted in the declared TOTAL only) but
 * its own HS 1992 code, quantities summed only in one unit, weights and CIF values only where every part has one,
 * every level of SITC summed from the converted codes, and the declared TOTAL kept; then over HTTP in both APIs.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordConversionTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String NAME = "declared-h4-2062.csv";
    private Conversion sitc;
    private Conversion hs1992;

    @BeforeAll
    void load() throws Exception {
        Path dir = Files.createTempDirectory("declared");
        Path file = dir.resolve(NAME);
        String head = "pfCode,yr,period,periodDesc,aggrLevel,IsLeaf,rgCode,rgDesc,rtCode,rtTitle,rt3ISO,ptCode,ptTitle,"
                + "pt3ISO,ptCode2,ptTitle2,pt3ISO2,cstCode,cstDesc,motCode,motDesc,cmdCode,cmdDescE,qtCode,qtDesc,"
                + "qtAltCode,qtAltDesc,TradeQuantity,AltQuantity,NetWeight,GrossWeight,TradeValue,CIFValue,FOBValue,"
                + "estCode\r\n";
        StringBuilder csv = new StringBuilder(head);
        // level, leaf, code, unit, quantity, net weight, value, CIF
        String[][] rows = {
            {"0", "0", "TOTAL", "1", "", "900", "2000000", ""},
            {"2", "0", "01", "1", "", "", "276456", ""},
            {"6", "1", "010121", "5", "12", "5000", "123456", "130000"},
            {"6", "1", "010129", "5", "3", "1000", "100000", "110000"},
            {"6", "1", "010130", "8", "700", "700", "50000", ""},
            {"6", "1", "010512", "8", "10", "10", "1000", "1100"},
            {"6", "1", "010513", "8", "20", "20", "2000", "2200"},
            {"6", "1", "030111", "5", "7", "", "3000", "3300"},
            {"6", "1", "710820", "1", "", "", "700000", ""},
        };
        for (String[] r : rows) {
            csv.append("H4,2062,2062,2062,").append(r[0]).append(',').append(r[1]).append(",1,Import,76,Brazil,BRA,32,")
                    .append("Argentina,ARG,,,,,,,,").append(r[2]).append(",x,").append(r[3]).append(",,,,")
                    .append(r[4]).append(",,").append(r[5]).append(",,").append(r[6]).append(',').append(r[7])
                    .append(",,0\r\n");
        }
        Files.writeString(file, csv);
        Imports.load(new LegacyCsvSource(file, "legacy-csv", null));
        try (Connection reader = TestDatabase.connect()) {
            sitc = Conversion.of(reader, NAME, Classification.S4);
            Imports.load(sitc);
            hs1992 = Conversion.of(reader, NAME, Classification.H0);
            Imports.load(hs1992);
        }
    }

    @AfterAll
    void drop() throws Exception {
        Imports.dropNamed(NAME);
    }

    /** The records of Brazil's imports from Argentina in 2062 in a classification, by code. */
    private static Map<String, JsonNode> records(String px) throws Exception {
        JsonNode answer = json("/api/get?r=76&p=32&ps=2062&rg=1&cc=ALL&px=" + px);
        Map<String, JsonNode> byCode = new HashMap<>();
        for (JsonNode r : answer.get("dataset")) {
            assertEquals(px, r.get("pfCode").asText());
            byCode.put(r.get("cmdCode").asText(), r);
        }
        return byCode;
    }

    @Test
    void shouldConvertDeclaredRecordsToSitcByHand() throws Exception {
        assertInstanceOf(RecordConversionSource.class, sitc);
        assertEquals(7, sitc.converted());
        assertEquals(1, sitc.kept());
        assertEquals(700_000, sitc.keptValue());
        Map<String, JsonNode> s4 = records("S4");
        // TOTAL as declared, 0 to 00 to 001 to 0015 / 0014 to 00141, 03 to 034 to 0341 to 03411: 11 records
        assertEquals(java.util.Set.of("TOTAL", "0", "00", "001", "0014", "0015", "00141", "03", "034", "0341",
                "03411"), s4.keySet());
        assertEquals(2_000_000, s4.get("TOTAL").get("TradeValue").asDouble());
        assertEquals(900, s4.get("TOTAL").get("NetWeight").asDouble());
        JsonNode horses = s4.get("0015");
        assertEquals(273_456, horses.get("TradeValue").asDouble());
        assertEquals(4, horses.get("aggrLevel").asInt());
        assertTrue(horses.get("IsLeaf").asInt() == 1, horses.toString());
        assertEquals(1, horses.get("qtCode").asInt(), "items and kilograms are not added up");
        assertTrue(horses.get("TradeQuantity").isNull(), horses.toString());
        assertEquals(6_700, horses.get("NetWeight").asDouble());
        assertTrue(horses.get("CIFValue").isNull(), "one part has no CIF value: " + horses);
        JsonNode poultry = s4.get("00141");
        assertEquals(3_000, poultry.get("TradeValue").asDouble());
        assertEquals(8, poultry.get("qtCode").asInt());
        assertEquals(30, poultry.get("TradeQuantity").asDouble());
        assertEquals(3_300, poultry.get("CIFValue").asDouble());
        JsonNode fish = s4.get("03411");
        assertEquals(3_000, fish.get("TradeValue").asDouble());
        assertTrue(fish.get("NetWeight").isNull(), fish.toString());
        assertEquals(276_456, s4.get("001").get("TradeValue").asDouble());
        assertEquals(3_000, s4.get("0014").get("TradeValue").asDouble());
        assertEquals(0, s4.get("0014").get("IsLeaf").asInt());
        // monetary gold is in the declared TOTAL only: the level sums are 700,000 short of it, as reported
        assertEquals(279_456, s4.get("0").get("TradeValue").asDouble());
    }

    @Test
    void shouldConvertDeclaredRecordsToAnEarlierRevisionKeepingCodesWithoutCounterpart() throws Exception {
        assertEquals(0, hs1992.kept());
        Map<String, JsonNode> h0 = records("H0");
        assertEquals(3_000, h0.get("010519").get("TradeValue").asDouble());
        assertEquals(30, h0.get("010519").get("TradeQuantity").asDouble());
        assertEquals(123_456, h0.get("010111").get("TradeValue").asDouble());
        assertEquals(12, h0.get("010111").get("TradeQuantity").asDouble());
        assertEquals(3_000, h0.get("030110").get("TradeValue").asDouble());
        assertEquals(700_000, h0.get("710820").get("TradeValue").asDouble());
        assertEquals(700_000, h0.get("71").get("TradeValue").asDouble());
        assertEquals(273_456, h0.get("0101").get("TradeValue").asDouble());
        assertEquals(2_000_000, h0.get("TOTAL").get("TradeValue").asDouble());
        assertNull(h0.get("010121"), "the HS 2012 code is not an HS 1992 record");
    }

    @Test
    void shouldSayInEveryApiThatTheRecordsAreConverted() throws Exception {
        JsonNode plus = json("/public/v1/preview/C/A/S4?reporterCode=76&partnerCode=32&period=2062&flowCode=M"
                + "&cmdCode=0015").at("/data/0");
        assertEquals("S4", plus.get("classificationCode").asText());
        assertFalse(plus.get("isOriginalClassification").asBoolean());
        assertEquals(273_456, plus.get("primaryValue").asDouble());
        for (JsonNode a : json("/api/refs/da/view?r=76&ps=2062")) {
            assertEquals(a.get("px").asText().equals("H4") ? 1 : 0, a.get("isOriginal").asInt(), a.toString());
        }
        // "as reported" is still the loaded revision only
        assertEquals("H4", json("/api/get?r=76&p=32&ps=2062&rg=1&cc=TOTAL&px=HS").at("/dataset/0/pfCode").asText());
    }

    @Test
    void shouldRefuseWhatCannotBeConverted() throws Exception {
        try (Connection reader = TestDatabase.connect()) {
            assertTrue(Imports.load(Conversion.of(reader, NAME, Classification.S4)).unchanged());
            ImportFailure forward = assertThrows(ImportFailure.class,
                    () -> Conversion.of(reader, NAME, Classification.H6));
            assertEquals("no conversion table leads from H4 to H6: UNSD converts from each HS revision to the"
                    + " earlier ones, to SITC and to BEC only", forward.getMessage());
            ImportFailure same = assertThrows(ImportFailure.class,
                    () -> Conversion.of(reader, NAME, Classification.H4));
            assertEquals("dataset '" + NAME + "' is already in H4", same.getMessage());
        }
    }

    private static JsonNode json(String path) throws Exception {
        return MAPPER.readTree(given().get(path).then().statusCode(200).extract().asString());
    }
}
