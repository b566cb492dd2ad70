package org.tradegateway.ingest.synthetic;

/**
 * Spreads a year's flow over its twelve months so that the months add up exactly to the year: a seasonal
 * pattern common to all trade (a slow February and August, a strong autumn), a draw of its own per flow and
 * month, and, for small flows, months without any trade (a small flow is a few shipments, not twelve). Every
 * draw is a hash of the flow and the month, so the split of one flow is the same whichever month is asked.
 */
final class MonthlySplit {
    /** Relative level of each month, January first (world merchandise trade has this shape). */
    static final double[] SEASON = {0.93, 0.88, 1.02, 0.99, 1.01, 1.00, 0.98, 0.94, 1.00, 1.07, 1.06, 1.03};
    private static final int STREAM = 40;
    private final Draws draws;

    MonthlySplit(Draws draws) {
        this.draws = draws;
    }

    /**
     * Whole units of {@code total} per month (index 0 = January), adding up to {@code total} exactly; months
     * without trade get 0.
     */
    long[] split(long total, int year, int exporter, int importer, int product) {
        double[] weight = new double[12];
        // a flow of a million dollars or more trades every month; smaller ones in fewer months
        double active = Math.min(1.0, 0.25 + 0.125 * Math.log10(Math.max(total, 1)));
        double sum = 0;
        int strongest = 0;
        for (int m = 0; m < 12; m++) {
            double w = SEASON[m] * Math.exp(0.3 * draws.normal(STREAM + m, year, exporter, importer, product));
            if (draws.uniform(STREAM + 12 + m, year, exporter, importer, product) > active) {
                w = 0;
            }
            weight[m] = w;
            sum += w;
            if (w > weight[strongest]) {
                strongest = m;
            }
        }
        if (sum == 0) {
            // no month drawn: the whole year falls in the month its own draw picks
            int m = (int) (draws.uniform(STREAM + 24, year, exporter, importer, product) * 12);
            weight[m] = 1;
            sum = 1;
            strongest = m;
        }
        return apportion(total, weight, sum, strongest);
    }

    /** Splits {@code total} by weight into whole units; the rounding difference goes to the strongest month. */
    static long[] apportion(long total, double[] weight, double sum, int strongest) {
        long[] parts = new long[weight.length];
        long given = 0;
        for (int m = 0; m < weight.length; m++) {
            parts[m] = (long) Math.floor(total * (weight[m] / sum));
            given += parts[m];
        }
        parts[strongest] += total - given;
        return parts;
    }

    /** The weights a split gave, for spreading the quantity in the same proportions as the value. */
    static long[] alongside(long total, long[] values) {
        double[] weight = new double[values.length];
        double sum = 0;
        int strongest = 0;
        for (int m = 0; m < values.length; m++) {
            weight[m] = values[m];
            sum += values[m];
            if (values[m] > values[strongest]) {
                strongest = m;
            }
        }
        return apportion(total, weight, sum, strongest);
    }
}
