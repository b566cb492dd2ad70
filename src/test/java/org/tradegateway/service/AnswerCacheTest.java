package org.tradegateway.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tradegateway.ingest.synthetic.GeneratorSource;
import org.tradegateway.ingest.synthetic.GeneratorSource.GeneratorSettings;
import org.tradegateway.refs.Classification;
import org.tradegateway.support.Imports;
import org.tradegateway.support.TestDatabase;

/**
 * Answers kept in memory: served again without the database, never once PostgreSQL has announced a change of the
 * loaded data, and not at all while the gateway cannot hear those announcements.
 */
@QuarkusTest
class AnswerCacheTest {
    private static final String QUERY = "/api/get?r=842&p=156&ps=2043&rg=2&cc=TOTAL";
    private static final String HIT = "trade_api_answer_cache_total{result=\"hit\"}";
    private static final String MISS = "trade_api_answer_cache_total{result=\"miss\"}";

    @AfterEach
    void drop() throws Exception {
        Imports.dropNamed("synthetic-H4-2043");
    }

    private static double metric(String name) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + " ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static JsonNode get(String url) throws Exception {
        Response response = given().urlEncodingEnabled(false).get(url);
        assertEquals(200, response.statusCode(), response.asString());
        return new ObjectMapper().readTree(response.asString());
    }

    private static void load(long seed) throws Exception {
        Imports.load(new GeneratorSource(new GeneratorSettings(2043, 2043, 20_000, Classification.H4, seed)));
    }

    @Test
    void shouldServeAKeptAnswerWithoutTheDatabaseAndNeverAfterTheDataChanged() throws Exception {
        load(5);
        JsonNode first = get(QUERY);
        assertEquals(1, first.get("dataset").size());
        // the import's announcement may reach the gateway after that first answer was kept (and so drop it): ask
        // until an answer comes from memory, so that what follows starts from a kept answer
        double hits = metric(HIT);
        long deadline = System.currentTimeMillis() + 10_000;
        while (metric(HIT) == hits && System.currentTimeMillis() < deadline) {
            get(QUERY);
        }
        assertTrue(metric(HIT) > hits, "an answer kept after the import");
        hits = metric(HIT);
        try (Connection locker = TestDatabase.connect()) {
            // with the fact tables locked, only an answer from memory can come back at once
            locker.setAutoCommit(false);
            try (Statement st = locker.createStatement()) {
                st.execute("LOCK TABLE trade_fact, trade_flow IN ACCESS EXCLUSIVE MODE");
            }
            long start = System.nanoTime();
            JsonNode again = get(QUERY);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 500, "answered after " + millis + " ms");
            assertEquals(first.get("dataset"), again.get("dataset"));
            assertEquals(1, again.at("/validation/count/value").asInt());
            assertNotEquals(first.at("/validation/datasetTimer/started"), again.at("/validation/datasetTimer/started"),
                    "each answer has its own timestamps");
            locker.rollback();
        }
        assertEquals(hits + 1, metric(HIT));
        String csv = given().get(QUERY + "&fmt=csv").then().statusCode(200).extract().asString();
        assertEquals(csv, given().get(QUERY + "&fmt=csv").then().statusCode(200).extract().asString());
        assertEquals(hits + 2, metric(HIT));

        // the same year loaded again with other values: the next answer must be the new one
        Imports.dropNamed("synthetic-H4-2043");
        load(6);
        Thread.sleep(200);
        JsonNode replaced = get(QUERY);
        assertEquals(1, replaced.get("dataset").size());
        assertNotEquals(first.at("/dataset/0/TradeValue"), replaced.at("/dataset/0/TradeValue"));
        assertEquals(replaced.at("/dataset/0/TradeValue").asDouble(), tradeValueInDatabase(), 0.5);
        Imports.dropNamed("synthetic-H4-2043");
        Thread.sleep(200);
        assertEquals(0, get(QUERY).at("/validation/count/value").asInt());
        assertEquals(hits + 2, metric(HIT), "nothing answered from memory after the changes");
    }

    @Test
    void shouldKeepNothingWhileItCannotHearOfChanges() throws Exception {
        load(5);
        get(QUERY);
        get(QUERY);
        double hits = metric(HIT);
        double misses = metric(MISS);
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                     + " WHERE application_name = 'trade-gateway-listener'")) {
            assertTrue(rs.next(), "the gateway listens on a connection of its own");
        }
        Thread.sleep(200);
        get(QUERY);
        get(QUERY);
        assertEquals(hits, metric(HIT), "no answer from memory while not listening");
        assertEquals(misses, metric(MISS));
        // it listens again by itself within seconds, and keeps answers again (read once more first)
        long deadline = System.currentTimeMillis() + 15_000;
        while (metric(HIT) == hits && System.currentTimeMillis() < deadline) {
            get(QUERY);
            Thread.sleep(250);
        }
        assertTrue(metric(HIT) > hits, "answers kept again after the listener came back");
        assertTrue(metric(MISS) > misses, "read from the database first");
    }

    private static double tradeValueInDatabase() throws Exception {
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT trade_value FROM trade_fact WHERE period = 2043"
                     + " AND reporter = 842 AND partner = 156 AND flow = 2 AND commodity = 'TOTAL'")) {
            assertTrue(rs.next());
            return rs.getDouble(1);
        }
    }
}
