package org.tradegateway.dialect.legacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradegateway.ingest.LegacyJsonSource;
import org.tradegateway.support.Imports;
import org.tradegateway.support.SharedData;

/** The shape of /api/get answers: defaults, key order and types, truncation, CSV headers and line ends. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiGetAnswerTest {
    static final List<String> KEYS = List.of("pfCode", "yr", "period", "periodDesc", "aggrLevel", "IsLeaf", "rgCode",
            "rgDesc", "rtCode", "rtTitle", "rt3ISO", "ptCode", "ptTitle", "pt3ISO", "ptCode2", "ptTitle2", "pt3ISO2",
            "cstCode", "cstDesc", "motCode", "motDesc", "cmdCode", "cmdDescE", "qtCode", "qtDesc", "qtAltCode",
            "qtAltDesc", "TradeQuantity", "AltQuantity", "NetWeight", "GrossWeight", "TradeValue", "CIFValue",
            "FOBValue", "estCode");
    static final String HEADER_H = "Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,"
            + "Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,2nd Partner Code,"
            + "2nd Partner,2nd Partner ISO,Customs Proc. Code,Customs,Mode of Transport Code,Mode of Transport,"
            + "Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Alt Qty Unit Code,Alt Qty Unit,Alt Qty,"
            + "Netweight (kg),Gross weight (kg),Trade Value (US$),CIF Trade Value (US$),FOB Trade Value (US$),Flag\r\n";
    static final String HEADER_ORIG = "Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,"
            + "Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,"
            + "Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag\r\n";
    static final String NO_DATA = "No data matches your query or your query is too complex. Request JSON or XML"
            + " format for more information.\r\n";
    private static final String UK = "/api/get?r=826&p=0&ps=2013&rg=2";

    @BeforeAll
    void load() throws Exception {
        Imports.load(new LegacyJsonSource(SharedData.path(
                "data/samples/legacy/api_get_gbr_exports_world_2013_H0_AG4.json"), null));
    }

    @AfterAll
    void drop() throws Exception {
        Imports.dropNamed("api_get_gbr");
    }

    private static JsonNode json(String url) throws Exception {
        String body = given().urlEncodingEnabled(false).get(url).then().statusCode(200)
                .contentType("application/json; charset=utf-8").extract().asString();
        return new ObjectMapper().readTree(body);
    }

    @Test
    void shouldAnswerAnEmptyDatasetWithoutMessageWhenNothingMatches() throws Exception {
        JsonNode answer = json(UK);
        assertEquals("Ok", answer.at("/validation/status/name").asText());
        assertTrue(answer.at("/validation/message").isNull());
        assertEquals(0, answer.at("/validation/count/value").asInt());
        assertEquals(0, answer.get("dataset").size());
        assertEquals(List.of("validation", "dataset"), fieldNames(answer));
        assertEquals(List.of("status", "message", "count", "datasetTimer"), fieldNames(answer.get("validation")));
    }

    @Test
    void shouldSendACompleteAnswerWithItsLengthAndALargeOneInChunks() {
        var small = given().get(UK + "&cc=0101,0102").then().statusCode(200).extract();
        assertEquals(String.valueOf(small.asByteArray().length), small.header("Content-Length"));
        assertEquals(null, small.header("Transfer-Encoding"));
        var large = given().get(UK + "&cc=AG4&max=1500&fmt=csv").then().statusCode(200)
                .contentType("text/csv; charset=utf-8").extract();
        assertEquals("chunked", large.header("Transfer-Encoding"));
        assertEquals(null, large.header("Content-Length"));
        String body = large.asString();
        assertTrue(body.startsWith(HEADER_H), body.substring(0, 80));
        assertEquals(1 + 1206, body.split("\r\n", -1).length - 1, "header and every record, CRLF-ended");
    }

    @Test
    void shouldAnswerHeadLikeGetWithoutABodyAndRefuseOtherMethods() {
        String url = UK + "&cc=0101,0102&fmt=csv";
        var head = given().head(url).then().statusCode(200).contentType("text/csv; charset=utf-8").extract();
        assertEquals(String.valueOf(given().get(url).then().extract().asByteArray().length),
                head.header("Content-Length"), "the length the GET answer has");
        given().post(UK).then().statusCode(405).header("Allow", "GET, HEAD");
        given().delete(UK).then().statusCode(405);
    }

    @Test
    void shouldCutTheDatasetAtMaxAndCountEveryRecord() throws Exception {
        JsonNode answer = json(UK + "&cc=AG4");
        assertEquals(1206, answer.at("/validation/count/value").asInt());
        assertEquals(500, answer.get("dataset").size());
        assertEquals(3, json(UK + "&cc=AG4&max=3").get("dataset").size());
        // a limit up to 1,000 is read in one counted statement, a larger one through a cursor: the same records
        JsonNode whole = json(UK + "&cc=AG4&max=1500");
        assertEquals(1206, whole.get("dataset").size());
        for (int max : new int[] {1, 3, 500, 1000, 1206}) {
            JsonNode cut = json(UK + "&cc=AG4&max=" + max);
            assertEquals(1206, cut.at("/validation/count/value").asInt(), "max=" + max);
            assertEquals(max, cut.get("dataset").size(), "max=" + max);
            for (int i = 0; i < max; i++) {
                assertEquals(whole.get("dataset").get(i), cut.get("dataset").get(i), "max=" + max + ", record " + i);
            }
        }
        assertTrue(answer.at("/validation/count/started").asText()
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}[-+]\\d\\d:\\d\\d"));
    }

    @Test
    void shouldWriteTheThirtyFiveKeysInOrderWithUpstreamTypes() throws Exception {
        JsonNode row = json(UK + "&cc=0101").get("dataset").get(0);
        assertEquals(KEYS, fieldNames(row));
        assertTrue(row.get("pfCode").isTextual() && row.get("cmdCode").isTextual() && row.get("periodDesc").isTextual());
        assertTrue(row.get("yr").isInt() && row.get("rtCode").isInt() && row.get("IsLeaf").isInt());
        assertTrue(row.get("TradeValue").isNumber() && row.get("NetWeight").isNumber());
        assertTrue(row.get("ptCode2").isNull() && row.get("qtAltCode").isNull() && row.get("CIFValue").isNull());
        assertEquals("", row.get("cstCode").asText());
        assertEquals("H0", row.get("pfCode").asText());
        assertEquals(432693842L, row.get("TradeValue").asLong());
        assertEquals("Live horses, asses, mules and hinnies", row.get("cmdDescE").asText());
    }

    @Test
    void shouldReadNamesAndSpecialValuesInAnyCaseAndEncodedCommas() throws Exception {
        JsonNode answer = json("/api/get?R=826&P=0&PS=2013&RG=1%2C2&CC=0101%2C0102&PX=h0&FMT=Json&uitoken=x");
        assertEquals(2, answer.at("/validation/count/value").asInt());
        assertEquals(2, json("/api/get?r=826&p=0&ps=NOW&rg=2&cc=0101,0102").get("dataset").size());
        assertEquals(2, json("/api/get?r=826&p=0&ps=recent&rg=ALL&cc=0101,0102&px=HS").get("dataset").size());
        assertEquals(1, json("/api/get?r=826&p=0&ps=2013&rg=2&cc=TOTAL,0101").get("dataset").size());
    }

    @Test
    void shouldWriteCsvWithTheHumanHeaderAndCrlf() {
        String csv = given().get(UK + "&cc=0101,0102&fmt=csv").then().statusCode(200)
                .contentType("text/csv; charset=utf-8").extract().asString();
        assertTrue(csv.startsWith(HEADER_H), csv);
        String[] lines = csv.split("\r\n", -1);
        assertEquals(4, lines.length);
        assertEquals("", lines[3]);
        assertEquals("H0,2013,2013,2013,4,0,2,Export,826,United Kingdom,GBR,0,World,WLD,,,,,,,,0101,"
                + "\"Live horses, asses, mules and hinnies\",5,Number of items,6647,,,,2280508,,432693842,,,0", lines[1]);
    }

    @Test
    void shouldWriteMachineHeadersAndTheOriginalLayout() {
        String machine = given().get(UK + "&cc=0101&fmt=csv&head=M").then().statusCode(200).extract().asString();
        assertTrue(machine.startsWith(String.join(",", KEYS) + "\r\n"), machine);
        String original = given().get(UK + "&cc=0101&fmt=csv&IMTS=orig").then().statusCode(200).extract().asString();
        assertEquals(HEADER_ORIG + "H0,2013,2013,2013,4,0,2,Export,826,United Kingdom,GBR,0,World,WLD,0101,"
                + "\"Live horses, asses, mules and hinnies\",5,Number of items,6647,2280508,432693842,0\r\n", original);
    }

    @Test
    void shouldWriteTheNoDataRowForEmptyAndFailedCsvAnswers() {
        given().get(UK + "&fmt=csv").then().statusCode(200).contentType("text/csv; charset=utf-8")
                .body(equalTo(HEADER_H + NO_DATA));
        given().get("/api/get?r=all&p=all&fmt=csv").then().statusCode(200).contentType("text/csv; charset=utf-8")
                .body(equalTo(HEADER_H + NO_DATA));
    }

    @Test
    void shouldAnswer414ToAnUrlOverFourThousandNinetySixCharacters() {
        String base = "/api/get?r=826&p=0&ps=2013&rg=2&cc=0101&pad=";
        given().urlEncodingEnabled(false).get(base + "x".repeat(4096 - base.length())).then().statusCode(200)
                .body("validation.count.value", equalTo(1)).body("dataset[0].ptTitle2", equalTo(""))
                .body("dataset[0].qtAltCode", nullValue());
        given().urlEncodingEnabled(false).get(base + "x".repeat(4097 - base.length())).then().statusCode(414);
    }

    @Test
    void shouldAnswer431WhenTheHeadersExceedSixteenKilobytes() {
        // 16 KB for the whole header block: a long Authorization or Cookie header fits, a flood does not
        given().header("X-Padding", "x".repeat(15_000)).get(UK + "&cc=0101").then().statusCode(200)
                .body("validation.count.value", equalTo(1));
        given().header("X-Padding", "x".repeat(17_000)).get(UK + "&cc=0101").then().statusCode(431);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
