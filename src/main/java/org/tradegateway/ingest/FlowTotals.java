package org.tradegateway.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tradegateway.refs.Classification;
import org.tradegateway.refs.CommodityCatalog;

/**
 * The aggregates of one period of directed flows, added up while the flows stream in: each country's exports
 * to and imports from the World per product code, and each pair's total. They become the legacy records that are
 * stored (World at every level of the classification and TOTAL, bilateral TOTAL in both views), emitted in the
 * order of the fact index so that building it is cheap (each pair's total is {@link PairTotals}). Kilograms are
 * summed over the flows that report them. The
 * bilateral sums above the finest level go to {@link BilateralSums} block by block. A flow whose code is shorter
 * than a level counts at its own level and above; a flow without a code (a converted product the table has no
 * target for) counts in the totals only. Queries rely on this being all a flow dataset stores besides its flows and
 * their sums ({@code FactQuery.storedRowsMayMatch}).
 */
final class FlowTotals implements AutoCloseable {
    private final int[] countryIndex = new int[Short.MAX_VALUE + 1];
    private final List<Integer> countries = new ArrayList<>();
    private final int[] productSlot = new int[1_000_000];
    private final Map<String, Integer> otherProducts = new HashMap<>();
    private final List<String> products = new ArrayList<>();
    private double[][] exportValue = new double[0][];
    private double[][] exportKg = new double[0][];
    private double[][] importValue = new double[0][];
    private double[][] importKg = new double[0][];
    private long[] leafRecords = new long[0];
    private final PairTotals pairs = new PairTotals();
    /** The (exporter, importer) key of the block of flows being read, or -1. */
    private int blockPair = -1;
    private final Map<Integer, Long> derivedRecords = new HashMap<>();
    private final BilateralSums sums;
    /** The classification's digit levels, coarsest first (HS: 2, 4, 6). */
    private final List<Integer> levels;
    private final int finest;

    FlowTotals(int datasetId, int period, String px) throws IOException {
        Arrays.fill(countryIndex, -1);
        Arrays.fill(productSlot, -1);
        levels = CommodityCatalog.levels(Classification.parse(px).orElseThrow(() -> new MalformedInputException(
                "'" + px + "' is not a classification flows can be stored in")));
        finest = levels.get(levels.size() - 1);
        sums = new BilateralSums(datasetId, period, px, levels);
    }

    /** The bilateral 4- and 2-digit sums written while the flows streamed. */
    BilateralSums sums() {
        closeBlock();
        return sums;
    }

    /** Deletes the file of the bilateral sums. */
    @Override
    public void close() {
        sums.close();
    }

    /** Adds a flow; {@code kg} is NaN when it has none. */
    void add(int exporter, int importer, String product, double value, double kg) {
        int code = BilateralSums.numericCode(product, finest);
        int p = product(product, code);
        int e = country(exporter);
        int i = country(importer);
        addTo(exportValue, exportKg, e, p, value, kg);
        addTo(importValue, importKg, i, p, value, kg);
        if (product.length() == finest) {
            leafRecords[e]++;
            leafRecords[i]++;
        }
        int key = exporter << 16 | importer;
        if (key != blockPair) {
            closeBlock();
            blockPair = key;
        }
        pairs.add(value, kg);
        sums.add(product, code, value, kg);
    }

