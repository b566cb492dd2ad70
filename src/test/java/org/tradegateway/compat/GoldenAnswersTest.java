package org.tradegateway.compat;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tradegateway.ingest.CsvReader;
import org.tradegateway.ingest.LegacyCsvSource;
import org.tradegateway.ingest.LegacyJsonSource;
import org.tradegateway.support.Imports;
import org.tradegateway.support.SharedData;

/**
 * Golden tests: a recorded upstream answer is imported, the query that produced it is sent to /api/get, and the
 * answer is compared with the recording (JSON field by field, CSV header byte for byte and rows as sets).
 */
@QuarkusTest
class GoldenAnswersTest {
    private static final String TRADEMAP = "comtrade-legacy-fixtures/api-get-csv-2015-trademap/";

    @AfterEach
    void cleanUp() throws Exception {
        Imports.dropNamed("test3-query");
        Imports.dropNamed("api_get_");
    }

    /** The 2015 server answered with the 22-column header that IMTS=orig selects here. */
    private static final String TRADEMAP_QUERY = "/api/get?fmt=csv&max=50000&type=C&freq=A&px=HS&rg=1%2C2&IMTS=orig";

    private void assertCsvGolden(String fixture, String query) throws Exception {
        Path file = SharedData.path(TRADEMAP + fixture);
        Imports.load(new LegacyCsvSource(file, "legacy-csv", null));
        String recorded = Files.readString(file, StandardCharsets.UTF_8);
        String answer = given().urlEncodingEnabled(false).get(TRADEMAP_QUERY + query).then().statusCode(200)
                .contentType("text/csv; charset=utf-8").extract().asString();
        assertEquals(recorded.substring(0, recorded.indexOf("\r\n") + 2), answer.substring(0, answer.indexOf("\r\n") + 2),
                "header");
        assertTrue(answer.endsWith("\r\n"));
        assertEquals(answer.split("\r\n", -1).length, answer.split("\n", -1).length, "every line ends with CRLF");
        Map<String, Integer> expected = rows(recorded);
        Map<String, Integer> actual = rows(answer);
        List<String> missing = expected.keySet().stream().filter(k -> !expected.get(k).equals(actual.get(k))).toList();
        List<String> extra = actual.keySet().stream().filter(k -> !actual.get(k).equals(expected.get(k))).toList();
        assertEquals(List.of(), missing, "recorded rows not answered (answered instead: " + extra + ")");
        assertEquals(List.of(), extra, "rows answered but not recorded");
    }

    /** Rows as a multiset: upstream order is unspecified. */
    private static Map<String, Integer> rows(String csv) throws Exception {
        Map<String, Integer> rows = new HashMap<>();
        try (CsvReader reader = new CsvReader(new StringReader(csv), ',')) {
            reader.next();
            String[] r;
            while ((r = reader.next()) != null) {
                rows.merge(String.join("|", r), 1, Integer::sum);
            }
        }
        return rows;
    }

    @Test
    void shouldAnswerTheUkAllPartnersQueryOf2015() throws Exception {
        assertCsvGolden("test3-query6-UK-all-2012.csv", "&r=826&p=all&ps=2012&cc=72");
    }

    @Test
    void shouldAnswerTheUkWorldTotalsForAllYearsEachInItsReportedRevision() throws Exception {
        assertCsvGolden("test3-query2-UK-World-all-TOTAL.csv", "&ps=all&r=826&p=0&cc=TOTAL");
    }

    @Test
    void shouldAnswerTheUkUsaIronAndSteelSeries() throws Exception {
        assertCsvGolden("test3-query5-UK-USA-all.csv", "&ps=all&r=826&p=842&cc=72");
    }

    @Test
    void shouldAnswerTheRecordedJsonFieldByField() throws Exception {
        Path file = SharedData.path("data/samples/legacy/api_get_gbr_exports_world_2013_H0_AG4.json");
        Imports.load(new LegacyJsonSource(file, null));
        JsonNode recorded = new ObjectMapper().readTree(file.toFile());
        String body = given().get("/api/get?r=826&p=0&rg=2&ps=2013&px=H0&cc=AG4&max=5000&fmt=json").then()
                .statusCode(200).contentType("application/json; charset=utf-8").extract().asString();
        JsonNode answer = new ObjectMapper().readTree(body);
        assertEquals(recorded.get("dataset").size(), answer.at("/validation/count/value").asInt());
        assertEquals(0, answer.at("/validation/status/value").asInt());
        Map<String, JsonNode> byCode = new HashMap<>();
        answer.get("dataset").forEach(r -> byCode.put(r.get("cmdCode").asText(), r));
        List<String> mismatches = new ArrayList<>();
        for (JsonNode expected : recorded.get("dataset")) {
            JsonNode actual = byCode.get(expected.get("cmdCode").asText());
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                // descriptions come from this gateway's H0 list, worded as today's nomenclature
                if (!field.getKey().equals("cmdDescE") && !field.getValue().equals(actual.get(field.getKey()))) {
                    mismatches.add(expected.get("cmdCode").asText() + "." + field.getKey() + ": " + field.getValue()
                            + " != " + actual.get(field.getKey()));
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }
}
