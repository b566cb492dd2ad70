package org.tradegateway.dialect.legacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.tradegateway.core.CommoditySelection;
import org.tradegateway.core.QueryFailure;
import org.tradegateway.refs.Classification;
import org.tradegateway.refs.CommodityCatalog;
import org.tradegateway.refs.ReferenceData;

/** Validates {@code cc} against the classification: its codes, TOTAL, ALL and the AGn levels it has. */
final class CommodityCodes {
    private final CommodityCatalog catalog;

    CommodityCodes(ReferenceData refs) {
        this.catalog = new CommodityCatalog(refs);
    }

    CommoditySelection parse(String value, Classification px, int maxCodes) {
        List<String> items = QueryParser.split(value);
        if (items.size() > maxCodes) {
            throw QueryFailure.complex("Too many commodity codes selected.");
        }
        boolean all = false;
        TreeSet<Integer> levels = new TreeSet<>();
        List<String> codes = new ArrayList<>();
        TreeSet<Integer> codeLevels = new TreeSet<>();
        for (String item : items) {
            String upper = item.toUpperCase(Locale.ROOT);
            if (upper.equals("ALL")) {
                all = true;
            } else if (upper.equals("TOTAL")) {
                codes.add(px == Classification.EB02 ? "200" : "TOTAL");
                codeLevels.add(0);
            } else if (upper.matches("AG[0-9]")) {
                int level = upper.charAt(2) - '0';
                if (!CommodityCatalog.levels(px).contains(level)) {
                    throw QueryFailure.invalid(item + " is an invalid commodity code.");
                }
                levels.add(level);
            } else if (known(px, upper)) {
                if (!codes.contains(upper)) {
                    codes.add(upper);
                }
                codeLevels.addAll(levelsOf(px, upper));
            } else {
                throw QueryFailure.invalid(item + " is an invalid commodity code.");
            }
        }
        return new CommoditySelection(all, List.copyOf(levels), List.copyOf(codes), List.copyOf(codeLevels));
    }

    private boolean known(Classification px, String code) {
        return catalog.known(px, code);
    }

    private List<Integer> levelsOf(Classification px, String code) {
        return catalog.levelsOf(px, code);
    }
}
