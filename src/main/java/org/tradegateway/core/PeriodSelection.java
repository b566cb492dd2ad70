package org.tradegateway.core;

import java.util.List;

/** {@code ps}: explicit periods (years or YYYYMM, monthly years already expanded) or now / recent / all. */
public record PeriodSelection(Kind kind, List<Integer> periods) {
    /** How the periods are chosen. */
    public enum Kind {
        LIST, NOW, RECENT, ALL
    }

    /** How many of the latest periods a relative selection takes. */
    public int latest() {
        return switch (kind) {
            case NOW -> 1;
            case RECENT -> 5;
            default -> Integer.MAX_VALUE;
        };
    }
}
