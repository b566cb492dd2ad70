package org.tradegateway.ingest.synthetic;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tradegateway.refs.Classification;

/**
 * A deterministic BACI-like generator (data-plan section 5): gravity pair totals fitted to world exports by
 * iterative proportional fitting, a logistic extensive margin solved for the row target, nested product choice,
 * heavy-tailed values and unit-value based weights. Rows come out sorted by (year, exporter, importer, product).
 * {@link MonthlyFlows} gives a year month by month, the months adding up to it.
 */
public final class SyntheticGenerator {

    /** Receives generated flows: value in USD, quantity in kilograms (null when "not reported"). */
    public interface FlowConsumer {
        void accept(int year, int exporter, int importer, String product, double valueUsd, Double kg)
                throws IOException;
    }

    /** World merchandise exports in USD tn (WTO/UNCTAD figures from the calibration notes), interpolated. */
    private static final double[][] WORLD_EXPORTS = {{1995, 5.2}, {2000, 6.4}, {2003, 7.5}, {2008, 16.1},
        {2009, 12.5}, {2010, 15.3}, {2011, 18.3}, {2012, 18.5}, {2013, 18.8}, {2014, 18.95}, {2015, 16.2},
        {2016, 16.0}, {2017, 17.7}, {2018, 19.6}, {2019, 19.0}, {2020, 17.58}, {2021, 22.4}, {2022, 24.9},
        {2023, 23.8}, {2024, 24.3}};
    private static final int[] RE_EXPORT_HUBS = {344, 702, 528, 56, 784};
    /**
     * Export shares of the world (%) of the largest exporters, interpolated between years: WTO figures for 2003,
     * 2015 and 2023 (calibration notes); the 1995 values are approximate.
     */
    private static final Map<Integer, double[][]> EXPORT_SHARES = Map.of(
            156, new double[][] {{1995, 3.0}, {2003, 5.8}, {2015, 14.0}, {2023, 14.2}},
            842, new double[][] {{1995, 11.5}, {2003, 9.6}, {2015, 9.0}, {2023, 8.5}},
            276, new double[][] {{1995, 10.0}, {2003, 10.0}, {2015, 8.0}, {2023, 7.1}},
            392, new double[][] {{1995, 8.5}, {2003, 6.3}, {2015, 4.0}, {2023, 3.0}},
            528, new double[][] {{2015, 3.0}, {2023, 3.9}});
    private static final int FULL_RANGE = 5000;

    private final Draws draws;
    private final Universe universe;
    private final long rowsPerYear;

    public SyntheticGenerator(long seed, Classification revision, long rowsPerYear) {
        this.draws = new Draws(seed);
        this.universe = new Universe(revision, draws);
        this.rowsPerYear = rowsPerYear;
    }

    static double worldExportsUsd(int year) {
        double[][] w = WORLD_EXPORTS;
        if (year <= w[0][0]) {
            return w[0][1] * 1e12 * 0.95;
        }
        for (int i = 1; i < w.length; i++) {
            if (year <= w[i][0]) {
                double f = (year - w[i - 1][0]) / (w[i][0] - w[i - 1][0]);
                return Math.exp(Math.log(w[i - 1][1]) * (1 - f) + Math.log(w[i][1]) * f) * 1e12 * 0.95;
            }
        }
        return w[w.length - 1][1] * 1e12 * 0.95;
    }

