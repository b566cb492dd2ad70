package org.tradegateway.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each (exporter, importer) pair's total value and kilograms, added up block by block as the flows stream: sorted
 * input has one block per pair, other input several, merged when the totals are read. Kilograms are summed over
 * the flows that report them (NaN: none did).
 */
final class PairTotals {
    /** Finished blocks: key ({@code exporter << 16 | importer}), value, kg. */
    private long[] keys = new long[1024];
    private double[] values = new double[1024];
    private double[] kgs = new double[1024];
    private int count;
    private double blockValue;
    private double blockKg = Double.NaN;

    /** Adds a flow to the open block; {@code kg} is NaN when the flow has none. */
    void add(double value, double kg) {
        blockValue += value;
        if (!Double.isNaN(kg)) {
            blockKg = Double.isNaN(blockKg) ? kg : blockKg + kg;
        }
    }

    /** Ends the open block as the pair's ({@code exporter << 16 | importer}). */
    void endBlock(int key) {
        if (count == keys.length) {
            keys = Arrays.copyOf(keys, count * 2);
            values = Arrays.copyOf(values, count * 2);
            kgs = Arrays.copyOf(kgs, count * 2);
        }
        keys[count] = key;
        values[count] = blockValue;
        kgs[count] = blockKg;
        count++;
        blockValue = 0;
        blockKg = Double.NaN;
    }

    /** Per reporter: {partner, flow, value, kg} of its bilateral totals (both views), by partner then flow. */
    Map<Integer, List<double[]>> byReporter() {
        Map<Long, double[]> merged = new HashMap<>();
        for (int k = 0; k < count; k++) {
            double[] t = merged.computeIfAbsent(keys[k], x -> new double[] {0, Double.NaN});
            t[0] += values[k];
            if (!Double.isNaN(kgs[k])) {
                t[1] = Double.isNaN(t[1]) ? kgs[k] : t[1] + kgs[k];
            }
        }
        Map<Integer, List<double[]>> byReporter = new HashMap<>();
        merged.forEach((key, t) -> {
            int exporter = (int) (key >>> 16);
            int importer = (int) (key & 0xffff);
            byReporter.computeIfAbsent(exporter, x -> new ArrayList<>()).add(new double[] {importer, 2, t[0], t[1]});
            byReporter.computeIfAbsent(importer, x -> new ArrayList<>()).add(new double[] {exporter, 1, t[0], t[1]});
        });
        byReporter.values().forEach(list -> list.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0])
                : Double.compare(a[1], b[1])));
        return byReporter;
    }
}
