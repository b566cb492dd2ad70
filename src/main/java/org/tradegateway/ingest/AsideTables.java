package org.tradegateway.ingest;

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

/**
 * Tables of a flow import made on connections of their own (the totals and World records of a period, its
 * bilateral sums), while the import's connection indexes the flows: every step after the flows' copy otherwise
 * runs in one server process, one core of two waiting. Each table is committed on its own (created in that
 * transaction, so that with wal_level=minimal its rows skip the WAL) but is no partition yet: no query sees it until
 * the import's transaction attaches it, and so it commits with the data or not at all. An import that fails drops
 * the tables again ({@link #dropAll}); one killed before its commit leaves tables that the next import drops
 * ({@link #dropOrphans}).
 */
final class AsideTables implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AsideTables.class);
    /** The tables made here are named like the partitions they become. */
    private static final String[] PREFIXES = {"trade_fact_d", "trade_flow_sum_d"};

    /** What makes one table: creates it, fills it, indexes it, on the connection given, in its transaction. */
    @FunctionalInterface
    interface Work {
        void make(Connection connection) throws SQLException;
    }

    private final ConnectionOpener opener;
    private final ExecutorService threads = Executors.newFixedThreadPool(2, task -> {
        Thread t = new Thread(task, "import-aside");
        t.setDaemon(true);
        return t;
    });
    /** Tables made or being made here and not yet known to be attached, by name. */
    private final Map<String, Future<?>> tables = new LinkedHashMap<>();

    AsideTables(ConnectionOpener opener) {
        this.opener = opener;
    }

    /** Starts making the table {@code name} with {@code work} on a connection of its own; returns at once. */
    void start(String name, Work work) {
        tables.put(name, threads.submit(() -> {
            try (Connection c = opener.open()) {
                c.setAutoCommit(false);
                execute(c, "SET LOCAL maintenance_work_mem = '512MB'");
                execute(c, "SET LOCAL max_parallel_maintenance_workers = 0");
                work.make(c);
                c.commit();
            }
            return null;
        }));
    }

    /** Waits until the table {@code name}, if it is made here, is committed; its failure is the import's. */
    void await(String name) throws SQLException {
        Future<?> table = tables.get(name);
        if (table == null) {
            return;
        }
        try {
            table.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while " + name + " was stored", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new SQLException("storing " + name + " failed: " + cause.getMessage(), cause);
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
            LOG.warnf("the tables of a failed import stay until the next import drops them: %s", e.getMessage());
        }
        tables.clear();
    }

    /**
     * Drops the tables that an import killed before its commit left: tables named like partitions of trade_fact or
     * trade_flow_sum but not attached. Called under the import lock, so no other import is making one.
     */
    static void dropOrphans(Connection connection) throws SQLException {
        List<String> orphans = new ArrayList<>();
        String named = String.join(" OR ", java.util.Arrays.stream(PREFIXES)
                .map(p -> "c.relname LIKE '" + p.replace("_", "\\_") + "%'").toList());
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT c.relname FROM"
                + " pg_class c WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace AND ("
                + named + ") AND NOT EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid)")) {
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
        threads.shutdown();
    }
}
