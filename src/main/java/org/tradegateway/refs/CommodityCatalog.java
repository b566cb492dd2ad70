package org.tradegateway.refs;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What the shipped classification lists say about commodity codes, for every dialect's parser: the digit levels a
 * classification has, whether a code exists, at which levels, and which codes start with a prefix. An "as
 * reported" classification (HS, ST) stands for every revision of it.
 */
public final class CommodityCatalog {
    private final ReferenceData refs;

    public CommodityCatalog(ReferenceData refs) {
        this.refs = refs;
    }

    /** The digit levels of a classification below its total (HS: 2, 4, 6). */
    public static List<Integer> levels(Classification px) {
        if (px.isHarmonizedSystem()) {
            return List.of(2, 4, 6);
        }
        return switch (px) {
            case S1, S2, S3, S4, ST -> List.of(1, 2, 3, 4, 5);
            case BEC -> List.of(1, 2, 3);
            default -> List.of();
        };
    }

    /** The classification itself and, for the "as reported" ones, every revision they stand for. */
    public static List<Classification> lists(Classification px) {
        return switch (px) {
            case HS -> List.of(Classification.HS, Classification.H0, Classification.H1, Classification.H2,
                    Classification.H3, Classification.H4, Classification.H5, Classification.H6);
            case ST -> List.of(Classification.ST, Classification.S1, Classification.S2, Classification.S3,
                    Classification.S4);
            default -> List.of(px);
        };
    }

    public boolean known(Classification px, String code) {
        return lists(px).stream().anyMatch(r -> refs.tree(r).contains(code));
    }

    /** The aggregate levels a code has in the lists of the classification. */
    public List<Integer> levelsOf(Classification px, String code) {
        List<Integer> found = new ArrayList<>();
        for (Classification r : lists(px)) {
            CommodityList tree = refs.tree(r);
            int i = tree.indexOf(code);
            if (i >= 0 && !found.contains(tree.aggrLevel(i))) {
                found.add(tree.aggrLevel(i));
            }
        }
        return found;
    }

    /** Every code (below the total) that starts with the prefix, in code order. */
    public List<String> startingWith(Classification px, String prefix) {
        TreeSet<String> found = new TreeSet<>();
        for (Classification r : lists(px)) {
            CommodityList tree = refs.tree(r);
            for (int i = 0; i < tree.size(); i++) {
                String code = tree.code(i);
                if (tree.aggrLevel(i) > 0 && code.startsWith(prefix)) {
                    found.add(code);
                }
            }
        }
        return List.copyOf(found);
    }
}
