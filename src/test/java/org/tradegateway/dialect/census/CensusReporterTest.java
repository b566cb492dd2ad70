package org.tradegateway.dialect.census;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradegateway.ingest.synthetic.GeneratorSource;
import org.tradegateway.ingest.synthetic.GeneratorSource.GeneratorSettings;
import org.tradegateway.refs.Classification;
import org.tradegateway.support.Imports;
import org.tradegateway.support.Sql;

/** TRADE_CENSUS_REPORTER: the same API for another loaded reporter (China), the United States among its partners. */
@QuarkusTest
@TestProfile(CensusReporterTest.China.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CensusReporterTest {

    public static class China implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trade.census.reporter", "156");
        }
    }

    @BeforeAll
    void load() throws Exception {
        Imports.load(new GeneratorSource(new GeneratorSettings(2046, 2046, 8_000, Classification.H5, 5, true)));
    }

    @AfterAll
    void drop() throws Exception {
        Imports.dropNamed("synthetic-H5-monthly-2046");
    }

    @Test
    void shouldAnswerForTheConfiguredReporter() throws Exception {
        JsonNode rows = new ObjectMapper().readTree(given().queryParam("get", "CTY_CODE,CTY_NAME,ALL_VAL_MO")
                .queryParam("CTY_CODE", "1000").queryParam("CTY_CODE", "-").queryParam("time", "2046-02")
                .get("/data/timeseries/intltrade/exports/hs").asString());
        long toUsa = Math.round(Sql.number("SELECT sum(value) FROM trade_flow WHERE period = 204602 AND exporter = 156"
                + " AND importer = 842"));
        long total = Math.round(Sql.number("SELECT sum(value) FROM trade_flow WHERE period = 204602 AND"
                + " exporter = 156"));
        assertEquals("[[\"CTY_CODE\",\"CTY_NAME\",\"ALL_VAL_MO\",\"time\"],"
                + "[\"1000\",\"UNITED STATES\",\"" + toUsa + "\",\"2046-02\"],"
                + "[\"-\",\"TOTAL FOR ALL COUNTRIES\",\"" + total + "\",\"2046-02\"]]", rows.toString());
    }
}
