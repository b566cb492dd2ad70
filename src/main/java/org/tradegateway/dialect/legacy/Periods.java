package org.tradegateway.dialect.legacy;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import org.tradegateway.core.Period;

/** The {@code periodDesc} text: "2013" for a year, "January 2011" for a month. */
final class Periods {
    private Periods() {
    }

    static String describe(int period) {
        if (!Period.isMonth(period)) {
            return Integer.toString(period);
        }
        return Month.of(Period.month(period)).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                + Period.year(period);
    }
}
