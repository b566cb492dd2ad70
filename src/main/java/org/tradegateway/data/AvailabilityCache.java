package org.tradegateway.data;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What is loaded (data_availability), held in memory with the data version it was read at. Answers are planned
 * on it and read the version again in their own query; a different version means an import or a drop happened,
 * and the answer is planned again on a fresh copy.
 */
@ApplicationScoped
public class AvailabilityCache {
    public static final String VERSION_SQL = "SELECT count(*) || ':' || coalesce(max(id), 0) FROM dataset";
    /**
     * A snapshot in one statement: the data version, then type, freq, px, reporter, period, from_flows and
     * is_original of each availability row (all null when nothing is loaded). The {@code query-sql} command reads
     * the same.
     */
    public static final String SNAPSHOT_SQL = "SELECT v.version, a.type, a.freq, a.px, a.reporter, a.period,"
            + " a.from_flows, a.is_original FROM (" + VERSION_SQL + ") v(version)"
            + " LEFT JOIN data_availability a ON true";
    private final Pool pool;
    private final DatabaseGuard guard;
    private volatile Snapshot snapshot;

    /** Whether records converted from another classification are answered ({@code trade.data.converted}). */
    private final boolean answerConverted;

    public AvailabilityCache(Pool pool, DatabaseGuard guard, ConvertedData converted) {
        this.pool = pool;
        this.guard = guard;
        this.answerConverted = converted.answered();
    }

    /** One availability row; {@code original} false for records converted from another classification. */
    public record Entry(char type, char freq, String px, int reporter, int period, boolean fromFlows,
                        boolean original) {
    }

    /**
     * The availability rows of one data version, also grouped by type, frequency and classification, and the
     * areas of each period's flows (every area of a flow dataset has a row of its own).
     */
    public record Snapshot(String version, List<Entry> entries, Map<Kind, List<Entry>> byKind,
                           Map<FlowPeriod, List<Integer>> flowAreas) {
        public Snapshot(String version, List<Entry> entries) {
            this(version, entries, entries.stream().collect(Collectors.groupingBy(
                    e -> new Kind(e.type(), e.freq(), e.px()), Collectors.toUnmodifiableList())),
                    entries.stream().filter(Entry::fromFlows).collect(Collectors.groupingBy(
                            e -> new FlowPeriod(new Kind(e.type(), e.freq(), e.px()), e.period()),
                            Collectors.collectingAndThen(Collectors.mapping(Entry::reporter, Collectors.toList()),
                                    codes -> codes.stream().sorted().distinct().toList()))));
        }

        /** The rows of one type, frequency and stored classification. */
        public List<Entry> of(char type, char freq, String px) {
            return byKind.getOrDefault(new Kind(type, freq, px), List.of());
        }

        /** Every area, exporter or importer, of the flows of one period (sorted; empty when it has none). */
        public List<Integer> flowAreas(char type, char freq, String px, int period) {
            return flowAreas.getOrDefault(new FlowPeriod(new Kind(type, freq, px), period), List.of());
        }
    }

    /** A period of one kind. */
    public record FlowPeriod(Kind kind, int period) {
    }

    /** Type, frequency and stored classification: what a query's availability is looked up by. */
    public record Kind(char type, char freq, String px) {
    }

    public Uni<Snapshot> current() {
        Snapshot s = snapshot;
        return s != null ? Uni.createFrom().item(s) : reload();
    }

    public Uni<Snapshot> reload() {
        return guard.call(() -> pool.query(SNAPSHOT_SQL).execute().map(rows -> {
            List<Entry> entries = new ArrayList<>();
            String version = "";
            for (Row r : rows) {
                version = r.getString(0);
                if (r.getString(1) != null && (answerConverted || r.getBoolean(7))) {
                    entries.add(new Entry(r.getString(1).charAt(0), r.getString(2).charAt(0), r.getString(3),
                            r.getShort(4), r.getInteger(5), r.getBoolean(6), r.getBoolean(7)));
                }
            }
            Snapshot fresh = new Snapshot(version, List.copyOf(entries));
            snapshot = fresh;
            return fresh;
        }));
    }

    /** The current data version, read from the database. */
    public Uni<String> version() {
        return guard.call(() -> pool.query(VERSION_SQL).execute().map(rows -> rows.iterator().next().getString(0)));
    }
}