    private int product(String product, int code) {
        if (code >= 0) {
            int slot = productSlot[code];
            if (slot < 0) {
                slot = products.size();
                products.add(product);
                productSlot[code] = slot;
            }
            return slot;
        }
        return otherProducts.computeIfAbsent(product, k -> {
            products.add(k);
            return products.size() - 1;
        });
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

    private void addTo(double[][] values, double[][] kgs, int c, int p, double value, double kg) {
        if (values[c] == null || values[c].length <= p) {
            int size = Math.max(p + 1, Math.max(64, products.size() + products.size() / 2));
            values[c] = grow(values[c], size, 0);
            kgs[c] = grow(kgs[c], size, Double.NaN);
        }
        values[c][p] += value;
        if (!Double.isNaN(kg)) {
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
        if (blockPair < 0) {
            return;
        }
        pairs.endBlock(blockPair);
        long n = sums.endBlock(blockPair >>> 16, blockPair & 0xffff);
        derivedRecords.merge(blockPair >>> 16, n, Long::sum);
        derivedRecords.merge(blockPair & 0xffff, n, Long::sum);
        blockPair = -1;
    }

    /**
     * Records served from trade_flow and trade_flow_sum for a country (both views): flows at the finest level
     * plus their bilateral sums above it. Exact when the flows came sorted by exporter and importer (see
     * {@link #derivedFromSql}).
     */
    long flowRecords(int code) {
        closeBlock();
        int idx = code < countryIndex.length ? countryIndex[code] : -1;
        return (idx < 0 ? 0 : leafRecords[idx]) + derivedRecords.getOrDefault(code, 0L);
    }

    /** Replaces the block counts by exact ones computed in SQL, for input that did not come sorted. */
    void derivedFromSql(Map<Integer, Long> counts) {
        closeBlock();
        derivedRecords.clear();
        derivedRecords.putAll(counts);
    }

    List<Integer> countries() {
        return countries;
    }

    /**
     * Emits the stored records in the order of the fact index (level, reporter, partner, flow, commodity):
     * TOTAL (World, then each partner), then the World rows at each level, coarsest first.
     */
    void emit(FactRow row, Consumer<FactRow> out) {
        closeBlock();
        List<Integer> reporters = new ArrayList<>(countries);
        reporters.sort(null);
        Map<Integer, List<double[]>> totalsByReporter = pairs.byReporter();
        Integer[] order = new Integer[products.size()];
        for (int p = 0; p < order.length; p++) {
            order[p] = p;
        }
        Arrays.sort(order, (a, b) -> products.get(a).compareTo(products.get(b)));
        for (int reporter : reporters) {
            int c = countryIndex[reporter];
            if (importValue[c] != null) {
                record(row, reporter, 1, 0, "TOTAL", 0, false, sum(importValue[c], importKg[c]), out);
            }
            if (exportValue[c] != null) {
                record(row, reporter, 2, 0, "TOTAL", 0, false, sum(exportValue[c], exportKg[c]), out);
            }
            for (double[] pair : totalsByReporter.getOrDefault(reporter, List.of())) {
                record(row, reporter, (int) pair[1], (int) pair[0], "TOTAL", 0, false,
                        new double[] {pair[2], pair[3]}, out);
            }
        }
        for (int level : levels) {
            for (int reporter : reporters) {
                int c = countryIndex[reporter];
                emitLevel(row, reporter, 1, level, importValue[c], importKg[c], order, out);
                emitLevel(row, reporter, 2, level, exportValue[c], exportKg[c], order, out);
            }
        }
    }

    private void emitLevel(FactRow row, int reporter, int flow, int level, double[] values, double[] kgs,
                           Integer[] order, Consumer<FactRow> out) {
        if (values == null) {
            return;
        }
        String current = null;
        double[] acc = {0, Double.NaN};
        boolean leaf = true; // whether every product of the current code has it as its own (no finer code)
        for (int p : order) {
            String product = products.get(p);
            if (p >= values.length || (values[p] == 0 && Double.isNaN(kgs[p])) || product.length() < level) {
                continue;
            }
            String code = product.substring(0, level);
            if (!code.equals(current)) {
                if (current != null) {
                    record(row, reporter, flow, 0, current, level, leaf, acc, out);
                }
                current = code;
                acc = new double[] {0, Double.NaN};
                leaf = true;
            }
            leaf &= product.length() == level;
            accumulate(acc, values[p], kgs[p]);
        }
        if (current != null) {
            record(row, reporter, flow, 0, current, level, leaf, acc, out);
        }
    }

    private static double[] sum(double[] values, double[] kgs) {
        double[] total = {0, Double.NaN};
        for (int p = 0; p < values.length; p++) {
            accumulate(total, values[p], kgs[p]);
        }
        return total;
    }

    private static void accumulate(double[] into, double value, double kg) {
        into[0] += value;
        if (!Double.isNaN(kg)) {
            into[1] = Double.isNaN(into[1]) ? kg : into[1] + kg;
        }
    }

    private static void record(FactRow row, int reporter, int flow, int partner, String commodity, int level,
                               boolean leaf, double[] totals, Consumer<FactRow> out) {
        Double weight = Double.isNaN(totals[1]) ? null : totals[1];
        row.reporter = reporter;
        row.flow = flow;
        row.partner = partner;
        row.commodity = commodity;
        row.aggrLevel = level;
        row.leaf = leaf;
        row.qtCode = leaf && weight != null ? 8 : 1;
        row.tradeQuantity = leaf ? weight : null;
        row.netWeight = weight;
        row.tradeValue = totals[0];
        row.fobValue = totals[0];
        out.accept(row);
    }
}
