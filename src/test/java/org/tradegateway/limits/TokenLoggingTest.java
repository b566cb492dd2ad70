package org.tradegateway.limits;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tradegateway.support.Accounts;

/** Tokens never reach the log, whatever happens to the request that carries them. */
@QuarkusTest
@TestProfile(LimitsOn.class)
class TokenLoggingTest {

    @AfterEach
    void cleanUp() throws Exception {
        Accounts.deleteAll();
    }

    @Test
    void shouldKeepTokensOutOfTheLog() throws Exception {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String name = String.valueOf(record.getLoggerName());
                if (name.startsWith("org.apache.http") || name.startsWith("io.restassured")) {
                    return; // the test's own HTTP client logs what it sends
                }
                lines.add(name + ": " + String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters())
                        + " " + (record.getThrown() == null ? "" : record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        // what the gateway logs at its configured levels, and everything its own code logs
        Logger root = Logger.getLogger("");
        Logger own = Logger.getLogger("org.tradegateway");
        Level before = own.getLevel();
        root.addHandler(capture);
        own.setLevel(Level.ALL);
        try {
            String token = Accounts.create("logged", 2, null, "");
            String bogus = "bogus-token-0123456789abcdefghijklmnopqrstuvwxyz";
            given().get("/api/get?r=all&p=all&token=" + token).then().statusCode(200);
            given().get("/api/get?r=all&p=all&token=" + token).then().statusCode(409);
            given().header("Authorization", "Bearer " + token).get("/api/get/bulk/C/A/1990/4/H0").then().statusCode(409);
            given().get("/api/get?token=" + bogus).then().statusCode(401);
            given().header("Authorization", "Bearer " + bogus).get("/api/getUserInfo").then().statusCode(401);
            given().get("/api/get?r=842&p=156&ps=20x&token=" + token).then().statusCode(409);
            String other = Accounts.create("failing-too", 100, null, "");
            // failures with the token in their message: answered 500 in a few plain words, logged without it
            for (String failing : new String[] {"/api/test-failure?token=", "/api/test-route-failure?r=1&token="}) {
                given().get(failing + other).then().statusCode(500).contentType("text/plain; charset=utf-8")
                        .body(org.hamcrest.Matchers.startsWith("The request failed (error id "));
            }
            Thread.sleep(200);
            // the capture sees the gateway's lines: the access log of each of those requests, with its status
            List<String> access = lines.stream().filter(l -> l.startsWith("org.tradegateway.access")).toList();
            assertTrue(access.stream().filter(l -> l.contains("GET /api/get 409")).count() >= 2, lines.toString());
            assertTrue(access.stream().anyMatch(l -> l.contains("GET /api/getUserInfo 401")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.contains("GET /api/test-failure") && l.contains("failed")),
                    lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.contains("could not serve token ***")), lines.toString());
            for (String line : lines) {
                assertFalse(line.contains(token), "token in log: " + line);
                assertFalse(line.contains(bogus), "token in log: " + line);
                assertFalse(line.contains(other), "token in log: " + line);
            }
        } finally {
            root.removeHandler(capture);
            own.setLevel(before);
        }
    }
}
