package org.tradegateway.dialect.legacy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.tradegateway.core.QueryFailure;
import org.tradegateway.data.DatabaseGuard;
import org.tradegateway.ingest.synthetic.GeneratorSource.GeneratorSettings;
import org.tradegateway.ingest.synthetic.GeneratorSource;
import org.tradegateway.refs.Classification;
import org.tradegateway.support.Imports;
import org.tradegateway.support.TestDatabase;

/**
 * The gateway under trouble: a statement that runs too long is cancelled inside PostgreSQL, heavy answers beyond
 * the bulkhead and its queue get 503, and with the database stopped /api/get answers 503 within a second and
 * serves again by itself once the database is back.
 */
@QuarkusTest
@TestProfile(FaultToleranceTest.Faults.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceTest {
    @Inject
    DatabaseGuard guard;
    @Inject
    Vertx vertx;
    private static final String ONE_ROW = "/api/get?r=842&p=156&ps=2041&rg=2&cc=TOTAL";
    /** Another one-row query, asked for the first time while the tables are locked (so not answered from memory). */
    private static final String OTHER_ROW = "/api/get?r=842&p=251&ps=2041&rg=2&cc=TOTAL";
    private static final String HEAVY = "/api/get?r=all&p=0&ps=2041&rg=2&cc=AG6&max=100000";

    /** One second of query time, one heavy answer with one waiting for at most a second, a one-second breaker. */
    public static class Faults implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trade.query.timeout", "1s", "trade.query.heavy-limit", "1", "trade.query.heavy-queue", "1",
                    "trade.query.heavy-queue-wait", "1s", "trade.query.breaker-delay", "1s",
                    "trade.query.busy-retry-after", "2s", "trade.http.stall-timeout", "3s");
        }
    }

    @BeforeAll
    void load() throws Exception {
        Imports.load(new GeneratorSource(new GeneratorSettings(2041, 2041, 150_000, Classification.H4, 11)));
    }

    @AfterAll
    void drop() throws Exception {
        Imports.dropNamed("synthetic-H4-2041");
    }

    private static JsonNode json(Response response) throws Exception {
        return new ObjectMapper().readTree(response.asString());
    }

    @Test
    @Order(1)
    void shouldCancelTheStatementInPostgresWhenTheQueryTimeoutPasses() throws Exception {
        assertEquals(200, given().urlEncodingEnabled(false).get(ONE_ROW).statusCode());
        try (Connection locker = TestDatabase.connect(); Connection observer = TestDatabase.connect()) {
            locker.setAutoCommit(false);
            try (Statement st = locker.createStatement()) {
                st.execute("LOCK TABLE trade_fact, trade_flow IN ACCESS EXCLUSIVE MODE");
            }
            long start = System.nanoTime();
            Response response = given().urlEncodingEnabled(false).get(OTHER_ROW);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(200, response.statusCode());
            JsonNode answer = json(response);
            assertEquals(5002, answer.at("/validation/status/value").asInt());
            assertEquals("The query ran longer than 1 second and was stopped. Select fewer reporters, partners,"
                    + " periods or commodities.", answer.at("/validation/message").asText());
            assertTrue(millis >= 900 && millis < 5_000, "answered after " + millis + " ms");
            // the lock is still held: a statement only abandoned by the gateway would still be waiting for it
            assertEquals(0, waitingGatewayStatements(observer));
            locker.rollback();
        }
        assertEquals(200, given().urlEncodingEnabled(false).get(OTHER_ROW).statusCode());
    }

    private static int waitingGatewayStatements(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity"
                + " WHERE application_name = 'trade-gateway' AND state = 'active' AND wait_event_type = 'Lock'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    @Order(2)
    void shouldAnswer503WithRetryAfterWhenHeavyAnswersAndTheirQueueAreFull() throws Exception {
        try (Socket holder = open(HEAVY)) {
            // its status line means it was counted and is streaming: it holds the only place while it is not read
            assertEquals("HTTP/1.1 200 OK", statusLine(holder));
            try (Socket waiter = open(HEAVY)) {
                Response refused = given().urlEncodingEnabled(false).get(HEAVY);
                assertEquals(503, refused.statusCode());
                assertEquals("2", refused.header("Retry-After"));
                assertEquals("application/json; charset=utf-8", refused.contentType());
                JsonNode answer = json(refused);
                assertEquals("Service unavailable", answer.at("/validation/status/name").asText());
                assertEquals(5005, answer.at("/validation/status/value").asInt());
                assertEquals(0, answer.get("dataset").size());
                // the one that waited gives up after the queue wait, with the same answer
                assertEquals("HTTP/1.1 503 Service Unavailable", statusLine(waiter));

                Response csv = given().urlEncodingEnabled(false).get(HEAVY + "&fmt=csv");
                assertEquals(503, csv.statusCode());
                assertEquals("text/csv; charset=utf-8", csv.contentType());
                assertTrue(csv.asString().endsWith(ApiGetAnswerTest.NO_DATA), csv.asString());

                // small answers are not held back by large ones
                assertEquals(200, given().urlEncodingEnabled(false).get(ONE_ROW).statusCode());
            }
        }
        // the place is given back when the client goes away
        Response served = awaitStatus(HEAVY, 200, 10_000);
        JsonNode answer = json(served);
        assertEquals(answer.at("/validation/count/value").asInt(), answer.get("dataset").size());
        assertTrue(answer.get("dataset").size() > 2_000, "rows: " + answer.get("dataset").size());
    }

    @Test
    @Order(3)
    void shouldAnswer503WithinASecondWhileTheDatabaseIsDownAndServeAgainWhenItIsBack() throws Exception {
        assumeTrue(TestDatabase.restartable(), "the database is an external server, which the tests do not stop");
        // an account the gateway has seen, so that it is recognised while the database is down: made just after the
        // accounts were read (a guest's request reads them), so that the gateway first sees its token on its own
        given().get("/api/getUserInfo").then().statusCode(200);
        String account = org.tradegateway.support.Accounts.create("outage-bulk", null, null, "");
        given().get("/api/getUserInfo?token=" + account).then().statusCode(200);
        TestDatabase.stopServer();
        try {
            for (int i = 0; i < 8; i++) {
                boolean csv = i % 2 == 1;
                long start = System.nanoTime();
                Response response = given().urlEncodingEnabled(false).get(ONE_ROW + (csv ? "&fmt=csv" : ""));
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis < 1_000, "request " + i + " answered after " + millis + " ms");
                assertEquals(503, response.statusCode(), response.asString());
                assertEquals("1", response.header("Retry-After"));
                if (csv) {
                    assertTrue(response.asString().endsWith(ApiGetAnswerTest.NO_DATA), response.asString());
                } else {
                    JsonNode answer = json(response);
                    assertEquals(5005, answer.at("/validation/status/value").asInt());
                    assertEquals("The database is unavailable. Please retry later.",
                            answer.at("/validation/message").asText());
                }
            }
            // the shipped lists are served from memory; what needs the database answers 503 with Retry-After
            given().get("/Data/cache/classificationH4.json").then().statusCode(200)
                    .body("results.size()", org.hamcrest.Matchers.greaterThan(1000));
            given().header("If-Modified-Since", "garbage").get("/Data/cache/tradeRegimes.json").then().statusCode(200);
            for (String needsData : java.util.List.of("/Data/cache/reporterAreas.json", "/api/refs/da/view?ps=2041",
                    "/api/refs/da/bulk?ps=2041")) {
                long begun = System.nanoTime();
                Response refused = given().get(needsData);
                assertEquals(503, refused.statusCode(), needsData + ": " + refused.asString());
                assertEquals("1", refused.header("Retry-After"), needsData);
                assertTrue((System.nanoTime() - begun) / 1_000_000 < 1_000, needsData);
            }
            // a bulk download: the shared failure handler's plain-text 503
            Response bulk = given().get("/api/get/bulk/C/A/2041/842/H4?token=" + account);
            assertEquals(503, bulk.statusCode(), bulk.asString());
            assertEquals("1", bulk.header("Retry-After"));
            assertEquals("text/plain; charset=utf-8", bulk.contentType());
            assertEquals("The database is unavailable. Please retry later.\n", bulk.asString());
            // a token the gateway has not seen cannot be looked up: refused the same way, before any limit
            Response token = given().urlEncodingEnabled(false).get(ONE_ROW + "&fmt=csv&token=never-seen-before");
            assertEquals(503, token.statusCode(), token.asString());
            assertEquals("1", token.header("Retry-After"));
            assertEquals("text/csv; charset=utf-8", token.contentType());
            assertTrue(token.asString().endsWith(ApiGetAnswerTest.NO_DATA), token.asString());
        } finally {
            TestDatabase.startAgain();
        }
        long back = System.nanoTime();
        JsonNode answer = json(awaitStatus(ONE_ROW, 200, 15_000));
        long millis = (System.nanoTime() - back) / 1_000_000;
        assertEquals(1, answer.get("dataset").size());
        assertEquals(842, answer.at("/dataset/0/rtCode").asInt());
        assertTrue(millis < 10_000, "served again after " + millis + " ms");
        org.tradegateway.support.Accounts.deleteAll();
    }

    @Test
    @Order(4)
    void shouldGiveUpOnADatabaseCallThatNeverAnswersAtItsDeadline() throws Exception {
        // a server that stopped answering: PostgreSQL's statement timeout cannot end this, only the deadline
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        long start = System.nanoTime();
        vertx.getOrCreateContext().runOnContext(ignored -> guard.call(() -> Uni.createFrom().<String>emitter(e -> { }))
                .subscribe().with(item -> outcome.complete(null), outcome::complete));
        Throwable failure = outcome.get(30, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(failure instanceof QueryFailure.Unavailable, String.valueOf(failure));
        // the deadline is the statement timeout (1 s here) and 5 s more
        assertTrue(millis >= 5_900 && millis < 8_000, "given up after " + millis + " ms");
    }

    @Test
    @Order(5)
    void shouldAnswer503WithinASecondAndGoUnreadyWhileTheDatabaseHangs() throws Exception {
        assumeTrue(TestDatabase.restartable(), "the database is an external server, which the tests do not stop");
        assertEquals(200, given().urlEncodingEnabled(false).get(ONE_ROW).statusCode());
        java.util.concurrent.ExecutorService load = java.util.concurrent.Executors.newFixedThreadPool(5);
        java.util.List<java.util.concurrent.Future<long[]>> answers = new java.util.ArrayList<>();
        TestDatabase.signalServer("STOP");
        long stoppedAt = System.nanoTime();
        try {
            java.util.concurrent.Future<Long> readiness = load.submit(() -> {
                while ((System.nanoTime() - stoppedAt) / 1_000_000 < 5_000) {
                    long begun = System.nanoTime();
                    int status = given().get("/q/health/ready").statusCode();
                    assertTrue((System.nanoTime() - begun) / 1_000_000 < 1_000, "readiness answers at once");
                    if (status == 503) {
                        return (System.nanoTime() - stoppedAt) / 1_000_000;
                    }
                    Thread.sleep(100);
                }
                return -1L;
            });
            // a steady load of queries answered from the database, none asked before (so none kept in memory)
            for (int i = 1; i <= 60; i++) {
                String url = String.format("/api/get?r=842&p=156&ps=2041&rg=2&cc=%02d", i);
                answers.add(load.submit(() -> {
                    long begun = System.nanoTime();
                    Response r = given().urlEncodingEnabled(false).get(url);
                    long end = System.nanoTime();
                    return new long[] {(begun - stoppedAt) / 1_000_000, (end - begun) / 1_000_000, r.statusCode(),
                        r.header("Retry-After") == null ? -1 : Long.parseLong(r.header("Retry-After"))};
                }));
                Thread.sleep(50);
            }
            long readyDown = readiness.get(10, TimeUnit.SECONDS);
            assertTrue(readyDown >= 0 && readyDown < 2_000, "readiness DOWN after " + readyDown + " ms");
            for (java.util.concurrent.Future<long[]> f : answers) {
                long[] a = f.get(10, TimeUnit.SECONDS);
                assertTrue(a[1] < 2_500, "a request sent " + a[0] + " ms after the stop took " + a[1] + " ms");
                if (a[0] > 1_500) {
                    assertEquals(503, a[2], "sent " + a[0] + " ms after the stop");
                    assertTrue(a[1] < 1_000, "sent " + a[0] + " ms after the stop, answered after " + a[1] + " ms");
                    assertTrue(a[3] >= 1, "Retry-After");
                }
            }
        } finally {
            TestDatabase.signalServer("CONT");
            load.shutdownNow();
        }
        JsonNode answer = json(awaitStatus(ONE_ROW.replace("p=156", "p=251"), 200, 15_000));
        assertEquals(1, answer.get("dataset").size());
        awaitStatus("/q/health/ready", 200, 10_000);
    }

    @Test
    @Order(6)
    void shouldEndAnAnswerWhoseClientStopsReadingAndGiveBackItsPlace() throws Exception {
        try (Socket holder = open(HEAVY)) {
            assertEquals("HTTP/1.1 200 OK", statusLine(holder));
            // the only place is held while the client reads nothing; the stall timeout (3 s here) ends that
            Thread.sleep(4_500);
            Response served = given().urlEncodingEnabled(false).get(HEAVY);
            assertEquals(200, served.statusCode(), served.asString());
            assertTrue(json(served).get("dataset").size() > 2_000);
            // and the reader that stopped finds its connection closed once it reads again
            holder.setSoTimeout(5_000);
            java.io.InputStream in = holder.getInputStream();
            long read = 0;
            try {
                byte[] buffer = new byte[65536];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    read += n;
                }
            } catch (java.net.SocketException reset) {
                // reset by the gateway: also an end
            }
            assertTrue(read < 60_000_000, "the whole answer was not sent: " + read);
        }
    }

    @Test
    @Order(7)
    void shouldCutAStreamWhoseDatabaseConnectionFailsUnmistakablyAndCountIt() throws Exception {
        double before = cutAnswers();
        try (Socket reader = open(HEAVY); Connection admin = TestDatabase.connect()) {
            java.io.InputStream in = reader.getInputStream();
            byte[] start = in.readNBytes(8192);
            String begun = new String(start, StandardCharsets.UTF_8);
            assertTrue(begun.startsWith("HTTP/1.1 200 OK") && begun.contains("\"dataset\":["), begun);
            try (Statement st = admin.createStatement(); ResultSet rs = st.executeQuery("SELECT"
                    + " pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
                    + " AND state <> 'idle' AND query LIKE '%) AS version FROM (%'")) {
                assertTrue(rs.next(), "the streaming statement's backend");
            }
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.write(start);
            try {
                in.transferTo(body);
            } catch (java.net.SocketException reset) {
                // the gateway resets the connection: what was read stands
            }
            String text = body.toString(StandardCharsets.UTF_8);
            assertTrue(!text.endsWith("0\r\n\r\n"), "no last chunk: the body is not complete");
            assertTrue(!text.contains("]}"), "no JSON tail: nothing reads as a complete document");
        }
        long deadline = System.currentTimeMillis() + 5_000;
        while (cutAnswers() <= before && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(before + 1, cutAnswers(), "trade_api_answers_cut_total");
    }

    private static double cutAnswers() {
        for (String line : given().get("/q/metrics").asString().split("\n")) {
            if (line.startsWith("trade_api_answers_cut_total")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    private static Response awaitStatus(String url, int status, long limitMillis) throws Exception {
        long deadline = System.currentTimeMillis() + limitMillis;
        Response response;
        do {
            response = given().urlEncodingEnabled(false).get(url);
            if (response.statusCode() == status) {
                return response;
            }
            Thread.sleep(200);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("still " + response.statusCode() + " after " + limitMillis + " ms: "
                + response.asString());
    }

    private static Socket open(String url) throws Exception {
        Socket socket = new Socket();
        // a small window, set before connecting, so that the server cannot send far ahead of the reader
        socket.setReceiveBufferSize(4096);
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", RestAssured.port));
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + url + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static String statusLine(Socket socket) throws Exception {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII),
                64).readLine();
    }
}
