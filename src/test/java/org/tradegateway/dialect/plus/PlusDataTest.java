package org.tradegateway.dialect.plus;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradegateway.ingest.ComtradePlusSource;
import org.tradegateway.support.Accounts;
import org.tradegateway.support.Imports;
import org.tradegateway.support.SharedData;

/**
 * {@code /data/v1/get} and {@code /public/v1/preview} against a recorded Comtrade+ answer: its rows loaded, the
 * query comtradr sent for it asked exactly as comtradr sends it, and every field compared (name, order, JSON type
 * and value); then keys, refusals, descriptions, limits on the number of records, and CSV.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlusDataTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** comtradr 1.0.5's request for this answer (its test expectation), without the host. */
    private static final String COMTRADR = "/data/v1/get/C/A/HS?cmdCode=TOTAL&flowCode=M%2CX%2CRM%2CRX"
            + "&partnerCode=32%2C280%2C276&reporterCode=156&period=2010&motCode=0&partner2Code=0&customsCode=C00"
            + "&includeDesc=TRUE";
    private JsonNode recorded;
    private String key;

    @BeforeAll
    void load() throws Exception {
        recorded = MAPPER.readTree(SharedData.path("data/samples/comtradeplus/api_data_v1_get_C_A_HS_chn_2010.json")
                .toFile());
        List<String> fields = new ArrayList<>();
        recorded.at("/data/0").fieldNames().forEachRemaining(fields::add);
        StringBuilder csv = new StringBuilder(String.join(",", fields)).append('\n');
        for (JsonNode row : recorded.get("data")) {
            List<String> values = new ArrayList<>();
            for (String f : fields) {
                values.add(row.get(f).isNull() ? "" : row.get(f).asText());
            }
            csv.append(String.join(",", values)).append('\n');
        }
        Path file = Files.createTempDirectory("plus").resolve("plus_chn_2010.csv");
        Files.writeString(file, csv);
        Imports.load(new ComtradePlusSource(file));
        key = Accounts.create("plus-client", null, null, "");
    }

    @AfterAll
    void drop() throws Exception {
        Imports.dropNamed("plus_chn_2010");
        Accounts.deleteAll();
    }

    private JsonNode json(Response response) throws Exception {
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals("application/json; charset=utf-8", response.contentType());
        return MAPPER.readTree(response.asString());
    }

    private static Map<String, JsonNode> byFlowAndPartner(JsonNode data) {
        Map<String, JsonNode> rows = new HashMap<>();
        data.forEach(r -> rows.put(r.get("flowCode").asText() + "/" + r.get("partnerCode").asInt(), r));
        return rows;
    }

    @Test
    void shouldAnswerComtradrsRequestWithTheRecordedRecordsFieldByField() throws Exception {
        JsonNode served = json(given().urlEncodingEnabled(false).header("Ocp-Apim-Subscription-Key", key)
                .get(COMTRADR));
        List<String> envelope = new ArrayList<>();
        served.fieldNames().forEachRemaining(envelope::add);
        assertEquals(List.of("elapsedTime", "count", "data", "error"), envelope);
        String elapsed = served.get("elapsedTime").asText();
        assertTrue(elapsed.matches("\\d+\\.\\d\\d secs"), elapsed);
        assertEquals(4, served.get("count").asInt());
        assertEquals("", served.get("error").asText());
        Map<String, JsonNode> mine = byFlowAndPartner(served.get("data"));
        assertEquals(4, mine.size());
        for (JsonNode expected : recorded.get("data")) {
            JsonNode actual = mine.get(expected.get("flowCode").asText() + "/" + expected.get("partnerCode").asInt());
            List<String> names = new ArrayList<>();
            expected.fieldNames().forEachRemaining(names::add);
            List<String> actualNames = new ArrayList<>();
            actual.fieldNames().forEachRemaining(actualNames::add);
            assertEquals(names, actualNames, "the 47 fields in upstream order");
            for (String name : names) {
                JsonNode e = expected.get(name);
                JsonNode a = actual.get(name);
                assertEquals(e.getNodeType(), a.getNodeType(), name + ": " + a);
                if (e.isNumber()) {
                    assertEquals(e.asDouble(), a.asDouble(), 1e-6, name);
                    assertEquals(e.isIntegralNumber(), a.isIntegralNumber(), name + " integer or not: " + a);
                } else {
                    assertEquals(e, a, name);
                }
            }
        }
    }

    @Test
    void shouldTakeTheKeyAsParameterOrHeaderAndRefuseItsAbsenceOrAWrongOneAsUpstream() throws Exception {
        String query = "/data/v1/get/C/A/HS?reportercode=156&period=2010&cmdCode=TOTAL";
        assertEquals(4, json(given().get(query + "&subscription-key=" + key)).get("count").asInt());
        Response missing = given().get(query);
        assertEquals(401, missing.statusCode());
        assertEquals("application/json; charset=utf-8", missing.contentType());
        assertEquals(401, MAPPER.readTree(missing.asString()).get("statusCode").asInt());
        assertTrue(MAPPER.readTree(missing.asString()).get("message").asText()
                .startsWith("Access denied due to missing subscription key."), missing.asString());
        Response wrong = given().header("Ocp-Apim-Subscription-Key", "not-a-key").get(query);
        assertEquals(401, wrong.statusCode());
        assertTrue(MAPPER.readTree(wrong.asString()).get("message").asText()
                .startsWith("Access denied due to invalid subscription key."), wrong.asString());
        // the legacy token of the same account works in the legacy API too: one credential everywhere
        given().get("/api/getUserInfo?token=" + key).then().statusCode(200);
    }

    @Test
    void shouldLeaveTheDescriptionsNullWithoutIncludeDesc() throws Exception {
        JsonNode served = json(given().get("/data/v1/get/C/A/HS?reporterCode=156&period=2010&partnerCode=32"
                + "&flowCode=M&subscription-key=" + key));
        assertEquals(1, served.get("count").asInt());
        JsonNode row = served.at("/data/0");
        for (String name : List.of("reporterISO", "reporterDesc", "flowDesc", "partnerISO", "partnerDesc",
                "partner2ISO", "partner2Desc", "cmdDesc", "customsDesc", "motDesc")) {
            assertTrue(row.get(name).isNull(), name + ": " + row.get(name));
        }
        assertEquals("N/A", row.get("qtyUnitAbbr").asText());
        assertEquals(6804128143.0, row.get("primaryValue").asDouble(), 0.5);
    }

    @Test
    void shouldAnswerBadCodesWithNoDataAndTheReasonAndCutAtMaxRecordsWithTheTrueCount() throws Exception {
        JsonNode bad = json(given().get("/data/v1/get/C/A/HS?reporterCode=156&period=2010&flowCode=-1"
                + "&subscription-key=" + key));
        assertEquals(0, bad.get("count").asInt());
        assertEquals(0, bad.get("data").size());
        assertTrue(bad.get("error").asText().contains("flowCode '-1'"), bad.toString());
        JsonNode period = json(given().get("/public/v1/preview/C/A/HS?reporterCode=156&period=201001"));
        assertTrue(period.get("error").asText().contains("period '201001'"), period.toString());
        // the preview needs no key; maxRecords cuts the records, count stays the number that matched
        JsonNode cut = json(given().get("/public/v1/preview/C/A/HS?reportercode=156&period=2010&maxRecords=2"
                + "&includeDesc=True"));
        assertEquals(4, cut.get("count").asInt());
        assertEquals(2, cut.get("data").size());
        assertEquals("", cut.get("error").asText());
        JsonNode counted = json(given().get("/public/v1/preview/C/A/HS?reportercode=156&period=2010"
                + "&countOnly=True"));
        assertEquals(4, counted.get("count").asInt());
        assertEquals(0, counted.get("data").size());
    }

    @Test
    void shouldStreamCsvWithTheSameFields() {
        String csv = given().get("/public/v1/preview/C/A/HS?reporterCode=156&period=2010&format=CSV&includeDesc=true")
                .then().statusCode(200).contentType("text/csv; charset=utf-8").extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(String.join(",", PlusFields.NAMES), lines[0]);
        assertEquals(47, PlusFields.NAMES.size());
        assertEquals(5, lines.length, csv);
        assertTrue(csv.contains(",Argentina,") && csv.contains(",H3,HS,true,TOTAL,All Commodities,0,false,"), csv);
    }

    @Test
    void shouldTellWhatIsLoadedInGetDa() throws Exception {
        JsonNode da = json(given().get("/public/v1/getDa/C/A/HS?reporterCode=156&period=2010"));
        assertEquals(1, da.get("count").asInt(), da.toString());
        JsonNode r = da.at("/data/0");
        assertEquals(2010, r.get("period").asInt());
        assertTrue(r.get("period").isInt());
        assertEquals(156, r.get("reporterCode").asInt());
        assertEquals("CHN", r.get("reporterISO").asText());
        assertEquals("H3", r.get("classificationCode").asText());
        assertEquals("HS", r.get("classificationSearchCode").asText());
        assertEquals(4, r.get("totalRecords").asInt());
        assertTrue(r.get("lastReleased").asText().matches("\\d{4}-\\d\\d-\\d\\dT00:00:00\\.0000000"),
                r.toString());
        assertEquals(0, json(given().get("/public/v1/getDa/C/A/HS?reporterCode=156&period=2011")).get("count")
                .asInt());
        assertEquals(401, given().get("/data/v1/getDa/C/A/HS?reporterCode=156").statusCode());
        assertEquals(1, json(given().get("/data/v1/getDa/C/A/HS?reporterCode=156&subscription-key=" + key))
                .get("count").asInt());
        assertTrue(json(given().get("/public/v1/getDa/C/X/HS")).get("error").asText().contains("freqCode"));
    }

    @Test
    void shouldTakeComtradrsLongDefaultListsAndRefuseAnUrlOverFourThousandNinetySixCharacters() throws Exception {
        // comtradr's "all_countries": every reporter and every partner code, %2C-joined, up to 4,095 characters
        List<String> reporters = new ArrayList<>();
        List<String> partners = new ArrayList<>();
        org.tradegateway.refs.ReferenceData.get().areas().values().forEach(a -> {
            if (a.reporter() && !a.group()) {
                reporters.add(Integer.toString(a.code()));
            }
            if (a.partner()) {
                partners.add(Integer.toString(a.code()));
            }
        });
        reporters.add("999"); // a code nothing names is left out of a list
        String url = "/data/v1/get/C/A/HS?cmdCode=TOTAL&flowCode=M%2CX&partnerCode=" + String.join("%2C", partners)
                + "&reporterCode=" + String.join("%2C", reporters) + "&period=2010&includeDesc=TRUE";
        assertTrue(url.length() > 3000 && url.length() < 4096, "length " + url.length());
        JsonNode served = json(given().urlEncodingEnabled(false).header("Ocp-Apim-Subscription-Key", key).get(url));
        assertEquals(4, served.get("count").asInt(), served.toString());
        given().post("/public/v1/preview/C/A/HS?reporterCode=156&period=2010").then().statusCode(405)
                .header("Allow", "GET, HEAD");
        String tooLong = "/data/v1/get/C/A/HS?reporterCode=156&period=2010&x=";
        given().urlEncodingEnabled(false).get(tooLong + "1".repeat(4097 - tooLong.length())).then().statusCode(414);
    }

    @Test
    void shouldTellWhereTheDataCameFromInMetadataAndTheLiveUpdate() throws Exception {
        JsonNode meta = json(given().get("/public/v1/getMetadata/C/A/HS?reporterCode=156&period=2010"));
        assertEquals(1, meta.get("count").asInt(), meta.toString());
        JsonNode note = meta.at("/data/0/notes/0");
        long datasetCode = json(given().get("/public/v1/getDa/C/A/HS?reporterCode=156&period=2010"))
                .at("/data/0/datasetCode").asLong();
        assertEquals(datasetCode, note.get("datasetCode").asLong());
        assertTrue(note.get("publicationNote").asText().contains("plus_chn_2010.csv"), note.toString());
        assertTrue(note.get("publicationDate").asText().matches("\\d{4}-\\d\\d-\\d\\dT00:00:00\\.000"),
                note.toString());
        assertTrue(note.get("publicationDateShort").asText().matches("\\d\\d/\\d\\d/\\d{4}"), note.toString());
        assertEquals(401, given().get("/data/v1/getMetadata/C/A/HS?reporterCode=156").statusCode());

        assertEquals(401, given().get("/data/v1/getLiveUpdate").statusCode());
        JsonNode live = json(given().get("/data/v1/getLiveUpdate?subscription-key=" + key));
        JsonNode mine = null;
        for (JsonNode r : live.get("data")) {
            if (r.get("reporterCode").asInt() == 156 && r.get("period").asInt() == 2010) {
                mine = r;
            }
        }
        assertEquals("Success", mine.get("status").asText(), live.toString());
        assertEquals("Released", mine.get("releaseStatus").asText());
        assertEquals("H3", mine.get("classificationCode").asText());
        assertEquals(4, mine.get("size").asInt());
        assertTrue(mine.get("startedAt").asText().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ"),
                mine.toString());
        assertTrue(mine.get("lastUpdated").asText().matches("[A-Z][a-z]+day, [A-Z][a-z]+ \\d{1,2}, \\d{4}"),
                mine.toString());
    }

    @Test
    void shouldWriteTheSameValuesInCsvAsInJson() throws Exception {
        String query = "/public/v1/preview/C/A/HS?reporterCode=156&period=2010&includeDesc=true";
        JsonNode json = json(given().get(query));
        String[] lines = given().get(query + "&format=CSV").then().statusCode(200).extract().asString().split("\r\n");
        assertEquals(json.get("data").size() + 1, lines.length);
        for (int row = 0; row < json.get("data").size(); row++) {
            JsonNode record = json.get("data").get(row);
            // the sample's texts hold no comma or quote, so a plain split reads the CSV line
            String[] cells = lines[row + 1].split(",", -1);
            assertEquals(PlusFields.NAMES.size(), cells.length, lines[row + 1]);
            for (int i = 0; i < cells.length; i++) {
                JsonNode v = record.get(PlusFields.NAMES.get(i));
                String expected = v.isNull() ? "" : v.isDouble() ? measure(v.asDouble()) : v.asText();
                assertEquals(expected, cells[i], PlusFields.NAMES.get(i) + " of record " + row);
            }
        }
    }

    /** A measure as Comtrade+ writes it: 6804128143.0. */
    private static String measure(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? (long) d + ".0" : Double.toString(d);
    }
}
