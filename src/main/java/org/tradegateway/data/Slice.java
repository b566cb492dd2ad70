package org.tradegateway.data;

import java.util.List;

/**
 * The reporters whose records for one (classification revision, period) answer a query; {@code fromFlows} when
 * their bilateral records below TOTAL are read from trade_flow.
 */
public record Slice(String px, int period, List<Integer> reporters, boolean fromFlows) {
}
