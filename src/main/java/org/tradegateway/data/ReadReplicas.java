package org.tradegateway.data;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.tradegateway.config.DataConfig;

/**
 * PostgreSQL hot standbys that answer the data queries ({@code TRADE_DB_READ_URLS}); imports, accounts, the
 * availability snapshot, the change listener and migrations stay on the primary. Each standby is asked for the data
 * version it has replayed every {@code TRADE_DB_READ_CHECK_EVERY}; a query goes to one (in turn) that answered its
 * last check with exactly the version the query was planned on, else to the primary. So a standby that lags behind
 * an import, has stopped or fails is left out until it has caught up, and an answer is never a mix of old and new.
 */
@ApplicationScoped
public class ReadReplicas {
    private static final Logger LOG = Logger.getLogger(ReadReplicas.class);
    private static final String CHECK_SQL = "SELECT (" + AvailabilityCache.VERSION_SQL + "), pg_is_in_recovery()";

    /** One standby: its two pools and what its last check found. */
    public static final class Replica {
        private final String name;
        private final Pool pool;
        private final Pool streaming;
        private final Counter reads;
        private volatile String version;
        private volatile boolean up;
        /** A check under way: still so at the next one means the standby stopped answering. */
        private volatile boolean checking;

        Replica(String name, Pool pool, Pool streaming, Counter reads) {
            this.name = name;
            this.pool = pool;
            this.streaming = streaming;
            this.reads = reads;
        }

        /** The pool of the small statements (generic plans). */
        public Pool pool() {
            reads.increment();
            return pool;
        }

        /** The pool of the statements read through a cursor (planned for their values). */
        public Pool streaming() {
            reads.increment();
            return streaming;
        }

        public String name() {
            return name;
        }
    }

    private final List<String> urls;
    private final Duration checkEvery;
    private final DatabasePoolCreator pools;
    private final Vertx vertx;
    private final MeterRegistry registry;
    private final AtomicInteger next = new AtomicInteger();
    private final Counter primaryReads;
    private volatile List<Replica> replicas;
    private long timer = -1;

    public ReadReplicas(DataConfig config, DatabasePoolCreator pools, Vertx vertx, MeterRegistry registry) {
        this.urls = config.db().readUrls().orElse(List.of()).stream().map(String::trim).filter(u -> !u.isEmpty())
                .toList();
        this.checkEvery = config.db().readCheckEvery();
        this.pools = pools;
        this.vertx = vertx;
        this.registry = registry;
        this.primaryReads = Counter.builder("trade.db.reads").tag("server", "primary")
                .description("Data statements run, by the server that ran them").register(registry);
    }

    /** Whether standbys are configured. */
    public boolean configured() {
        return !urls.isEmpty();
    }

    /**
     * A standby that has replayed exactly {@code version} and answered its last check, in turn; null when there is
     * none (the primary answers), or when {@code version} is null (a query that must read the primary).
     */
    public Replica pick(String version) {
        if (version == null || urls.isEmpty()) {
            primaryReads.increment();
            return null;
        }
        List<Replica> all = started();
        int start = Math.floorMod(next.getAndIncrement(), all.size());
        for (int i = 0; i < all.size(); i++) {
            Replica r = all.get((start + i) % all.size());
            if (r.up && version.equals(r.version)) {
                return r;
            }
        }
        primaryReads.increment();
        return null;
    }

    /** A statement on this standby failed as an outage: it is left out until a check succeeds again. */
    public void failed(Replica replica, Throwable failure) {
        if (replica.up) {
            LOG.warnf("read replica %s failed (%s); reading from the primary until it answers again", replica.name,
                    failure.getMessage());
        }
        replica.up = false;
        primaryReads.increment();
    }

    /** The standbys, their pools made and their checks started with the first query (the main pool exists then). */
    private synchronized List<Replica> started() {
        if (replicas == null) {
            List<Replica> made = new ArrayList<>();
            for (int i = 0; i < urls.size(); i++) {
                String name = "replica-" + (i + 1);
                Pool[] pair = pools.replica(urls.get(i), name);
                Replica r = new Replica(name, pair[0], pair[1], Counter.builder("trade.db.reads").tag("server", name)
                        .description("Data statements run, by the server that ran them").register(registry));
                Gauge.builder("trade.db.replica.up", r, x -> x.up ? 1 : 0).tag("server", name)
                        .description("Whether a read replica answers its checks").register(registry);
                made.add(r);
            }
            replicas = List.copyOf(made);
            made.forEach(this::check);
            timer = vertx.setPeriodic(checkEvery.toMillis(), id -> replicas.forEach(this::check));
        }
        return replicas;
    }

    private void check(Replica r) {
        if (r.checking) {
            if (r.up) {
                LOG.warnf("read replica %s has not answered its check; reading from the primary", r.name);
            }
            r.up = false;
            return;
        }
        r.checking = true;
        Uni.createFrom().completionStage(() -> r.pool.query(CHECK_SQL).execute().toCompletionStage())
                .ifNoItem().after(checkEvery.multipliedBy(5).plusSeconds(2)).fail()
                .subscribe().with(rows -> checked(r, rows, null), failure -> checked(r, null, failure));
    }

    private void checked(Replica r, RowSet<Row> rows, Throwable failure) {
        r.checking = false;
        if (failure != null) {
            if (r.up) {
                LOG.warnf("read replica %s does not answer (%s); reading from the primary", r.name,
                        failure.getMessage());
            }
            r.up = false;
            return;
        }
        Row row = rows.iterator().next();
        String seen = row.getString(0);
        if (!r.up) {
            LOG.infof("read replica %s answers at data version %s%s", r.name, seen,
                    Boolean.TRUE.equals(row.getBoolean(1)) ? "" : " (not a standby)");
        }
        r.version = seen;
        r.up = true;
    }

    synchronized void close(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        if (replicas != null) {
            replicas.forEach(r -> {
                r.pool.close();
                r.streaming.close();
            });
        }
    }
}
