package org.tradegateway.data;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tradegateway.core.TradeQuery;
import org.tradegateway.data.SlicePlanner.Available;

/** Reads availability and fact rows over the reactive pool; rows stream from a cursor inside a transaction. */
@ApplicationScoped
public class TradeRepository {
    /** Rows of a large answer read before its first byte is sent (and then per read while it streams). */
    static final int FIRST_FETCH = 1000;
    /**
     * Rows of a large answer read at a time after the first. Two fetches are held at a time (one read ahead), and
     * with 5,000 rows each they outlived the young generation of a 96 MB heap: 4-6 full collections per twelve
     * 100,000-row answers, none with 1,000, and the answers 10-25 % faster.
     */
    static final int NEXT_FETCH = 1000;
    private final Pool pool;
    private final DatabaseGuard guard;
    private final DatabasePoolCreator pools;
    private final ReadReplicas replicas;
    private volatile Pool streaming;

    public TradeRepository(Pool pool, DatabaseGuard guard, DatabasePoolCreator pools, ReadReplicas replicas) {
        this.pool = pool;
        this.guard = guard;
        this.pools = pools;
        this.replicas = replicas;
    }

    /** The pool of the statements read through a cursor (see {@link DatabasePoolCreator}). */
    private Pool streaming() {
        Pool p = streaming;
        if (p == null) {
            p = Pool.newInstance(pools.streaming());
            streaming = p;
        }
        return p;
    }

    /** The availability entries of a snapshot that match the query's type, frequency, classification and reporters. */
    public static List<Available> available(AvailabilityCache.Snapshot snapshot, TradeQuery query) {
        List<Available> result = new ArrayList<>();
        // "as reported" means the classifications the data came in, never a conversion
        boolean asReported = query.classification().asReported();
        for (String px : SlicePlanner.revisions(query.classification())) {
            for (AvailabilityCache.Entry e : snapshot.of(query.type().code(), query.frequency().code(), px)) {
                if ((e.original() || !asReported)
                        && (query.reporters().all() || query.reporters().codes().contains(e.reporter()))) {
                    result.add(new Available(e.px(), e.reporter(), e.period(), e.fromFlows(), e.original()));
                }
            }
        }
        return result;
    }

    /**
     * The first rows of an answer in one round trip, with the data version they were read at and, when the probe
     * was counted, the number of every matching record (else -1).
     */
    public record Probe(String dataVersion, List<Row> rows, long total) {
    }

    /**
     * The probe on a read replica that has replayed {@code version} (see {@link #onReplicaOrPrimary});
     * {@code counted}: the statement also counts every matching record (see {@link FactQuery#probeSql}).
     */
    public Uni<Probe> probe(FactQuery query, int limit, boolean counted, String version) {
        return onReplicaOrPrimary(version, core -> probeOn(core, query, limit, counted));
    }

    /** The data version and the number of every matching record of a query, read as the probe is. */
    public record Count(String dataVersion, long total) {
    }

    /** {@link FactQuery#countSql()}, on a read replica that has replayed {@code version} as the probe. */
    public Uni<Count> count(FactQuery query, String version) {
        return onReplicaOrPrimary(version, core -> Uni.createFrom().completionStage(() -> core.preparedQuery(
                query.countSql()).execute(query.tuple().getDelegate()).toCompletionStage()).map(rows -> {
                    Row row = rows.iterator().next();
                    return new Count(row.getString(0), row.getLong(1));
                }));
    }

    /**
     * A statement on a read replica that has replayed {@code version} when there is one, else on the primary
     * (always when {@code version} is null); a replica that fails as an outage hands the statement to the primary.
     */
    private <T> Uni<T> onReplicaOrPrimary(String version, Function<io.vertx.sqlclient.Pool, Uni<T>> statement) {
        return onReplicaOrPrimary(version, ReadReplicas.Replica::pool, pool.getDelegate(), statement);
    }

    /** {@link #onReplicaOrPrimary(String, Function)} on the pool of each server that {@code which} names. */
    private <T> Uni<T> onReplicaOrPrimary(String version, Function<ReadReplicas.Replica, io.vertx.sqlclient.Pool> which,
                                          io.vertx.sqlclient.Pool primary,
                                          Function<io.vertx.sqlclient.Pool, Uni<T>> statement) {
        return guard.call(() -> {
            ReadReplicas.Replica replica = replicas.pick(version);
            if (replica == null) {
                return statement.apply(primary);
            }
            return statement.apply(which.apply(replica)).onFailure(DatabaseGuard::isOutage).recoverWithUni(e -> {
                replicas.failed(replica, e);
                return statement.apply(primary);
            });
        });
    }

    private static Uni<Probe> probeOn(io.vertx.sqlclient.Pool core, FactQuery query, int limit, boolean counted) {
        int versionColumn = FactQuery.PROBE_VERSION_COLUMN + (counted ? 1 : 0);
        return Uni.createFrom().completionStage(() -> core.preparedQuery(query.probeSql(limit, counted))
                .execute(query.tuple().getDelegate()).toCompletionStage()).map(rows -> {
            List<Row> data = new ArrayList<>();
            String version = "";
            long total = counted ? 0 : -1;
            for (Row row : rows) {
                version = row.getString(versionColumn);
                if (row.getString(0) != null) {
                    data.add(row);
                    if (counted) {
                        total = row.getLong(FactQuery.PROBE_VERSION_COLUMN);
                    }
                }
            }
            return new Probe(version, data, total);
        });
    }

    /**
     * Opens a cursor over a large answer and reads its first rows ({@link StreamedRows}); the rest is read as it is
     * sent. The cursor holds a connection until {@link StreamedRows#close()}.
     */
    public Uni<StreamedRows> open(FactQuery query, int limit) {
        return open(query, limit, null);
    }

    /** {@link #open(FactQuery, int)} on a read replica that has replayed {@code version}, as the probe. */
    public Uni<StreamedRows> open(FactQuery query, int limit, String version) {
        return onReplicaOrPrimary(version, ReadReplicas.Replica::streaming, streaming().getDelegate(),
                core -> openOn(Pool.newInstance(core), query, limit));
    }

    private static Uni<StreamedRows> openOn(Pool on, FactQuery query, int limit) {
        return on.getConnection().flatMap(c -> c.begin()
                .flatMap(tx -> c.prepare(query.streamSql(limit)).flatMap(statement -> {
                    io.vertx.sqlclient.Cursor cursor = statement.cursor(query.tuple()).getDelegate();
                    return Uni.createFrom().completionStage(() -> cursor.read(FIRST_FETCH).toCompletionStage())
                            .map(first -> new StreamedRows(c, tx, cursor, first));
                }))
                .onFailure().call(c::close));
    }

    /**
     * Every row of a query, one list per fetch, read through the same cursor as a large answer only once the
     * lists are requested; the connection is given back when they end however they end.
     */
    public Multi<List<Row>> rows(FactQuery query, int limit) {
        return Multi.createFrom().resourceFromUni(() -> open(query, limit), StreamedRows::all)
                .withFinalizer(StreamedRows::close);
    }
}
