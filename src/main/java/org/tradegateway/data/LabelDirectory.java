package org.tradegateway.data;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.tradegateway.refs.Area;

/**
 * Keeps {@link Labels} in memory and reloads them when the loaded data changed: every answer's count query also
 * reads the data version (dataset count and newest id), so an import or a drop is seen by the next answer.
 */
@ApplicationScoped
public class LabelDirectory {
    private final Pool pool;
    private volatile Labels labels = new Labels("", Map.of(), Map.of());

    private final DatabaseGuard guard;

    public LabelDirectory(Pool pool, DatabaseGuard guard) {
        this.pool = pool;
        this.guard = guard;
    }

    public Uni<Labels> at(String version) {
        Labels current = labels;
        if (current.version().equals(version)) {
            return Uni.createFrom().item(current);
        }
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
                        loaded.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(r.getString(1), r.getString(2));
                    }
                    return Map.copyOf(loaded);
                });
        return guard.call(() -> Uni.combine().all().unis(areas, commodities).asTuple()).map(t -> {
            Labels fresh = new Labels(version, t.getItem1(), t.getItem2());
            labels = fresh;
            return fresh;
        });
    }
}
