package org.tradegateway.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL keeps its data across restarts, stops cleanly, and reports problems in one sentence. */
class EmbeddedDatabaseTest {

    @TempDir
    Path temp;

    @Test
    void shouldKeepDataAcrossARestartAndStopCleanly() throws Exception {
        Path dir = temp.resolve("pg");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            try (Connection c = DatabaseConnector.connect(db.target()); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE kept (v text)");
                st.execute("INSERT INTO kept VALUES ('survives')");
                try (ResultSet rs = st.executeQuery("SHOW fsync")) {
                    rs.next();
                    assertEquals("on", rs.getString(1));
                }
            }
            assertTrue(Files.exists(dir.resolve("postmaster.pid")));
        }
        assertFalse(Files.exists(dir.resolve("postmaster.pid")), "postmaster.pid left behind: not a clean stop");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0);
             Connection c = DatabaseConnector.connect(db.target()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT v FROM kept")) {
            assertTrue(rs.next());
            assertEquals("survives", rs.getString(1));
        }
    }

    @Test
    void shouldFindTheServerAnotherProcessRunsOnTheDataDirectory() throws Exception {
        Path dir = temp.resolve("shared");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            assertEquals(db.target().port(), DatabaseConnector.runningServerPort(dir));
        }
        assertEquals(null, DatabaseConnector.runningServerPort(dir));
    }

    @Test
    void shouldExplainAnUnwritableDataDirectory() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-directory"), "x");
        StartupProblem e = assertThrows(StartupProblem.class, () -> EmbeddedDatabase.start(file.resolve("pg"), 0));
        assertTrue(e.getMessage().startsWith("the embedded PostgreSQL data directory " + file.resolve("pg")
                + " cannot be created"), e.getMessage());
    }

    @Test
    void shouldExplainAnUnreachableServerWithoutThePassword() {
        DatabaseTarget nowhere = new DatabaseTarget("127.0.0.1", 1, "trade", "gateway", "s3cret-pass", false, null);
        StartupProblem e = assertThrows(StartupProblem.class, () -> DatabaseConnector.check(nowhere));
        assertTrue(e.getMessage().startsWith("cannot reach PostgreSQL at 127.0.0.1:1"), e.getMessage());
        assertTrue(e.getMessage().endsWith("check TRADE_DB_URL and that the server is running"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret-pass"));
    }

    @Test
    void shouldExplainAWrongPasswordAndAMissingDatabase() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(temp.resolve("auth"), 0)) {
            try (Connection c = DatabaseConnector.connect(db.target()); Statement st = c.createStatement()) {
                st.execute("CREATE ROLE gateway LOGIN PASSWORD 'right-password'");
                st.execute("ALTER SYSTEM SET password_encryption = 'scram-sha-256'");
            }
            Path hba = temp.resolve("auth").resolve("pg_hba.conf");
            Files.writeString(hba, "local all all trust\nhost all postgres 127.0.0.1/32 trust\n"
                    + "host all all 127.0.0.1/32 scram-sha-256\n");
            try (Connection c = DatabaseConnector.connect(db.target()); Statement st = c.createStatement()) {
                st.execute("SELECT pg_reload_conf()");
            }
            int port = db.target().port();
            StartupProblem wrong = assertThrows(StartupProblem.class, () -> DatabaseConnector.check(
                    new DatabaseTarget("127.0.0.1", port, "postgres", "gateway", "wrong-password", false, null)));
            assertEquals("PostgreSQL at 127.0.0.1:" + port + " refused the login of user 'gateway': check"
                    + " TRADE_DB_USER and TRADE_DB_PASSWORD", wrong.getMessage());
            StartupProblem missing = assertThrows(StartupProblem.class, () -> DatabaseConnector.check(
                    new DatabaseTarget("127.0.0.1", port, "nosuchdb", "postgres", null, false, null)));
            assertEquals("PostgreSQL at 127.0.0.1:" + port + " has no database 'nosuchdb': check TRADE_DB_URL",
                    missing.getMessage());
        }
    }
}
