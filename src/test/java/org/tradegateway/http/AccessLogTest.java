package org.tradegateway.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tradegateway.ingest.LegacyJsonSource;
import org.tradegateway.support.Accounts;
import org.tradegateway.support.Imports;
import org.tradegateway.support.LogCapture;
import org.tradegateway.support.SharedData;

/** One access-log line per request with caller kind, status, validation code, records and time; no token. */
@QuarkusTest
class AccessLogTest {

    @Test
    void shouldWriteOneLinePerRequestWithoutTheToken() throws Exception {
        LogCapture capture = LogCapture.of("org.tradegateway.access");
        Imports.load(new LegacyJsonSource(SharedData.path(
                "data/samples/legacy/api_get_gbr_exports_world_2013_H0_AG4.json"), null));
        String token = Accounts.create("logged-in", null, null, "");
        try {
            given().get("/api/get?r=826&p=0&ps=2013&rg=2&cc=AG4&max=2000&token=" + token).then().statusCode(200);
            given().get("/api/get?r=all&p=all").then().statusCode(200);
            Thread.sleep(300);
            List<String> lines = capture.messages();
            assertEquals(2, lines.size(), lines.toString());
            assertTrue(lines.get(0).matches("127\\.0\\.0\\.1 token GET /api/get 200 validation=0 records=1206 \\d+ms"),
                    lines.get(0));
            assertTrue(lines.get(1).matches("127\\.0\\.0\\.1 guest GET /api/get 200 validation=5002 records=0 \\d+ms"),
                    lines.get(1));
            lines.forEach(line -> assertFalse(line.contains(token)));
        } finally {
            capture.close();
            Accounts.deleteAll();
            Imports.dropNamed("api_get_gbr");
        }
    }
}
