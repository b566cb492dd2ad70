package org.tradegateway.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bilateral sums of one period's directed flows at every level above the finest (HS: 4 and 2 digits; SITC: 4,
 * 3, 2 and 1; BEC: 2 and 1), added up one (exporter, importer) block at a time while flows sorted by pair stream
 * in, and written as rows of trade_flow_sum in COPY's binary format (no number to parse again) to a temporary file
 * (the import's connection is busy copying the flows meanwhile). One row per (exporter, importer, code) serves both
 * reporter views. Kilograms are summed over the flows that report them. A code shorter than a level (an SITC target
 * that is a 4-digit subgroup, or a BEC category with no subcategories) counts at its own level and above, not below
 * it. Rows of a block come by level, coarsest first, each level's codes ascending, so that a file of sorted flows is
 * sorted by (exporter, importer, level, product), the order of the partition's index. Flows that turn out unsorted
 * make the file useless: {@link #abandon} drops it and the sums are then computed in SQL.
 */
final class BilateralSums implements AutoCloseable {
    static final String COLUMNS = "dataset_id, period, px, exporter, importer, level, product, value, kg";

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private final int datasetId;
    private final int period;
    private final byte[] px;
    private final Path file;
    private CopyBinary out;
    private boolean usable = true;
    /** The digits of a code at the finest level (6 for HS): such codes are the flows' own. */
    private final int finest;
    /** The levels summed, coarsest first. */
    private final Level[] levels;

    /** The sums of one level in the current block: numeric codes in arrays, other codes in a sorted map. */
    private static final class Level {
        final int digits;
        final double[] value;
        final double[] kg;
        final boolean[] seen;
        final int[] touched;
        int touchedCount;
        final Map<String, double[]> other = new TreeMap<>();
        /** The code of each number as written, made when first written. */
        final byte[][] codes;

        Level(int digits, int size) {
            this.digits = digits;
            value = new double[size];
            kg = new double[size];
            seen = new boolean[size];
            touched = new int[size];
            codes = new byte[size][];
            Arrays.fill(kg, Double.NaN);
        }

        void add(int code, double v, double k) {
            if (!seen[code]) {
                seen[code] = true;
                touched[touchedCount++] = code;
            }
            value[code] += v;
            kg[code] = plus(kg[code], k);
        }

        void add(String code, double v, double k) {
            double[] s = other.computeIfAbsent(code, x -> new double[] {0, Double.NaN});
            s[0] += v;
            s[1] = plus(s[1], k);
        }

        byte[] code(int c) {
            byte[] code = codes[c];
            if (code == null) {
                code = new byte[digits];
                for (int k = digits - 1, n = c; k >= 0; k--, n /= 10) {
                    code[k] = (byte) ('0' + n % 10);
                }
                codes[c] = code;
            }
            return code;
        }

        void clear() {
            for (int i = 0; i < touchedCount; i++) {
                int c = touched[i];
                value[c] = 0;
                kg[c] = Double.NaN;
                seen[c] = false;
            }
            touchedCount = 0;
            other.clear();
        }
    }

    /** {@code levels}: the classification's digit levels, coarsest first (HS: 2, 4, 6). */
    BilateralSums(int datasetId, int period, String px, List<Integer> levels) throws IOException {
        this.finest = levels.get(levels.size() - 1);
        this.levels = new Level[levels.size() - 1];
        for (int i = 0; i < this.levels.length; i++) {
            int digits = levels.get(i);
            this.levels[i] = new Level(digits, (int) Math.pow(10, digits));
        }
        this.datasetId = datasetId;
        this.period = period;
        this.px = px.getBytes(StandardCharsets.UTF_8);
        this.file = Files.createTempFile("trade-flow-sums-", ".bin");
        this.out = new CopyBinary(Files.newOutputStream(file));
    }

    /** A numeric product code of {@code digits} digits as a number, or -1. */
    static int numericCode(String product, int digits) {
        return product.length() == digits ? Numbers.digits(product, 0, digits) : -1;
    }

    /**
     * Adds a flow of the current block; {@code code} is its digits as a number when it has the finest's, or -1;
     * {@code kg} is NaN when the flow has none.
     */
    void add(String product, int code, double value, double kg) {
        if (out == null) {
            return;
        }
        for (Level level : levels) {
            if (code >= 0) {
                level.add(code / POWERS[finest - level.digits], value, kg);
            } else if (product.length() >= level.digits) {
                int prefix = Numbers.digits(product, 0, level.digits);
                if (prefix >= 0) {
                    level.add(prefix, value, kg);
                } else {
                    level.add(product.substring(0, level.digits), value, kg);
                }
            }
        }
    }

    private static double plus(double sum, double kg) {
        return Double.isNaN(kg) ? sum : Double.isNaN(sum) ? kg : sum + kg;
    }

    /** Writes the sums of the block just ended and clears them; returns how many rows that block has. */
    long endBlock(int exporter, int importer) {
        long n = 0;
        for (Level level : levels) {
            n += level.touchedCount + level.other.size();
            if (out != null) {
                write(exporter, importer, level);
            }
            level.clear();
        }
        return n;
    }

    private void write(int exporter, int importer, Level level) {
        Arrays.sort(level.touched, 0, level.touchedCount);
        for (int i = 0; i < level.touchedCount; i++) {
            int c = level.touched[i];
            write(exporter, importer, level.digits, level.code(c), level.value[c], level.kg[c]);
        }
        for (Map.Entry<String, double[]> e : level.other.entrySet()) {
            write(exporter, importer, level.digits, e.getKey().getBytes(StandardCharsets.UTF_8), e.getValue()[0],
                    e.getValue()[1]);
        }
    }

    /** One row of trade_flow_sum in COPY's binary format; a NaN {@code kg} is null. */
    private void write(int exporter, int importer, int level, byte[] code, double value, double kg) {
        if (!Double.isFinite(value) || Double.isInfinite(kg)) {
            throw new MalformedInputException("a sum of the flows " + exporter + " to " + importer
                    + " is not a finite number");
        }
        out.row(9);
        out.int4(datasetId);
        out.int4(period);
        out.text(px);
        out.int2(exporter);
        out.int2(importer);
        out.int2(level);
        out.text(code);
        out.float8(value);
        out.float8OrNull(kg);
    }

    /** Whether the file holds every sum (the flows came sorted by pair). */
    boolean usable() {
        return usable;
    }

    /**
     * The written rows for {@code COPY ... (FORMAT binary)}; nothing more is written after this. The file stays
     * until {@link #close}.
     */
    InputStream rows() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
        return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    /** Stops writing: the flows are not sorted by pair, so the sums are computed in SQL instead. */
    void abandon() {
        usable = false;
        close();
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the file is deleted right away
            }
            out = null;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file the system cleans up in the end
        }
    }
}
