package org.tradegateway.dialect.legacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.tradegateway.core.CommoditySelection;
import org.tradegateway.core.QueryFailure;
import org.tradegateway.refs.Classification;
import org.tradegateway.refs.ReferenceData;

/** Validates {@code cc} against the classification: its codes, TOTAL, ALL and the AGn levels it has. */
final class CommodityCodes {
    private final ReferenceData refs;

    CommodityCodes(ReferenceData refs) {
        this.refs = refs;
    }

    /** The digit levels AGn offered by a classification (the legacy lists' specials). */
    static List<Integer> levels(Classification px) {
        if (px.isHarmonizedSystem()) {
            return List.of(2, 4, 6);
        }
        return switch (px) {
            case S1, S2, S3, S4, ST -> List.of(1, 2, 3, 4, 5);
            case BEC -> List.of(1, 2, 3);
            default -> List.of();
        };
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
                if (!levels(px).contains(level)) {
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

    /** The classification itself and, for the "as reported" ones, every revision they stand for. */
    private static List<Classification> lists(Classification px) {
        return switch (px) {
            case HS -> List.of(Classification.HS, Classification.H0, Classification.H1, Classification.H2,
                    Classification.H3, Classification.H4, Classification.H5, Classification.H6);
            case ST -> List.of(Classification.ST, Classification.S1, Classification.S2, Classification.S3,
                    Classification.S4);
            default -> List.of(px);
        };
    }

    private boolean known(Classification px, String code) {
        return lists(px).stream().anyMatch(r -> refs.tree(r).contains(code));
    }

    private List<Integer> levelsOf(Classification px, String code) {
        List<Integer> found = new ArrayList<>();
        for (Classification r : lists(px)) {
            int i = refs.tree(r).indexOf(code);
            if (i >= 0 && !found.contains(refs.tree(r).aggrLevel(i))) {
                found.add(refs.tree(r).aggrLevel(i));
            }
        }
        return found;
    }
}
