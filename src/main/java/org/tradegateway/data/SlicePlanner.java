package org.tradegateway.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tradegateway.core.PeriodSelection;
import org.tradegateway.refs.Classification;

/**
 * Chooses what to read from what is available: for {@code px=HS} (or ST) the revision each reporter-period was
 * reported in (the newest loaded), for {@code ps=now}/{@code recent} the latest one or five periods.
 */
public final class SlicePlanner {
    private SlicePlanner() {
    }

    /** One available (classification, reporter, period); {@code original} false for converted records. */
    public record Available(String px, int reporter, int period, boolean fromFlows, boolean original) {
    }

    /** The stored revisions a query classification reads. */
    public static List<String> revisions(Classification px) {
        return switch (px) {
            case HS -> List.of("H0", "H1", "H2", "H3", "H4", "H5", "H6");
            case ST -> List.of("S1", "S2", "S3", "S4");
            default -> List.of(px.name());
        };
    }

    /** Every area of the flows of one (classification revision, period). */
    public interface FlowAreas {
        List<Integer> of(String px, int period);
    }

    /** The slices of a query over the available entries of its reporters. */
    public static List<Slice> plan(List<Available> available, PeriodSelection periods, FlowAreas flowAreas) {
        Map<Long, Available> chosen = new TreeMap<>();
        for (Available a : available) {
            if (periods.kind() == PeriodSelection.Kind.LIST && !periods.periods().contains(a.period())) {
                continue;
            }
            long key = (long) a.period() << 20 | a.reporter();
            Available current = chosen.get(key);
            if (current == null || current.px().compareTo(a.px()) < 0) {
                chosen.put(key, a);
            }
        }
        TreeSet<Integer> keep = new TreeSet<>(Comparator.reverseOrder());
        chosen.values().forEach(a -> keep.add(a.period()));
        List<Integer> latest = keep.stream().limit(periods.latest()).toList();
        Map<String, Map<Integer, List<Integer>>> grouped = new TreeMap<>();
        for (Available a : chosen.values()) {
            if (latest.contains(a.period())) {
                grouped.computeIfAbsent(a.px() + (a.fromFlows() ? "/flows" : "") + (a.original() ? "" : "/converted"),
                                k -> new TreeMap<>())
                        .computeIfAbsent(a.period(), k -> new ArrayList<>()).add(a.reporter());
            }
        }
        List<Slice> slices = new ArrayList<>();
        grouped.forEach((key, byPeriod) -> byPeriod.forEach((period, codes) -> {
            String px = key.replace("/flows", "").replace("/converted", "");
            boolean fromFlows = key.contains("/flows");
            slices.add(new Slice(px, period, List.copyOf(codes), fromFlows,
                    fromFlows ? flowAreas.of(px, period) : List.of(), !key.endsWith("/converted")));
        }));
        slices.sort(Comparator.comparingInt(Slice::period).thenComparing(Slice::px));
        return slices;
    }
}
