package org.tradegateway.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.tradegateway.db.DatabaseTarget;
import org.tradegateway.db.EmbeddedDatabase;

/**
 * The PostgreSQL of the test run, started once for all Quarkus tests: an embedded PostgreSQL 17 in
 * target/test-postgres, or, when TRADE_TEST_DB_URL names a server (postgresql://host:port/db, with
 * TRADE_TEST_DB_USER / TRADE_TEST_DB_PASSWORD), a fresh database created on it and dropped afterwards.
 */
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
public class TestDatabase implements QuarkusTestResourceLifecycleManager {
    private static DatabaseTarget target;
    private static volatile EmbeddedDatabase embedded;
    private static Path embeddedDirectory;
    private DatabaseTarget adminTarget;

    /** The database the Quarkus tests run against. */
    public static DatabaseTarget target() {
        return target;
    }

    public static Connection connect() throws SQLException {
        return org.tradegateway.db.DatabaseConnector.connect(target);
    }

    @Override
    public Map<String, String> start() {
        String external = System.getenv("TRADE_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            java.net.URI uri = java.net.URI.create(external.replaceFirst("^jdbc:", ""));
            String user = envOr("TRADE_TEST_DB_USER", "postgres");
            String password = System.getenv("TRADE_TEST_DB_PASSWORD");
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
            adminTarget = new DatabaseTarget(uri.getHost(), port, db, user, password, false, null);
            String name = "trade_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute(adminTarget, "CREATE DATABASE " + name);
            target = new DatabaseTarget(uri.getHost(), port, name, user, password, false, null);
        } else {
            Path dir = Path.of("target", "test-postgres").toAbsolutePath();
            deleteRecursively(dir);
            embeddedDirectory = dir;
            embedded = EmbeddedDatabase.start(dir, 0);
            target = embedded.target();
        }
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", target.jdbcUrl(),
                "quarkus.datasource.reactive.url", target.reactiveUrl(),
                "quarkus.datasource.username", target.user()));
        if (target.password() != null) {
            config.put("quarkus.datasource.password", target.password());
        }
        return config;
    }

    /** Whether the tests run on the embedded server, which they may stop and start again. */
    public static boolean restartable() {
        return embeddedDirectory != null;
    }

    /** Stops the embedded server, as an outage would; {@link #startAgain()} brings it back on the same port. */
    public static synchronized void stopServer() {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }

    /**
     * Sends a signal (STOP, CONT) to every process of the embedded server, the postmaster and its backends, as a
     * hung host would look to the gateway: connections stay open and nothing answers.
     */
    public static synchronized void signalServer(String signal) throws Exception {
        java.util.List<String> lines = java.nio.file.Files.readAllLines(embeddedDirectory.resolve("postmaster.pid"));
        long postmaster = Long.parseLong(lines.get(0).trim());
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("kill", "-" + signal));
        command.add(Long.toString(postmaster));
        ProcessHandle.of(postmaster).orElseThrow().descendants().forEach(p -> command.add(Long.toString(p.pid())));
        Process kill = new ProcessBuilder(command).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " failed");
        }
    }

    public static synchronized void startAgain() {
        if (embedded == null && embeddedDirectory != null) {
            embedded = EmbeddedDatabase.start(embeddedDirectory, target.port());
        }
    }

    @Override
    public void stop() {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
        if (adminTarget != null) {
            execute(adminTarget, "DROP DATABASE IF EXISTS " + target.database() + " WITH (FORCE)");
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static void execute(DatabaseTarget t, String sql) {
        try (Connection c = DriverManager.getConnection(t.jdbcUrl(), t.user(), t.password());
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed: " + e.getMessage(), e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
