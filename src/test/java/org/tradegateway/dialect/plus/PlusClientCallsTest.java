package org.tradegateway.dialect.plus;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradegateway.ingest.synthetic.GeneratorSource;
import org.tradegateway.ingest.synthetic.GeneratorSource.GeneratorSettings;
import org.tradegateway.refs.Classification;
import org.tradegateway.support.Accounts;
import org.tradegateway.support.Imports;
import org.tradegateway.support.Sql;

/**
 * comtradeapicall's acceptance calls (the contract's section 11) as the package sends them, byte for byte in their
 * query strings (lower-case {@code reportercode}, {@code includeDesc=True}, {@code %2C} lists, an empty
 * {@code reportercode=}, {@code cmdCode=9*} with {@code countOnly=True}), over monthly generated data, each answer
 * checked against the stored flows.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlusClientCallsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private String key;

    @BeforeAll
    void load() throws Exception {
        Imports.load(new GeneratorSource(new GeneratorSettings(2022, 2022, 30_000, Classification.H6, 4, true)));
        key = Accounts.create("comtradeapicall", null, null, "");
    }

    @AfterAll
    void drop() throws Exception {
        Imports.dropNamed("synthetic-H6-monthly-2022");
        Accounts.deleteAll();
    }

    private static JsonNode json(Response r) throws Exception {
        assertEquals(200, r.statusCode(), r.asString());
        JsonNode body = MAPPER.readTree(r.asString());
        assertEquals("", body.get("error").asText(), body.toString());
        return body;
    }

    /** Australia's imports of an HS2 chapter in May 2022, from the stored flows. */
    private static long chapterImports(String chapter) {
        return Math.round(Sql.number("SELECT coalesce(sum(value), 0) FROM trade_flow WHERE period = 202205 AND"
                + " importer = 36 AND product LIKE '" + chapter + "%'"));
    }

    @Test
    void shouldAnswerPreviewFinalDataAsSent() throws Exception {
        JsonNode body = json(given().urlEncodingEnabled(false).get("/public/v1/preview/C/M/HS?reportercode=36"
                + "&flowCode=M&period=202205&cmdCode=91&maxRecords=500&format=JSON&breakdownMode=classic"
                + "&includeDesc=True"));
        JsonNode data = body.get("data");
        assertTrue(data.size() > 0, body.toString());
        long sum = 0;
        for (JsonNode r : data) {
            assertEquals(47, r.size());
            assertEquals("91", r.get("cmdCode").asText());
            assertEquals("M", r.get("flowCode").asText());
            assertEquals("202205", r.get("period").asText());
            assertEquals("Australia", r.get("reporterDesc").asText());
            if (r.get("partnerCode").asInt() != 0) {
                sum += r.get("primaryValue").asLong();
            }
        }
        assertTrue(sum > 0);
        assertEquals(chapterImports("91"), sum, "the partners add up to the stored flows");
    }

    @Test
    void shouldAnswerGetFinalDataWithAKeyAndTwoCodes() throws Exception {
        JsonNode body = json(given().urlEncodingEnabled(false).get("/data/v1/get/C/M/HS?reportercode=36"
                + "&flowCode=M&period=202205&cmdCode=91%2C90&maxRecords=2500&format=JSON&breakdownMode=classic"
                + "&includeDesc=True&subscription-key=" + key));
        long world90 = 0;
        long world91 = 0;
        for (JsonNode r : body.get("data")) {
            if (r.get("partnerCode").asInt() == 0) {
                if (r.get("cmdCode").asText().equals("90")) {
                    world90 = r.get("primaryValue").asLong();
                } else {
                    world91 = r.get("primaryValue").asLong();
                }
                assertEquals("W00", r.get("partnerISO").asText());
            }
        }
        assertTrue(world90 > 0 && world91 > 0, body.toString());
        assertEquals(chapterImports("90"), world90);
        assertEquals(chapterImports("91"), world91);
    }

    @Test
    void shouldCountEveryReporterWithAnEmptyReporterCodeAndAWildcard() throws Exception {
        JsonNode counted = json(given().urlEncodingEnabled(false).get("/public/v1/preview/C/M/HS?reportercode="
                + "&period=202201&cmdCode=9*&flowCode=M&partnerCode=0%2C826&breakdownMode=classic&countOnly=True"));
        assertEquals(0, counted.get("data").size());
        // every code under 9 at every level, imports from the World and from the United Kingdom, every reporter
        long world = Sql.count("SELECT count(*) FROM trade_fact WHERE period = 202201 AND flow = 1 AND partner = 0"
                + " AND commodity LIKE '9%' AND dataset_id = (SELECT max(id) FROM dataset WHERE name LIKE"
                + " 'synthetic-H6-monthly-2022%')");
        long fromUk6 = Sql.count("SELECT count(*) FROM trade_flow WHERE period = 202201 AND exporter = 826"
                + " AND product LIKE '9%'");
        long fromUkSums = Sql.count("SELECT count(*) FROM trade_flow_sum WHERE period = 202201 AND exporter = 826"
                + " AND product LIKE '9%'");
        assertTrue(fromUk6 > 0);
        assertEquals(world + fromUk6 + fromUkSums, counted.get("count").asLong());
    }
}
