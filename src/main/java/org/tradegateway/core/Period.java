package org.tradegateway.core;

/**
 * Periods as they are stored and carried through a query: a year as itself (2021), a month as year * 100 + month
 * (202103). Kept as a plain {@code int} on the row path (no object per row); this class is the one place that
 * knows the encoding.
 */
public final class Period {
    private Period() {
    }

    public static boolean isMonth(int period) {
        return period > 9999;
    }

    public static int year(int period) {
        return isMonth(period) ? period / 100 : period;
    }

    /** The month (1..12) of a monthly period. */
    public static int month(int period) {
        return period % 100;
    }

    public static int ofMonth(int year, int month) {
        return year * 100 + month;
    }

    public static Frequency frequency(int period) {
        return isMonth(period) ? Frequency.MONTHLY : Frequency.ANNUAL;
    }
}
