package org.tradegateway.dialect.plus;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Comtrade+ reference files as comtradeapicall and comtradr read them: the list with absolute file URIs that
 * lead back to the gateway, every listed file with its results, upstream's keys, Last-Modified in the form
 * comtradr parses, and 304 for a current copy.
 */
@QuarkusTest
class PlusReferenceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BASE = "/files/v1/app/reference/";

    private static JsonNode json(Response response) throws Exception {
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals("application/json; charset=utf-8", response.contentType());
        assertTrue(response.header("Last-Modified").matches(".*\\d{2} [a-zA-Z]+ \\d{4}.*"),
                response.header("Last-Modified"));
        return MAPPER.readTree(response.asString());
    }

    private static Map<Integer, JsonNode> byId(JsonNode file) {
        Map<Integer, JsonNode> map = new HashMap<>();
        file.get("results").forEach(e -> map.put(e.get("id").asInt(), e));
        return map;
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void shouldListFilesWhoseUrisLeadBackToTheGatewayAndServeEachOne() throws Exception {
        JsonNode list = json(given().get(BASE + "ListofReferences.json"));
        assertTrue(list.get("results").size() >= 7, list.toString());
        List<String> categories = new ArrayList<>();
        for (JsonNode entry : list.get("results")) {
            assertEquals(List.of("category", "variable", "description", "fileuri"), keys(entry));
            categories.add(entry.get("category").asText());
            String uri = entry.get("fileuri").asText();
            assertTrue(uri.matches("http://localhost:\\d+/files/v1/app/reference/\\w+\\.json"), uri);
            JsonNode file = json(given().get(uri));
            assertTrue(file.get("results").size() > 1, uri);
        }
        assertTrue(categories.containsAll(List.of("reporter", "partner", "flow", "mot", "customs", "qtyunit",
                "freq", "cmd:HS", "cmd:H0", "cmd:H6", "cmd:S4", "cmd:B4", "cmd:B5", "cmd:EB02", "dataitem")),
                categories.toString());
    }

    @Test
    void shouldDescribeEveryDataItem() throws Exception {
        io.restassured.response.Response r = given().get(BASE + "TradeDataItems.json");
        assertEquals(200, r.statusCode());
        assertEquals("Mon, 23 Jan 2023 00:00:00 GMT", r.header("Last-Modified"));
        JsonNode items = json(r);
        assertEquals(false, items.get("more").asBoolean(true));
        assertEquals(50, items.get("results").size());
        JsonNode first = items.at("/results/0");
        assertEquals(List.of("dataItem", "description", "isInDataAPICommodity", "isInDataAPIServices",
                "isInBulkFileFinal", "isInBulkFileTariffline"), keys(first));
        assertEquals("datasetCode", first.get("dataItem").asText());
        assertEquals("True", first.get("isInDataAPICommodity").asText());
        List<String> items47 = new ArrayList<>();
        items.get("results").forEach(i -> items47.add(i.get("dataItem").asText()));
        assertTrue(items47.containsAll(List.of("isOriginalClassification", "primaryValue", "isReported")), items47
                .toString());
    }

    @Test
    void shouldServeReportersAndPartnersWithUpstreamsKeys() throws Exception {
        JsonNode reporters = json(given().get(BASE + "Reporters.json"));
        assertEquals(255, reporters.get("results").size());
        Map<Integer, JsonNode> r = byId(reporters);
        assertFalse(r.containsKey(0), "no World reporter");
        assertEquals(List.of("id", "text", "reporterCode", "reporterDesc", "reporterNote", "reporterCodeIsoAlpha2",
                "reporterCodeIsoAlpha3", "entryEffectiveDate", "isGroup"), keys(r.get(4)));
        assertEquals("USA", r.get(842).get("text").asText());
        assertTrue(r.get(842).get("id").isInt() && r.get(842).get("reporterCode").isInt());
        assertEquals("USA, Puerto Rico and US Virgin Islands", r.get(842).get("reporterNote").asText());
        assertEquals("1990-12-31T00:00:00", r.get(280).get("entryExpiredDate").asText());
        assertFalse(r.get(490).has("reporterCodeIsoAlpha2"), "keys without a value are left out");
        assertTrue(r.get(97).get("isGroup").asBoolean());

        Map<Integer, JsonNode> p = byId(json(given().get(BASE + "partnerAreas.json")));
        assertEquals(310, p.size());
        JsonNode world = p.get(0);
        assertEquals("W00", world.get("PartnerCodeIsoAlpha3").asText());
        assertEquals("World", world.get("PartnerDesc").asText());
        assertTrue(world.get("isGroup").asBoolean());
        assertEquals("ARG", p.get(32).get("PartnerCodeIsoAlpha3").asText());
        assertTrue(keys(p.get(32)).containsAll(List.of("PartnerCode", "partnerNote", "PartnerCodeIsoAlpha2")));

        JsonNode units = json(given().get(BASE + "QuantityUnits.json"));
        assertEquals(-1, units.at("/results/0/qtyCode").asInt());
        assertEquals("N/A", units.at("/results/0/qtyAbbr").asText());
        JsonNode flows = json(given().get(BASE + "tradeRegimes.json"));
        assertEquals("M", flows.at("/results/0/id").asText());
        assertEquals("Import", flows.at("/results/0/text").asText());
    }

    @Test
    void shouldAnswer304ForACurrentCopyAnd404ForAnUnknownFile() {
        Response first = given().get(BASE + "Reporters.json");
        String etag = first.header("ETag");
        given().header("If-None-Match", etag).get(BASE + "Reporters.json").then().statusCode(304);
        given().header("If-Modified-Since", first.header("Last-Modified")).get(BASE + "Reporters.json").then()
                .statusCode(304);
        given().get(BASE + "NoSuchFile.json").then().statusCode(404).contentType("application/json; charset=utf-8");
    }

    @Test
    void shouldServeTheClassificationFilesInUpstreamsShape() throws Exception {
        JsonNode h5 = json(given().get(BASE + "H5.json"));
        assertEquals("H5", h5.get("classCode").asText());
        assertEquals(2, h5.get("minimumInputLength").asInt());
        JsonNode total = h5.at("/results/0");
        assertEquals(List.of("id", "text", "parent", "isLeaf", "aggrlevel", "standardUnitAbbr"), keys(total));
        assertEquals("TOTAL", total.get("id").asText());
        assertEquals("#", total.get("parent").asText());
        assertEquals("0", total.get("isLeaf").asText());
        assertTrue(total.get("isLeaf").isTextual(), "isLeaf is a string");
        assertEquals("n/a", total.get("standardUnitAbbr").asText());
        JsonNode leaf = null;
        for (JsonNode e : h5.get("results")) {
            if (e.get("id").asText().equals("010121")) {
                leaf = e;
            }
        }
        assertEquals("0101", leaf.get("parent").asText());
        assertEquals("1", leaf.get("isLeaf").asText());
        assertEquals(6, leaf.get("aggrlevel").asInt());
        assertEquals("u", leaf.get("standardUnitAbbr").asText());
        assertTrue(keys(json(given().get(BASE + "HS.json")).at("/results/0")).contains("aggrLevel"));
        JsonNode b5 = json(given().get(BASE + "B5.json"));
        assertEquals("B5", b5.get("classCode").asText());
        assertEquals(178, b5.get("results").size());
        assertEquals(List.of("id", "text", "parent", "isLeaf", "aggrlevel"), keys(b5.at("/results/1")));
        assertEquals("TOTAL", b5.at("/results/1/parent").asText());
        assertEquals(30, json(given().get(BASE + "B4.json")).get("results").size());
        JsonNode eb = json(given().get(BASE + "EB02.json")).get("results");
        assertEquals(List.of("id", "text", "parent"), keys(eb.get(0)));
        assertTrue(eb.size() > 100, eb.toString());
    }

    @Test
    void shouldTurnIsoCodesIntoAreaCodesAsComtradeapicallDoes() throws Exception {
        // convertCountryIso3ToCode('USA,FRA,CHE,ITA') gave 251,380,250,756,757,840,842,841 upstream
        JsonNode file = json(given().get(BASE + "country_area_code_iso.json"));
        java.util.TreeSet<Integer> codes = new java.util.TreeSet<>();
        for (JsonNode e : file.get("results")) {
            if (List.of("USA", "FRA", "CHE", "ITA").contains(e.get("iso3").asText())) {
                codes.add(e.get("country_area_code").asInt());
            }
        }
        assertEquals(new java.util.TreeSet<>(List.of(251, 380, 250, 756, 757, 840, 842, 841)), codes);
    }
}
