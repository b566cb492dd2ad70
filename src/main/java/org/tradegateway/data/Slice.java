package org.tradegateway.data;

import java.util.List;

/**
 * The reporters whose records for one (classification revision, period) answer a query; {@code fromFlows} when
 * their bilateral records below TOTAL are read from trade_flow and trade_flow_sum, and then {@code areas} are
 * every area of those flows (as exporter or importer): for every partner, the flow statements name them all, so
 * that a reporter's rows are read as one short index range per partner instead of filtering all its rows.
 */
public record Slice(String px, int period, List<Integer> reporters, boolean fromFlows, List<Integer> areas) {
}
