package org.tradegateway.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tradegateway.ingest.LegacyJsonSource;
import org.tradegateway.support.Imports;
import org.tradegateway.support.SharedData;

/** /q/metrics counts answers by status, records streamed, preparation time and refusals. */
@QuarkusTest
class MetricsTest {

    private static double metric(String name) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + " ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void shouldCountAnswersRecordsAndRefusals() throws Exception {
        Imports.load(new LegacyJsonSource(SharedData.path(
                "data/samples/legacy/api_get_gbr_exports_world_2013_H0_AG4.json"), null));
        try {
            String ok = "trade_api_answers_total{endpoint=\"/api/get\",status=\"0\"}";
            String complex = "trade_api_answers_total{endpoint=\"/api/get\",status=\"5002\"}";
            String token = "trade_limits_refusals_total{kind=\"token\"}";
            double okBefore = metric(ok);
            double complexBefore = metric(complex);
            double recordsBefore = metric("trade_api_records_total");
            double tokenBefore = metric(token);
            given().get("/api/get?r=826&p=0&ps=2013&rg=2&cc=AG4&max=1500").then().statusCode(200);
            given().get("/api/get?r=all&p=all").then().statusCode(200);
            given().get("/api/get?token=nope").then().statusCode(401);
            assertEquals(okBefore + 1, metric(ok));
            assertEquals(complexBefore + 1, metric(complex));
            assertEquals(recordsBefore + 1206, metric("trade_api_records_total"));
            assertEquals(tokenBefore + 1, metric(token));
            assertTrue(metric("trade_api_query_seconds_count") >= 1);
            String body = given().get("/q/metrics").then().extract().asString();
            assertTrue(body.contains("trade_api_query_seconds_bucket"), "latency histogram");
            assertTrue(body.contains("http_server_requests_seconds_count"), "requests by endpoint");
            assertTrue(body.contains("sql_pool_active{"), "connections of the pool in use");
            assertTrue(body.contains("sql_pool_queue_delay_seconds_count{"), "waits for a pooled connection");
        } finally {
            Imports.dropNamed("api_get_gbr");
        }
    }
}
