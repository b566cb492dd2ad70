package org.tradegateway.core;

import java.util.List;

/** A list parameter that is either {@code all} or explicit values (r, p, rg). */
public record Selection(boolean all, List<Integer> codes) {
    public static Selection everything() {
        return new Selection(true, List.of());
    }

    public static Selection of(List<Integer> codes) {
        return new Selection(false, List.copyOf(codes));
    }
}
