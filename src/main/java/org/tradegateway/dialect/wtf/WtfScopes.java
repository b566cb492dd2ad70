package org.tradegateway.dialect.wtf;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.tradegateway.core.QueryFailure;
import org.tradegateway.data.AvailabilityCache;
import org.tradegateway.refs.Classification;

/**
 * What a World Trade Flows request is answered from: the HS revision asked for or the newest loaded, its loaded
 * years and reporters, and the data version, derived from the availability once per data version and kept with it.
 */
@ApplicationScoped
public class WtfScopes {
    /** How many scopes (and, in {@link WtfViews}, years of ranks) are kept before all are dropped and read again. */
    static final int KEPT = 64;
    private final AvailabilityCache availability;
    /** The scopes of the data versions asked for lately, by version and revision ("newest" for the default). */
    private final Map<String, Scope> scopes = new ConcurrentHashMap<>();

    public WtfScopes(AvailabilityCache availability) {
        this.availability = availability;
    }

    /** What a request is answered from: the revision, its loaded years and reporters, and the data version. */
    record Scope(Classification px, NavigableSet<Integer> years, NavigableSet<Integer> reporters, String version) {
    }

    /**
     * The revision asked for ({@code hs=H0..H6}), else the newest revision loaded as annual goods flows; its loaded
     * years and reporters.
     */
    Uni<Scope> scope(String hs) {
        // the version is read each time (one short statement), so that an ETag is never that of older data
        return availability.version().flatMap(version -> availability.current().flatMap(kept ->
                kept.version().equals(version) ? Uni.createFrom().item(kept) : availability.reload())).map(snapshot -> {
            boolean newest = hs == null || hs.isBlank();
            String newestKey = snapshot.version() + "/newest";
            Scope kept = newest ? scopes.get(newestKey) : null;
            if (kept != null) {
                return kept;
            }
            Classification px = newest ? newestRevision(snapshot) : revision(hs);
            String key = snapshot.version() + "/" + px;
            kept = scopes.get(key);
            if (kept == null) {
                kept = of(snapshot, px);
                keep(key, kept);
            }
            if (newest) {
                keep(newestKey, kept);
            }
            return kept;
        });
    }

    private static Classification revision(String hs) {
        return Classification.parse(hs.trim()).filter(c -> c.isHarmonizedSystem() && c.isStoredRevision())
                .orElseThrow(() -> QueryFailure.invalid("hs '" + hs + "' is not an HS revision (H0 to H6)"));
    }

    /** The newest HS revision loaded as annual goods flows, else HS 2022 (whose views are then empty). */
    private static Classification newestRevision(AvailabilityCache.Snapshot snapshot) {
        Classification newest = null;
        for (AvailabilityCache.Entry e : snapshot.entries()) {
            Classification c = Classification.parse(e.px()).orElse(null);
            if (e.type() == 'C' && e.freq() == 'A' && e.fromFlows() && c != null && c.isHarmonizedSystem()
                    && (newest == null || c.compareTo(newest) > 0)) {
                newest = c;
            }
        }
        return newest == null ? Classification.H6 : newest;
    }

    private static Scope of(AvailabilityCache.Snapshot snapshot, Classification px) {
        TreeSet<Integer> years = new TreeSet<>();
        TreeSet<Integer> reporters = new TreeSet<>();
        for (AvailabilityCache.Entry e : snapshot.of('C', 'A', px.name())) {
            years.add(e.period());
            reporters.add(e.reporter());
        }
        return new Scope(px, Collections.unmodifiableNavigableSet(years),
                Collections.unmodifiableNavigableSet(reporters), snapshot.version());
    }

    private void keep(String key, Scope scope) {
        if (scopes.size() >= KEPT) {
            scopes.clear(); // older data versions go; the next request derives its scope again
        }
        scopes.put(key, scope);
    }
}
