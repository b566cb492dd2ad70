package org.tradegateway.output;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;

/** The {@code periodDesc} text: "2013" for a year, "January 2011" for a month. */
final class Periods {
    private Periods() {
    }

    static String describe(int period) {
        if (period <= 9999) {
            return Integer.toString(period);
        }
        return Month.of(period % 100).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + period / 100;
    }
}
