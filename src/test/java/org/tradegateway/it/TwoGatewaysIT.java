package org.tradegateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradegateway.db.DatabaseConnector;
import org.tradegateway.db.EmbeddedDatabase;
import org.tradegateway.limits.Tokens;

/**
 * Two gateway processes (the packaged jar, started twice) on one PostgreSQL and one Redis: 200 concurrent
 * requests of one account, spread over both, get exactly the account's quota of answers and 409 for the rest.
 */
class TwoGatewaysIT {
    private static final String REDIS = System.getenv().getOrDefault("TRADE_TEST_REDIS_URL", "redis://127.0.0.1:6379");
    private static final int QUOTA = 50;

    @TempDir
    Path temp;

    private static Process start(Path jar, int port, EmbeddedDatabase db, String prefix, Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("TRADE_DB_URL", db.target().reactiveUrl());
        env.put("TRADE_DB_USER", "postgres");
        env.put("TRADE_HTTP_PORT", Integer.toString(port));
        env.put("TRADE_DEMO_SEED", "never");
        env.put("TRADE_LIMITS_REDIS_URL", REDIS);
        env.put("TRADE_LIMITS_REDIS_PREFIX", prefix);
        env.put("TRADE_LIMITS_PER_SECOND", "100000");
        return builder.start();
    }

    private static void awaitReady(HttpClient http, int port, Process process, Path log) throws Exception {
        for (int i = 0; i < 120; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway on " + port + " ended: " + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("gateway on " + port + " did not become ready: " + Files.readString(log));
    }

    @Test
    void shouldShareOneBucketPerAccountBetweenTwoGateways() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.tradegateway.limits.SharedLimitsTest.redisReachable(),
                "no Redis at " + REDIS);
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        String prefix = "it-" + UUID.randomUUID() + ":";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(temp.resolve("pg"), 0)) {
            Process a = start(jar, 18091, db, prefix, temp.resolve("a.log"));
            Process b = null;
            try {
                awaitReady(http, 18091, a, temp.resolve("a.log"));
                b = start(jar, 18092, db, prefix, temp.resolve("b.log"));
                awaitReady(http, 18092, b, temp.resolve("b.log"));
                String token = Tokens.newToken();
                try (Connection c = DatabaseConnector.connect(db.target());
                     PreparedStatement ps = c.prepareStatement("INSERT INTO account (name, hourly_quota) VALUES"
                             + " ('shared', ?) RETURNING id")) {
                    ps.setInt(1, QUOTA);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        try (PreparedStatement t = c.prepareStatement("INSERT INTO account_token (account_id,"
                                + " token_hash) VALUES (?, ?)")) {
                            t.setLong(1, rs.getLong(1));
                            t.setString(2, Tokens.hash(token));
                            t.executeUpdate();
                        }
                    }
                }
                List<CompletableFuture<HttpResponse<Void>>> calls = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    int port = i % 2 == 0 ? 18091 : 18092;
                    calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/get?r=all&p=all&token=" + token)).build(), HttpResponse.BodyHandlers.discarding()));
                }
                int ok = 0;
                int refused = 0;
                for (CompletableFuture<HttpResponse<Void>> call : calls) {
                    int status = call.get().statusCode();
                    ok += status == 200 ? 1 : 0;
                    refused += status == 409 ? 1 : 0;
                }
                assertEquals(QUOTA, ok, "answers across both gateways");
                assertEquals(200 - QUOTA, refused, "refusals across both gateways");
            } finally {
                a.destroy();
                if (b != null) {
                    b.destroy();
                }
                a.waitFor();
                if (b != null) {
                    b.waitFor();
                }
            }
        }
    }
}
