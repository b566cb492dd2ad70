package org.tradegateway.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.tradegateway.ingest.LegacyJsonSource;
import org.tradegateway.support.Accounts;
import org.tradegateway.support.Imports;
import org.tradegateway.support.SharedData;

/** One access-log line per request with caller kind, status, validation code, records and time; no token. */
@QuarkusTest
class AccessLogTest {

    @Test
    void shouldWriteOneLinePerRequestWithoutTheToken() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if ("org.tradegateway.access".equals(record.getLoggerName())) {
                    Object[] p = record.getParameters();
                    lines.add(p == null ? record.getMessage() : String.format(record.getMessage().replace("%d", "%s"),
                            p));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        Imports.load(new LegacyJsonSource(SharedData.path(
                "data/samples/legacy/api_get_gbr_exports_world_2013_H0_AG4.json"), null));
        String token = Accounts.create("logged-in", null, null, "");
        try {
            given().get("/api/get?r=826&p=0&ps=2013&rg=2&cc=AG4&max=2000&token=" + token).then().statusCode(200);
            given().get("/api/get?r=all&p=all").then().statusCode(200);
            Thread.sleep(300);
            assertEquals(2, lines.size(), lines.toString());
            assertTrue(lines.get(0).matches("127\\.0\\.0\\.1 token GET /api/get 200 validation=0 records=1206 \\d+ms"),
                    lines.get(0));
            assertTrue(lines.get(1).matches("127\\.0\\.0\\.1 guest GET /api/get 200 validation=5002 records=0 \\d+ms"),
                    lines.get(1));
            lines.forEach(line -> assertFalse(line.contains(token)));
        } finally {
            Logger.getLogger("").removeHandler(capture);
            Accounts.deleteAll();
            Imports.dropNamed("api_get_gbr");
        }
    }
}
