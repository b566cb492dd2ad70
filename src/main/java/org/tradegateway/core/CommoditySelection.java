package org.tradegateway.core;

import java.util.List;

/**
 * {@code cc}: explicit codes (TOTAL among them), whole digit levels (AG1..AG6), or ALL codes. Levels and codes
 * may be mixed ("cc=0101,AG2"). {@code codeLevels} are the aggregate levels of the explicit codes, so that every
 * selection can be narrowed by level first (the leading column of the fact index after the classification).
 */
public record CommoditySelection(boolean all, List<Integer> levels, List<String> codes, List<Integer> codeLevels) {

    /** Every aggregate level the selection can return. */
    public List<Integer> allLevels() {
        java.util.TreeSet<Integer> all = new java.util.TreeSet<>(levels);
        all.addAll(codeLevels);
        return List.copyOf(all);
    }
}
