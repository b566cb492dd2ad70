package org.tradegateway.data;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

/** When the reference lists last changed: the shipped files' load time, and for areas also the last import. */
@ApplicationScoped
public class ReferenceListRepository {
    private final Pool pool;

    public ReferenceListRepository(Pool pool) {
        this.pool = pool;
    }

    /** Change times of the static lists and of the area lists, and the data version of the areas. */
    public record Changes(OffsetDateTime classifications, OffsetDateTime areas, String dataVersion) {
    }

    public Uni<Changes> changes() {
        return pool.query("SELECT (SELECT loaded_at FROM reference_version WHERE name = 'classifications.csv.gz'),"
                + " greatest((SELECT loaded_at FROM reference_version WHERE name = 'areas.csv'),"
                + " (SELECT max(imported_at) FROM dataset)), (" + AvailabilityCache.VERSION_SQL + ")").execute()
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new Changes(r.getOffsetDateTime(0), r.getOffsetDateTime(1), r.getString(2));
                });
    }
}
