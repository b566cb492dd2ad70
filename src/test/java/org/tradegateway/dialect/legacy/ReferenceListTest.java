package org.tradegateway.dialect.legacy;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tradegateway.support.Imports;
import org.tradegateway.support.SharedData;

/** The select2 lists against the recorded upstream files: same ids, texts and parents for the codes both hold. */
@QuarkusTest
class ReferenceListTest {

    @org.junit.jupiter.api.BeforeAll
    static void shippedNames() throws Exception {
        // names a legacy import of an earlier test set are kept after its drop; this test compares the shipped ones
        Imports.shippedAreaNames();
        Imports.load(new org.tradegateway.ingest.synthetic.GeneratorSource(
                new org.tradegateway.ingest.synthetic.GeneratorSource.GeneratorSettings(2044, 2044, 200,
                        org.tradegateway.refs.Classification.H4, 1)));
    }

    @org.junit.jupiter.api.AfterAll
    static void drop() throws Exception {
        Imports.dropNamed("synthetic-H4-2044");
    }
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode served(String path) throws Exception {
        String body = given().get(path).then().statusCode(200).contentType("application/json; charset=utf-8")
                .extract().asString();
        return MAPPER.readTree(body);
    }

    private static Map<String, JsonNode> byId(JsonNode list) {
        Map<String, JsonNode> map = new HashMap<>();
        list.get("results").forEach(e -> map.put(e.get("id").asText(), e));
        return map;
    }

    @ParameterizedTest
    @CsvSource({
        "/Data/cache/classificationHS.json, refs-2017-markozeman/classificationHS.json, 7000",
        "/data/cache/classificationST.json, refs-2017-markozeman/classificationST.json, 5900",
        "/Data/cache/classificationBEC.json, refs-2017-markozeman/classificationBEC.json, 34",
        "/DATA/Cache/classificationEB02.json, refs-2017-markozeman/classificationEB02.json, 119",
        "/Data/cache/reporterAreas.json, refs-2017-markozeman/reporterAreas.json, 250",
        "/Data/cache/partnerAreas.json, refs-2017-markozeman/partnerAreas.json, 290",
        "/Data/cache/tradeRegimes.json, refs-2017-markozeman/tradeRegimes.json, 5"})
    void shouldServeTheRecordedIdsTextsAndParents(String path, String fixture, int minimumShared) throws Exception {
        JsonNode recorded = MAPPER.readTree(SharedData.path("comtrade-legacy-fixtures/" + fixture).toFile());
        JsonNode served = served(path);
        List<String> keys = new ArrayList<>();
        recorded.fieldNames().forEachRemaining(keys::add);
        List<String> servedKeys = new ArrayList<>();
        served.fieldNames().forEachRemaining(servedKeys::add);
        assertEquals(keys, servedKeys, "top-level keys and their order");
        for (String key : keys) {
            if (!key.equals("results")) {
                assertEquals(recorded.get(key), served.get(key), key);
            }
        }
        Map<String, JsonNode> ours = byId(served);
        List<String> differences = new ArrayList<>();
        int shared = 0;
        for (JsonNode recordedEntry : recorded.get("results")) {
            JsonNode mine = ours.get(recordedEntry.get("id").asText());
            JsonNode entry = repaired(recordedEntry, mine);
            if (mine != null) {
                shared++;
                if (!entry.equals(mine)) {
                    differences.add(entry + " != " + mine);
                }
            }
        }
        assertEquals(List.of(), differences);
        assertTrue(shared >= minimumShared, "only " + shared + " shared codes");
        assertEquals(recorded.get("results").get(0), served.get("results").get(0), "first entry");
    }

    /**
     * The 2017 copy of classificationHS.json has UTF-8 read as Windows-1252 in 28 texts ("matÃ©", "â€œ"), some
     * beyond repair; the list served has the intact texts (checked strictly against the data folder's copy in the
     * next test), so for those entries only id and parent are compared here.
     */
    private static JsonNode repaired(JsonNode entry, JsonNode mine) {
        String text = entry.get("text").asText();
        if (mine == null || !text.matches(".*(\u00c3|\u00c2|\u00e2\u20ac).*")) {
            return entry;
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy = entry.deepCopy();
        copy.set("text", mine.get("text"));
        return copy;
    }

    @Test
    void shouldMatchTheLegacyHsListOfTheDataFolder() throws Exception {
        JsonNode recorded = MAPPER.readTree(SharedData.path("data/classifications/hs/legacy_classificationHS.json")
                .toFile());
        Map<String, JsonNode> ours = byId(served("/Data/cache/classificationHS.json"));
        List<String> differences = new ArrayList<>();
        int shared = 0;
        for (JsonNode entry : recorded.get("results")) {
            JsonNode mine = ours.get(entry.get("id").asText());
            if (mine != null) {
                shared++;
                if (!mine.equals(entry)) {
                    differences.add(entry + " != " + mine);
                }
            }
        }
        assertEquals(List.of(), differences, "same ids, texts and parents");
        assertEquals(7656, shared);
    }

    @Test
    void shouldServeEveryClassificationWithItsSpecials() throws Exception {
        JsonNode h5 = served("/Data/cache/classificationH5.json");
        assertEquals("H5", h5.get("classCode").asText());
        assertEquals("TOTAL", h5.get("results").get(1).get("id").asText());
        assertEquals("#", h5.get("results").get(1).get("parent").asText());
        Map<String, JsonNode> codes = byId(h5);
        assertEquals("0101", codes.get("010121").get("parent").asText());
        assertEquals("TOTAL", codes.get("01").get("parent").asText());
        assertTrue(codes.get("01").get("text").asText().startsWith("01 - "));
        served("/data/cache/classificationS4.json");
        given().get("/Data/cache/classificationXX.json").then().statusCode(404);
    }

    @Test
    void shouldSendValidatorsAndAnswer304() {
        Response first = given().get("/Data/cache/classificationBEC.json");
        String etag = first.getHeader("ETag");
        String lastModified = first.getHeader("Last-Modified");
        assertNotNull(etag);
        assertNotNull(lastModified);
        assertTrue(first.getHeader("Cache-Control").contains("max-age="));
        given().header("If-None-Match", etag).get("/Data/cache/classificationBEC.json").then().statusCode(304);
        given().header("If-Modified-Since", lastModified).get("/Data/cache/classificationBEC.json").then()
                .statusCode(304);
        given().header("If-None-Match", "\"other\"").get("/Data/cache/classificationBEC.json").then().statusCode(200);
        assertFalse(first.asString().contains("\r"), "LF line ends");
    }

    @Test
    void shouldIgnoreAMalformedOrFutureIfModifiedSince() {
        for (String name : new String[] {"classificationBEC", "tradeRegimes", "reporterAreas"}) {
            for (String since : new String[] {"-1", "0", "garbage", "Mon, 99 Foo 2020 25:61:61 GMT"}) {
                given().header("If-Modified-Since", since).get("/Data/cache/" + name + ".json").then()
                        .statusCode(200).contentType("application/json; charset=utf-8");
            }
            String future = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusDays(30));
            given().header("If-Modified-Since", future).get("/Data/cache/" + name + ".json").then().statusCode(200);
        }
    }
}
