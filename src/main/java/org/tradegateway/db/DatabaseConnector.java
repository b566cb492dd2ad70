package org.tradegateway.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * Decides which PostgreSQL the process uses (configured server, an embedded one already running on the data
 * directory, or a new embedded one) and checks that it answers, turning failures into one readable message.
 */
public final class DatabaseConnector {

    private DatabaseConnector() {
    }

    /** An open database: its target, plus the embedded server this process started, if any. */
    public record OpenDatabase(DatabaseTarget target, EmbeddedDatabase startedHere) implements AutoCloseable {
        @Override
        public void close() {
            if (startedHere != null) {
                startedHere.close();
            }
        }
    }

    public static OpenDatabase open(DatabaseSettings settings) {
        if (settings.externalConfigured()) {
            DatabaseTarget target = settings.external();
            check(target);
            return new OpenDatabase(target, null);
        }
        if (io.quarkus.runtime.ImageMode.current() == io.quarkus.runtime.ImageMode.NATIVE_RUN) {
            throw new StartupProblem("the native executable has no embedded PostgreSQL: set TRADE_DB_URL (with"
                    + " TRADE_DB_USER and TRADE_DB_PASSWORD) to the server to use");
        }
        Path dir = settings.embeddedDataDirectory();
        Integer runningPort = runningServerPort(dir);
        if (runningPort != null) {
            DatabaseTarget target = new DatabaseTarget("127.0.0.1", runningPort, "postgres", "postgres", null, true,
                    dir.toString());
            check(target);
            return new OpenDatabase(target, null);
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(dir, settings.embeddedPort());
        try {
            check(embedded.target());
        } catch (StartupProblem e) {
            embedded.close();
            throw e;
        }
        return new OpenDatabase(embedded.target(), embedded);
    }

    /** The port of a live postmaster on this data directory (started by another gateway process), or null. */
    static Integer runningServerPort(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return null;
            }
            long pid = Long.parseLong(lines.get(0).trim());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Integer.valueOf(lines.get(3).trim()) : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    public static Connection connect(DatabaseTarget target) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", target.user());
        if (target.password() != null) {
            props.setProperty("password", target.password());
        }
        props.setProperty("connectTimeout", "10");
        props.setProperty("ApplicationName", "trade-gateway");
        return DriverManager.getConnection(target.jdbcUrl(), props);
    }

    /** Opens and closes one connection; any failure becomes a {@link StartupProblem} naming the cause. */
    public static void check(DatabaseTarget target) {
        try (Connection c = connect(target)) {
            int version = c.getMetaData().getDatabaseMajorVersion();
            if (version < 15) {
                throw new StartupProblem(target.describe() + " runs PostgreSQL " + version
                        + "; the gateway needs PostgreSQL 15 or newer");
            }
        } catch (SQLException e) {
            throw new StartupProblem(explain(target, e), e);
        }
    }

    static String explain(DatabaseTarget target, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = target.host() + ":" + target.port();
        if (state.equals("28P01") || state.equals("28000")) {
            return "PostgreSQL at " + where + " refused the login of user '" + target.user()
                    + "': check TRADE_DB_USER and TRADE_DB_PASSWORD";
        }
        if (state.equals("3D000")) {
            return "PostgreSQL at " + where + " has no database '" + target.database() + "': check TRADE_DB_URL";
        }
        if (state.startsWith("08")) {
            return "cannot reach PostgreSQL at " + where + " (" + EmbeddedDatabase.rootMessage(e)
                    + "): check TRADE_DB_URL and that the server is running";
        }
        return "cannot use PostgreSQL at " + where + ": " + EmbeddedDatabase.rootMessage(e);
    }
}
