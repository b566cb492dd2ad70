package org.tradegateway.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * The bilateral sums of a period copied, indexed and analysed on a connection of their own, while the import's
 * connection indexes the flows and stores the totals: every step after the flows' copy otherwise runs in one
 * server process, one core of two waiting. Each sums table is committed on its own (created in that transaction, so
 * that with wal_level=minimal its rows skip the WAL) but is no partition yet: no query sees it until the import's
 * transaction attaches it, and so it commits with the data or not at all. An import that fails drops the tables
 * again ({@link #dropAll}); one killed before its commit leaves a table that the next import drops
 * ({@link #dropOrphans}).
 */
final class SumsAside implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SumsAside.class);
    private static final String PREFIX = "trade_flow_sum_d";

    private final ConnectionOpener opener;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "import-sums");
        t.setDaemon(true);
        return t;
    });
    /** Tables made or being made here and not yet known to be attached, by name. */
    private final Map<String, Future<?>> tables = new LinkedHashMap<>();

    SumsAside(ConnectionOpener opener) {
        this.opener = opener;
    }

    /** Starts making the table {@code partition} ({@code create}, the sums' rows, {@code index}); returns at once. */
    void start(String partition, String create, String index, BilateralSums sums) {
        tables.put(partition, thread.submit(() -> {
            make(partition, create, index, sums);
            return null;
        }));
    }

    private void make(String partition, String create, String index, BilateralSums sums)
            throws SQLException, IOException {
        try (Connection c = opener.open()) {
            c.setAutoCommit(false);
            execute(c, "SET LOCAL maintenance_work_mem = '1GB'");
            execute(c, create);
            try (InputStream rows = sums.rows()) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + partition + " (" + BilateralSums.COLUMNS
                        + ") FROM STDIN (FORMAT binary)", rows, 1 << 16);
            }
            execute(c, index);
            execute(c, "ANALYZE " + partition);
            c.commit();
        }
    }

    /** Waits until the table {@code partition} is committed; its failure is the import's. */
    void await(String partition) throws SQLException {
        try {
            tables.get(partition).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while the bilateral sums were stored", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("storing the bilateral sums failed: " + cause.getMessage(), cause);
        }
    }

    /** The import committed: its tables are partitions now. */
    void attached() {
        tables.clear();
    }

    /** The import failed: waits for the work under way, then drops every table it made. */
    void dropAll() {
        if (tables.isEmpty()) {
            return;
        }
        for (Future<?> table : tables.values()) {
            try {
                table.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // nothing was committed: the failure is the import's, reported by it
            }
        }
        try (Connection c = opener.open(); Statement st = c.createStatement()) {
            for (String table : tables.keySet()) {
                st.execute("DROP TABLE IF EXISTS " + table);
            }
        } catch (SQLException e) {
            LOG.warnf("the bilateral sums of a failed import stay until the next import drops them: %s",
                    e.getMessage());
        }
        tables.clear();
    }

    /**
     * Drops the sums tables that an import killed before its commit left: tables named like partitions of
     * trade_flow_sum but not attached to it. Called under the import lock, so no other import is making one.
     */
    static void dropOrphans(Connection connection) throws SQLException {
        List<String> orphans = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT c.relname FROM"
                + " pg_class c WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace AND"
                + " c.relname LIKE '" + PREFIX.replace("_", "\\_") + "%' AND NOT EXISTS (SELECT 1 FROM pg_inherits i"
                + " WHERE i.inhrelid = c.oid)")) {
            while (rs.next()) {
                orphans.add(rs.getString(1));
            }
        }
        for (String orphan : orphans) {
            execute(connection, "DROP TABLE " + orphan);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
