package org.tradegateway.data;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.tradegateway.refs.Area;
import org.tradegateway.refs.ReferenceData;

/**
 * The one owner of reference data on the request path: the shipped lists ({@link #shipped()}: areas,
 * classifications, units, regimes, in memory) and the names the loaded data brought ({@link Labels}, per data
 * version: area titles, including areas only imported data names, and legacy commodity wording). It keeps the
 * labels in memory and reloads them when the loaded data changed: every answer's count query also reads the data
 * version (dataset count and newest id), so an import or a drop is seen by the next answer; and {@link #latest()}
 * reads them again once PostgreSQL has announced a change ({@link DataChanges}), so that what a request is checked
 * against (an area only imported data names) is what the database holds.
 */
@ApplicationScoped
public class ReferenceDirectory {
    private final Pool pool;
    private volatile Labels labels = new Labels("", Map.of(), Map.of());

    private final DatabaseGuard guard;
    private final DataChanges changes;
    private final ReferenceData shipped = ReferenceData.get();
    /** The change count when the labels in memory were read (-1: never). */
    private volatile long readAt = -1;

    public ReferenceDirectory(Pool pool, DatabaseGuard guard, DataChanges changes) {
        this.pool = pool;
        this.guard = guard;
        this.changes = changes;
    }

    /** The shipped reference lists. */
    public ReferenceData shipped() {
        return shipped;
    }

    /**
     * The labels as the database holds them now: those in memory while no change was announced since they were
     * read, else read again (always while changes cannot be heard). Those in memory when the database cannot be
     * read.
     */
    public Uni<Labels> latest() {
        Labels current = labels;
        long generation = changes.generation();
        if (changes.listening() && generation == readAt) {
            return Uni.createFrom().item(current);
        }
        return guard.call(() -> pool.query(AvailabilityCache.VERSION_SQL).execute())
                .flatMap(rows -> load(rows.iterator().next().getString(0), generation))
                .onFailure().recoverWithItem(current);
    }

    public Uni<Labels> at(String version) {
        Labels current = labels;
        if (current.version().equals(version)) {
            return Uni.createFrom().item(current);
        }
        return load(version, changes.generation());
    }

    /** Reads the labels, as of this data version and change count (both read before). */
    private Uni<Labels> load(String version, long generation) {
        Uni<Map<Integer, Area>> areas = pool.query("SELECT code, name, iso3, iso2, is_group, is_reporter, is_partner"
                + " FROM area").execute().map(rows -> {
                    Map<Integer, Area> loaded = new HashMap<>();
                    for (Row r : rows) {
                        int code = r.getShort(0);
                        loaded.put(code, new Area(code, r.getString(1), r.getString(2), r.getString(3),
                                r.getBoolean(4), r.getBoolean(5), r.getBoolean(6), null, null));
                    }
                    return Map.copyOf(loaded);
                });
        Uni<Map<String, Map<String, String>>> commodities = pool.query("SELECT px, code, description FROM"
                + " commodity_label").execute().map(rows -> {
                    Map<String, Map<String, String>> loaded = new HashMap<>();
                    for (Row r : rows) {
                        loaded.computeIfAbsent(r.getString(0), k -> new HashMap<>())
                                .put(r.getString(1), r.getString(2));
                    }
                    return Map.copyOf(loaded);
                });
        return guard.call(() -> Uni.combine().all().unis(areas, commodities).asTuple()).map(t -> {
            Labels fresh = new Labels(version, t.getItem1(), t.getItem2());
            labels = fresh;
            readAt = generation;
            return fresh;
        });
    }
}
