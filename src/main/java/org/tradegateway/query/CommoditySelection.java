package org.tradegateway.query;

import java.util.List;

/**
 * {@code cc}: explicit codes (TOTAL among them), whole digit levels (AG1..AG6), or ALL codes. Levels and codes
 * may be mixed ("cc=0101,AG2").
 */
public record CommoditySelection(boolean all, List<Integer> levels, List<String> codes) {
}