    public void generateYear(int year, FlowConsumer out) throws IOException {
        List<Country> active = universe.countries.stream().filter(c -> c.activeIn(year)).toList();
        int n = active.size();
        double world = worldExportsUsd(year);
        double[][] pair = pairTotals(active, year, world);
        int[] range = productRanges(active);
        double alpha = solveAlpha(pair, range);
        double median = medianPositive(pair);
        int products = universe.productCodes.length;
        Integer[] order = new Integer[products];
        double[] kappa = new double[products];
        for (int i = 0; i < n; i++) {
            Country exporter = active.get(i);
            for (int p = 0; p < products; p++) {
                order[p] = p;
                double sd = universe.resourceProducts[p] ? 2.5 : 1.5;
                kappa[p] = 0.4 * Math.log(universe.productWeights[p])
                        + sd * draws.normal(5, 0, exporter.code(), 0, universe.productKeys[p])
                        + draws.gumbel(6, 0, exporter.code(), 0, universe.productKeys[p]);
            }
            Arrays.sort(order, (a, b) -> Double.compare(kappa[b], kappa[a]));
            for (int j = 0; j < n; j++) {
                int count = productCount(pair[i][j], median, alpha, range[i]);
                if (count > 0) {
                    emitPair(year, exporter, active.get(j), pair[i][j], count, range[i], order, kappa, out);
                }
            }
        }
    }

    Draws draws() {
        return draws;
    }

    long rowsPerYear() {
        return rowsPerYear;
    }

    private void emitPair(int year, Country exporter, Country importer, double total, int count, int range,
                          Integer[] order, double[] kappa, FlowConsumer out) throws IOException {
        int candidates = Math.min(range, (int) Math.ceil(2.5 * count));
        int[] pick = new int[candidates];
        double[] score = new double[candidates];
        for (int c = 0; c < candidates; c++) {
            int p = order[c];
            pick[c] = p;
            int key = universe.productKeys[p];
            score[c] = kappa[p] + 0.7 * draws.gumbel(7, 0, exporter.code(), importer.code(), key)
                    + 0.3 * draws.gumbel(8, year, exporter.code(), importer.code(), key);
        }
        Integer[] idx = new Integer[candidates];
        for (int c = 0; c < candidates; c++) {
            idx[c] = c;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(score[b], score[a]));
        int[] chosen = new int[count];
        for (int c = 0; c < count; c++) {
            chosen[c] = pick[idx[c]];
        }
        Arrays.sort(chosen);
        double[] weight = new double[count];
        double sum = 0;
        for (int c = 0; c < count; c++) {
            int p = chosen[c];
            int key = universe.productKeys[p];
            weight[c] = universe.productWeights[p] * Math.exp(kappa[p] * 0.3
                    + 1.6 * draws.normal(9, 0, exporter.code(), importer.code(), key)
                    + 0.35 * draws.normal(10, year, exporter.code(), importer.code(), key));
            sum += weight[c];
        }
        for (int c = 0; c < count; c++) {
            int p = chosen[c];
            int key = universe.productKeys[p];
            double value = Math.rint(total * weight[c] / sum);
            if (value < 1) {
                continue;
            }
            Double kg = null;
            if (draws.uniform(11, year, exporter.code(), importer.code(), key) >= 0.02) {
                double unitValue = universe.unitValues[p]
                        * Math.exp(0.6 * draws.normal(12, year, exporter.code(), importer.code(), key));
                kg = Math.rint(value / unitValue);
            }
            out.accept(year, exporter.code(), importer.code(), universe.productCodes[p], value, kg);
        }
    }

