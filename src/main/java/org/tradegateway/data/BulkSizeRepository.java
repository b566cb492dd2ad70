package org.tradegateway.data;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/** The measured sizes of bulk files (bulk_file_size), by fingerprint. */
@ApplicationScoped
public class BulkSizeRepository {
    /** Reporter code of the file of every reporter ({@code r=all}). */
    public static final int ALL_REPORTERS = -1;
    private final Pool pool;
    private final DatabaseGuard guard;

    public BulkSizeRepository(Pool pool, DatabaseGuard guard) {
        this.pool = pool;
        this.guard = guard;
    }

    /** One bulk file: what it holds. */
    public record FileKey(char type, char freq, String px, int reporter, int period) {
        /** The file of one loaded reporter and period, as the listing names it. */
        public static FileKey of(AvailabilityRepository.Availability a) {
            return new FileKey(a.type(), a.freq(), a.px(), a.reporter(), a.period());
        }
    }

    /**
     * What the bytes of a file depend on besides its key, as one text: the loaded data, the reference lists'
     * versions, and {@code format}, which names the writer and the runtime that compresses.
     */
    public Uni<String> fingerprint(String format) {
        return guard.call(() -> pool.query("SELECT (" + AvailabilityCache.VERSION_SQL + ") || '|' || coalesce((SELECT"
                + " string_agg(name || '@' || loaded_at, ',' ORDER BY name) FROM reference_version), '')").execute()
                .map(rows -> rows.iterator().next().getString(0) + "|" + format));
    }

    public Uni<Map<FileKey, Long>> sizes(String fingerprint) {
        return guard.call(() -> pool.preparedQuery("SELECT type, freq, px, reporter, period, size FROM bulk_file_size"
                + " WHERE fingerprint = $1").execute(Tuple.of(fingerprint)).map(rows -> {
                    Map<FileKey, Long> sizes = new HashMap<>();
                    for (Row r : rows) {
                        sizes.put(new FileKey(r.getString(0).charAt(0), r.getString(1).charAt(0), r.getString(2),
                                r.getShort(3), r.getInteger(4)), r.getLong(5));
                    }
                    return sizes;
                }));
    }

    /** Records a measured size, and forgets sizes of other fingerprints measured more than a day ago. */
    public Uni<Void> record(String fingerprint, FileKey key, long size) {
        return guard.call(() -> pool.preparedQuery("INSERT INTO bulk_file_size (fingerprint, type, freq, px, reporter,"
                + " period, size) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING")
                .execute(Tuple.from(java.util.List.of(fingerprint, String.valueOf(key.type()),
                        String.valueOf(key.freq()), key.px(), (short) key.reporter(), key.period(), size)))
                .flatMap(inserted -> pool.preparedQuery("DELETE FROM bulk_file_size WHERE fingerprint <> $1 AND"
                        + " measured_at < now() - interval '1 day'").execute(Tuple.of(fingerprint)))
                .replaceWithVoid());
    }

    /** Forgets one size that turned out wrong. */
    public Uni<Void> forget(String fingerprint, FileKey key) {
        return guard.call(() -> pool.preparedQuery("DELETE FROM bulk_file_size WHERE fingerprint = $1 AND type = $2 AND"
                + " freq = $3 AND px = $4 AND reporter = $5 AND period = $6").execute(Tuple.from(java.util.List.of(
                        fingerprint, String.valueOf(key.type()), String.valueOf(key.freq()), key.px(),
                        (short) key.reporter(), key.period()))).replaceWithVoid());
    }
}
