package org.tradegateway.data;

import java.util.List;

/**
 * The reporters whose records for one (classification revision, period) answer a query; {@code fromFlows} when
 * their bilateral records below TOTAL are read from trade_flow and trade_flow_sum, and then {@code areas} are
 * every area of those flows (as exporter or importer): for every partner, the flow statements name them all, so
 * that a reporter's rows are read as one short index range per partner instead of filtering all its rows;
 * {@code original} false when the records were converted from another classification.
 */
public record Slice(String px, int period, List<Integer> reporters, boolean fromFlows, List<Integer> areas,
                    boolean original) {
    /**
     * What the records of this slice are, as the statement's last column: 1 when added up from flows, plus 2 when
     * converted from another classification.
     */
    public int provenance() {
        return (fromFlows ? 1 : 0) | (original ? 0 : 2);
    }
}