    private double[][] pairTotals(List<Country> active, int year, double world) {
        int n = active.size();
        double[] supply = new double[n];
        double[] demand = new double[n];
        for (int i = 0; i < n; i++) {
            Country c = active.get(i);
            double hub = Arrays.stream(RE_EXPORT_HUBS).anyMatch(h -> h == c.code()) ? 2.0 : 1.0;
            supply[i] = Math.pow(c.gdp(), 0.9) * Math.exp(0.5 * draws.normal(13, 0, c.code(), 0, 0)) * hub;
            demand[i] = Math.pow(c.gdp(), 0.8) * Math.exp(0.3 * draws.normal(14, 0, c.code(), 0, 0));
        }
        anchor(active, supply, year, world);
        scale(demand, world);
        double[][] t = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                Country a = active.get(i);
                Country b = active.get(j);
                double[] d = universe.distance(a, b, draws);
                t[i][j] = supply[i] * demand[j] / Math.max(d[0], 10) * Math.exp(0.5 * d[1] + 0.3 * d[2] + 0.4 * d[3]
                        + draws.normal(15, 0, a.code(), b.code(), 0) + 0.15 * draws.normal(16, year, a.code(), b.code(), 0));
            }
        }
        for (int sweep = 0; sweep < 5; sweep++) {
            for (int i = 0; i < n; i++) {
                double row = Arrays.stream(t[i]).sum();
                for (int j = 0; j < n; j++) {
                    t[i][j] *= supply[i] / row;
                }
            }
            for (int j = 0; j < n; j++) {
                double col = 0;
                for (int i = 0; i < n; i++) {
                    col += t[i][j];
                }
                for (int i = 0; i < n; i++) {
                    t[i][j] *= demand[j] / col;
                }
            }
        }
        return t;
    }

    /** Scales exports to the world total with the anchored countries at their published shares. */
    private static void anchor(List<Country> active, double[] supply, int year, double world) {
        double anchored = 0;
        double free = 0;
        for (int i = 0; i < supply.length; i++) {
            double[][] shares = EXPORT_SHARES.get(active.get(i).code());
            if (shares != null) {
                supply[i] = -interpolate(shares, year) / 100 * world;
                anchored -= supply[i];
            } else {
                free += supply[i];
            }
        }
        double factor = (world - anchored) / free;
        for (int i = 0; i < supply.length; i++) {
            supply[i] = supply[i] < 0 ? -supply[i] : supply[i] * factor;
        }
    }

    static double interpolate(double[][] points, int year) {
        if (year <= points[0][0]) {
            return points[0][1];
        }
        for (int i = 1; i < points.length; i++) {
            if (year <= points[i][0]) {
                double f = (year - points[i - 1][0]) / (points[i][0] - points[i - 1][0]);
                return Math.exp(Math.log(points[i - 1][1]) * (1 - f) + Math.log(points[i][1]) * f);
            }
        }
        return points[points.length - 1][1];
    }

    private static void scale(double[] v, double total) {
        double sum = Arrays.stream(v).sum();
        for (int i = 0; i < v.length; i++) {
            v[i] *= total / sum;
        }
    }

    private int[] productRanges(List<Country> active) {
        int products = universe.productCodes.length;
        double[] gdps = active.stream().mapToDouble(Country::gdp).sorted().toArray();
        double reference = gdps[Math.max(0, gdps.length - 30)];
        int[] range = new int[active.size()];
        for (int i = 0; i < range.length; i++) {
            double r = FULL_RANGE * Math.pow(active.get(i).gdp() / reference, 0.35);
            range[i] = (int) Math.max(50, Math.min(products, r));
        }
        return range;
    }

    private static int productCount(double total, double median, double alpha, int range) {
        if (total <= 0) {
            return 0;
        }
        double share = 1 / (1 + Math.exp(-(alpha + 0.5 * Math.log(total / median))));
        return (int) Math.min(range, Math.round(FULL_RANGE * share));
    }

    private double solveAlpha(double[][] pair, int[] range) {
        double median = medianPositive(pair);
        double lo = -40;
        double hi = 10;
        for (int iteration = 0; iteration < 60; iteration++) {
            double mid = (lo + hi) / 2;
            long rows = 0;
            for (int i = 0; i < pair.length; i++) {
                for (int j = 0; j < pair.length; j++) {
                    rows += productCount(pair[i][j], median, mid, range[i]);
                }
            }
            if (rows < rowsPerYear) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private static double medianPositive(double[][] pair) {
        double[] values = Arrays.stream(pair).flatMapToDouble(Arrays::stream).filter(v -> v > 0).sorted().toArray();
        return values.length == 0 ? 1 : values[values.length / 2];
    }
}
