package org.tradegateway.dialect.legacy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tradegateway.support.Imports;

/**
 * What held under fuzzing and load, kept: thousands of requests with random, broken and hostile parameter values
 * get no 500, no hang, no unparsable JSON, no CSV without its header, nothing of a stack trace or SQL; large
 * answers asked at once all arrive complete.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzTest {
    private static final String[] NAMES = {"r", "p", "ps", "px", "rg", "cc", "fmt", "max", "type", "freq", "head",
        "IMTS", "R", "CC", "x"};
    private static final String[] VALUES = {"", "all", "ALL", "0", "4", "12", "36", "842", "9999", "-1", "2017",
        "201701", "now", "recent", "HS", "H5", "H0", "S4", "EB02", "BEC", "TOTAL", "AG1", "AG2", "AG4", "AG6", "01",
        "0806", "080620", "1,2", "1%2C2%2C3%2C4", "csv", "json", "xml", "M", "H", "orig", "2010", "C", "S", "A",
        "100000", "250001", "1e9", "abc", "%00", "%27%3B--", "%3Cscript%3E", "%E2%82%AC", "%FF", "4,12,36,842,156,251",
        "01,02,03,04,05,06,07,08,09,10,11,12,13,14,15,16,17,18,19,20,21", "%20", "null", "undefined", "9*",
        "2017,2018,2019,2020,2021,2022"};
    private static final Set<Integer> EXPECTED = Set.of(200, 400, 401, 404, 405, 409, 414, 431);
    /**
     * A client that closes its connection after each answer, as a script would: thousands of requests whose
     * connections stayed open until the client's garbage collector closed them could reach the server's
     * connection limit (2,000) and be refused, depending on when it ran.
     */
    private static final io.restassured.config.RestAssuredConfig CLOSING = io.restassured.RestAssured.config()
            .connectionConfig(io.restassured.config.ConnectionConfig.connectionConfig()
                    .closeIdleConnectionsAfterEachResponse());

    private static io.restassured.specification.RequestSpecification client() {
        return given().config(CLOSING);
    }

    @BeforeAll
    void load(@TempDir Path temp) throws Exception {
        Imports.baciSample(temp);
    }

    @AfterAll
    void drop() throws Exception {
        Imports.dropNamed("BACI_HS17");
    }

    @Test
    void shouldAnswerThousandsOfRandomQueriesWithoutAFailureOrALeak() throws Exception {
        Random random = new Random(20261201);
        ObjectMapper json = new ObjectMapper();
        String[] paths = {"/api/get", "/api/get/plus", "/api/refs/da/view", "/api/refs/da/bulk", "/api/getUserInfo"};
        for (int i = 0; i < 2_500; i++) {
            StringBuilder url = new StringBuilder(paths[random.nextInt(paths.length)]).append('?');
            for (int n = random.nextInt(7); n >= 0; n--) {
                url.append(NAMES[random.nextInt(NAMES.length)]).append('=')
                        .append(VALUES[random.nextInt(VALUES.length)]).append('&');
            }
            Response r = client().urlEncodingEnabled(false).get(url.toString());
            String body = r.asString();
            assertTrue(EXPECTED.contains(r.statusCode()), r.statusCode() + " for " + url + ": " + body);
            assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains("SELECT ")
                    || body.contains("<html"), url + ": " + body);
            String type = String.valueOf(r.contentType());
            if (type.startsWith("application/json")) {
                JsonNode parsed = json.readTree(body);
                assertTrue(parsed != null && !parsed.isMissingNode(), url.toString());
            } else if (type.startsWith("text/csv")) {
                assertTrue(body.startsWith("Classification,") || body.startsWith("type,"), url + ": " + body);
            }
        }
    }

    @Test
    void shouldSendEveryLargeAnswerCompleteWhenManyAreAskedAtOnce() throws Exception {
        // every partner below TOTAL: read through a cursor, as the large answers are
        String url = "/api/get?r=4,12,36&p=all&ps=2017&px=H5&cc=ALL&max=100000";
        int expected = given().get(url).jsonPath().getInt("validation.count.value");
        assertTrue(expected > 50, "records: " + expected);
        ExecutorService pool = Executors.newFixedThreadPool(8); // within the heavy answers and their queue (4 + 8)
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                boolean csv = i % 2 == 0;
                answers.add(pool.submit(() -> csv
                        ? given().get(url + "&fmt=csv").asString().split("\r\n").length - 1
                        : given().get(url).jsonPath().getList("dataset").size()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(expected, answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
