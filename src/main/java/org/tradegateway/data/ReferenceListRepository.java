package org.tradegateway.data;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

/**
 * When the reference lists last changed: the shipped files' load time, and for areas also the last import. The
 * last answer is kept, so that the shipped lists can still be dated while the database cannot be read.
 */
@ApplicationScoped
public class ReferenceListRepository {
    private final Pool pool;
    private final DatabaseGuard guard;
    private final OffsetDateTime started = OffsetDateTime.now();
    private volatile Changes last;

    public ReferenceListRepository(Pool pool, DatabaseGuard guard) {
        this.pool = pool;
        this.guard = guard;
    }

    /** When the shipped lists last changed, as last read (the gateway's start when it never could be read). */
    public OffsetDateTime classificationsChanged() {
        Changes known = last;
        return known == null || known.classifications() == null ? started : known.classifications();
    }

    /** Change times of the static lists and of the area lists, and the data version of the areas. */
    public record Changes(OffsetDateTime classifications, OffsetDateTime areas, String dataVersion) {
    }

    public Uni<Changes> changes() {
        return guard.call(() -> pool.query("SELECT (SELECT loaded_at FROM reference_version WHERE name = 'classifications.csv.gz'),"
                + " greatest((SELECT loaded_at FROM reference_version WHERE name = 'areas.csv'),"
                + " (SELECT max(imported_at) FROM dataset)), (" + AvailabilityCache.VERSION_SQL + ")").execute()
                .map(rows -> {
                    Row r = rows.iterator().next();
                    Changes read = new Changes(r.getOffsetDateTime(0), r.getOffsetDateTime(1), r.getString(2));
                    last = read;
                    return read;
                }));
    }
}
