package org.tradegateway.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The aggregates of one period of directed HS6 flows, added up while the flows stream in: each country's exports
 * to and imports from the World per HS6 code, and each pair's total. They become the legacy records that are
 * stored (World at 6, 4, 2 digits and TOTAL, bilateral TOTAL in both views); kilograms are summed over the flows
 * that report them.
 */
final class FlowTotals {
    private final int[] countryIndex = new int[Short.MAX_VALUE + 1];
    private final List<Integer> countries = new ArrayList<>();
    private final Map<String, Integer> productIndex = new HashMap<>();
    private final List<String> products = new ArrayList<>();
    private double[][] exportValue = new double[0][];
    private double[][] exportKg = new double[0][];
    private double[][] importValue = new double[0][];
    private double[][] importKg = new double[0][];
    private long[] leafRecords = new long[0];
    private final Map<Integer, double[]> pairs = new HashMap<>();
    /** Bilateral 4- and 2-digit records of each country, counted per (exporter, importer) block of sorted input. */
    private final Map<Integer, Long> derivedRecords = new HashMap<>();
    private int blockPair = -1;
    private final java.util.Set<String> blockCodes = new java.util.HashSet<>();

    FlowTotals() {
        Arrays.fill(countryIndex, -1);
    }

    void add(int exporter, int importer, String product, double value, Double kg) {
        int p = productIndex.computeIfAbsent(product, k -> {
            products.add(k);
            return products.size() - 1;
        });
        int e = country(exporter);
        int i = country(importer);
        addTo(exportValue, exportKg, e, p, value, kg);
        addTo(importValue, importKg, i, p, value, kg);
        leafRecords[e]++;
        leafRecords[i]++;
        int key = exporter << 16 | importer;
        if (key != blockPair) {
            closeBlock();
            blockPair = key;
        }
        blockCodes.add(product.substring(0, 4));
        blockCodes.add(product.substring(0, 2));
        double[] pair = pairs.computeIfAbsent(key, k -> new double[] {0, Double.NaN});
        pair[0] += value;
        if (kg != null) {
            pair[1] = Double.isNaN(pair[1]) ? kg : pair[1] + kg;
        }
    }

    private int country(int code) {
        int idx = countryIndex[code];
        if (idx < 0) {
            idx = countries.size();
            countries.add(code);
            countryIndex[code] = idx;
            exportValue = Arrays.copyOf(exportValue, idx + 1);
            exportKg = Arrays.copyOf(exportKg, idx + 1);
            importValue = Arrays.copyOf(importValue, idx + 1);
            importKg = Arrays.copyOf(importKg, idx + 1);
            leafRecords = Arrays.copyOf(leafRecords, idx + 1);
        }
        return idx;
    }

    private void addTo(double[][] values, double[][] kgs, int c, int p, double value, Double kg) {
        if (values[c] == null || values[c].length <= p) {
            int size = Math.max(p + 1, Math.max(64, products.size() + products.size() / 2));
            values[c] = grow(values[c], size, 0);
            kgs[c] = grow(kgs[c], size, Double.NaN);
        }
        values[c][p] += value;
        if (kg != null) {
            kgs[c][p] = Double.isNaN(kgs[c][p]) ? kg : kgs[c][p] + kg;
        }
    }

    private static double[] grow(double[] array, int size, double fill) {
        int from = array == null ? 0 : array.length;
        double[] bigger = array == null ? new double[size] : Arrays.copyOf(array, size);
        Arrays.fill(bigger, from, size, fill);
        return bigger;
    }

    private void closeBlock() {
        if (blockPair >= 0) {
            long n = blockCodes.size();
            derivedRecords.merge(blockPair >>> 16, n, Long::sum);
            derivedRecords.merge(blockPair & 0xffff, n, Long::sum);
            blockCodes.clear();
        }
    }

    /**
     * Records served from trade_flow for a country (both views): HS6 flows plus their bilateral 4- and 2-digit
     * aggregates. Exact when the flows came sorted by exporter and importer (see {@link #derivedFromSql}).
     */
    long flowRecords(int code) {
        closeBlock();
        blockPair = -1;
        int idx = code < countryIndex.length ? countryIndex[code] : -1;
        return (idx < 0 ? 0 : leafRecords[idx]) + derivedRecords.getOrDefault(code, 0L);
    }

    /** Replaces the block counts by exact ones computed in SQL, for input that did not come sorted. */
    void derivedFromSql(Map<Integer, Long> counts) {
        blockPair = -1;
        blockCodes.clear();
        derivedRecords.clear();
        derivedRecords.putAll(counts);
    }

    List<Integer> countries() {
        return countries;
    }

    /** Emits the stored records: World rows of every exporter and importer at each level, and pair totals. */
    void emit(FactRow row, Consumer<FactRow> out) {
        for (int c = 0; c < countries.size(); c++) {
            emitWorld(row, countries.get(c), 2, exportValue[c], exportKg[c], out);
            emitWorld(row, countries.get(c), 1, importValue[c], importKg[c], out);
        }
        for (Map.Entry<Integer, double[]> e : pairs.entrySet()) {
            int exporter = e.getKey() >>> 16;
            int importer = e.getKey() & 0xffff;
            double[] totals = e.getValue();
            record(row, exporter, 2, importer, "TOTAL", 0, totals[0], totals[1], out);
            record(row, importer, 1, exporter, "TOTAL", 0, totals[0], totals[1], out);
        }
    }

    private void emitWorld(FactRow row, int reporter, int flow, double[] values, double[] kgs, Consumer<FactRow> out) {
        if (values == null) {
            return;
        }
        Map<String, double[]> upper = new LinkedHashMap<>();
        double[] total = {0, Double.NaN};
        for (int p = 0; p < values.length && p < products.size(); p++) {
            if (values[p] == 0 && Double.isNaN(kgs[p])) {
                continue;
            }
            String product = products.get(p);
            record(row, reporter, flow, 0, product, 6, values[p], kgs[p], out);
            for (String code : new String[] {product.substring(0, 4), product.substring(0, 2)}) {
                accumulate(upper.computeIfAbsent(code, k -> new double[] {0, Double.NaN}), values[p], kgs[p]);
            }
            accumulate(total, values[p], kgs[p]);
        }
        for (Map.Entry<String, double[]> e : upper.entrySet()) {
            record(row, reporter, flow, 0, e.getKey(), e.getKey().length(), e.getValue()[0], e.getValue()[1], out);
        }
        record(row, reporter, flow, 0, "TOTAL", 0, total[0], total[1], out);
    }

    private static void accumulate(double[] into, double value, double kg) {
        into[0] += value;
        if (!Double.isNaN(kg)) {
            into[1] = Double.isNaN(into[1]) ? kg : into[1] + kg;
        }
    }

    private static void record(FactRow row, int reporter, int flow, int partner, String commodity, int level,
                               double value, double kg, Consumer<FactRow> out) {
        boolean leaf = level == 6;
        Double weight = Double.isNaN(kg) ? null : kg;
        row.reporter = reporter;
        row.flow = flow;
        row.partner = partner;
        row.commodity = commodity;
        row.aggrLevel = level;
        row.leaf = leaf;
        row.qtCode = leaf && weight != null ? 8 : 1;
        row.tradeQuantity = leaf ? weight : null;
        row.netWeight = weight;
        row.tradeValue = value;
        row.fobValue = value;
        out.accept(row);
    }
}
