package org.tradegateway.dialect.legacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import org.tradegateway.core.CommoditySelection;
import org.tradegateway.core.Frequency;
import org.tradegateway.core.PeriodSelection;
import org.tradegateway.core.QueryFailure;
import org.tradegateway.core.Selection;
import org.tradegateway.core.TradeQuery;
import org.tradegateway.core.TradeType;
import org.tradegateway.refs.Classification;
import org.tradegateway.refs.ReferenceData;

/**
 * Turns raw /api/get parameters into a {@link LegacyRequest}, or throws a {@link QueryFailure} with the
 * upstream status and message. Pure: no I/O beyond the in-memory reference lists.
 */
public final class QueryParser {
    static final int MAX_VALUE_LENGTH = 2000;
    private static final int MAX_CODES = 5;
    private static final int MAX_COMMODITIES = 20;
    private final ReferenceData refs;
    private final CommodityCodes commodityCodes;

    public QueryParser(ReferenceData refs) {
        this.refs = refs;
        this.commodityCodes = new CommodityCodes(refs);
    }

    /** The request checked against the shipped lists only (see the next). */
    public LegacyRequest parse(Map<String, String> raw, int maxCap) {
        return parse(raw, maxCap, code -> false);
    }

    /**
     * @param raw       parameters with lower-case names (first value of each)
     * @param maxCap    the largest {@code max} this caller may ask for
     * @param imported  whether the loaded data names an area code the shipped list lacks
     */
    public LegacyRequest parse(Map<String, String> raw, int maxCap, IntPredicate imported) {
        Params p = new Params(raw);
        char type = single(p.get("type", "C"), "CS", "trade type");
        char freq = single(p.get("freq", "A"), "AM", "frequency");
        Classification px = classification(p.get("px", type == 'S' ? "EB02" : "HS"), type);
        String r = p.get("r", "0");
        String pp = p.get("p", "all");
        String ps = p.get("ps", "now");
        checkAllCombination(isAll(r), isAll(pp), isAll(ps));
        Selection reporters = areas(r, "reporter", "reporters", imported);
        Selection partners = areas(pp, "partner", "partners", imported);
        PeriodSelection periods = periods(ps, freq == 'M');
        Selection flows = flows(p.get("rg", "all"));
        CommoditySelection commodities = commodityCodes.parse(p.get("cc", type == 'S' ? "ALL" : "AG2"), px,
                MAX_COMMODITIES);
        OutputFormat format = switch (p.get("fmt", "json").toLowerCase(Locale.ROOT)) {
            case "json" -> OutputFormat.JSON;
            case "csv" -> OutputFormat.CSV;
            case "xlsx" -> OutputFormat.XLSX;
            default -> throw QueryFailure.invalid(p.get("fmt", "") + " is an invalid format.");
        };
        int max = max(p.get("max", "500"), maxCap);
        Heading heading = switch (p.get("head", "H").toUpperCase(Locale.ROOT)) {
            case "H" -> Heading.H;
            case "M" -> Heading.M;
            default -> throw QueryFailure.invalid(p.get("head", "") + " is an invalid heading style.");
        };
        String imts = p.get("imts", "2010").toLowerCase(Locale.ROOT);
        if (!imts.equals("2010") && !imts.equals("orig")) {
            throw QueryFailure.invalid(imts + " is an invalid IMTS value.");
        }
        TradeQuery query = new TradeQuery(TradeType.ofCode(type), Frequency.ofCode(freq), px, reporters, partners,
                periods, flows, commodities, max);
        return new LegacyRequest(query, LegacyEncoding.of(format, heading, imts.equals("orig")));
    }

    /** Parameter values, blank treated as absent (the upstream default), overlong refused. */
    private record Params(Map<String, String> raw) {
        String get(String name, String fallback) {
            String v = raw.get(name);
            if (v == null || v.isBlank()) {
                return fallback;
            }
            if (v.length() > MAX_VALUE_LENGTH) {
                throw QueryFailure.invalid("The value of " + name + " is too long.");
            }
            return v.trim();
        }
    }

    static boolean isAll(String v) {
        return v.equalsIgnoreCase("all");
    }

    private static void checkAllCombination(boolean r, boolean p, boolean ps) {
        if (r && p) {
            throw QueryFailure.complex("Both 'all' reporters and 'all' partners may not be selected. Select a"
                    + " different reporter or partner.");
        }
        if (r && ps) {
            throw QueryFailure.complex("Both 'all' reporters and 'all' periods may not be selected. Select a"
                    + " different reporter or period.");
        }
        if (p && ps) {
            throw QueryFailure.complex("Both 'all' partners and 'all' periods may not be selected. Select a"
                    + " different partner or period.");
        }
    }

    private static char single(String value, String allowed, String what) {
        String v = value.toUpperCase(Locale.ROOT);
        if (v.length() != 1 || allowed.indexOf(v.charAt(0)) < 0) {
            throw QueryFailure.invalid(value + " is an invalid " + what + ".");
        }
        return v.charAt(0);
    }

    private static Classification classification(String value, char type) {
        Classification px = Classification.parse(value).orElseThrow(
                () -> QueryFailure.invalid(value + " is an invalid trade classification"));
        if (px.type() != type) {
            throw QueryFailure.invalid("Invalid classification for trade type.");
        }
        return px;
    }

    private Selection areas(String value, String what, String plural, IntPredicate imported) {
        if (isAll(value)) {
            return Selection.everything();
        }
        List<String> items = split(value);
        if (items.size() > MAX_CODES) {
            throw QueryFailure.complex("Too many " + plural + " selected.");
        }
        List<Integer> codes = new ArrayList<>();
        for (String item : items) {
            Integer code = number(item, 3);
            if (code == null || refs.area(code).isEmpty() && !imported.test(code)) {
                throw QueryFailure.invalid(item + " is an invalid " + what + " code.");
            }
            codes.add(code);
        }
        return Selection.of(codes);
    }

    private static PeriodSelection periods(String value, boolean monthly) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "now":
                return new PeriodSelection(PeriodSelection.Kind.NOW, List.of());
            case "recent":
                return new PeriodSelection(PeriodSelection.Kind.RECENT, List.of());
            case "all":
                return new PeriodSelection(PeriodSelection.Kind.ALL, List.of());
            default:
                break;
        }
        List<String> items = split(value);
        List<Integer> periods = new ArrayList<>();
        boolean wholeYear = false;
        for (String item : items) {
            Integer period = number(item, 6);
            boolean year = period != null && item.length() == 4 && period >= 1900 && period <= 2999;
            boolean month = period != null && item.length() == 6 && period / 100 >= 1900 && period / 100 <= 2999
                    && period % 100 >= 1 && period % 100 <= 12;
            if (!(year || (monthly && month))) {
                throw QueryFailure.invalid(item + " is an invalid period.");
            }
            if (year && monthly) {
                wholeYear = true;
                for (int m = 1; m <= 12; m++) {
                    periods.add(period * 100 + m);
                }
            } else {
                periods.add(period);
            }
        }
        if (monthly && ((wholeYear && items.size() > 1) || (!wholeYear && items.size() > MAX_CODES))) {
            throw QueryFailure.complex("Too many months selected.");
        }
        if (!monthly && items.size() > MAX_CODES) {
            throw QueryFailure.complex("Too many years selected.");
        }
        return new PeriodSelection(PeriodSelection.Kind.LIST, List.copyOf(new java.util.TreeSet<>(periods)));
    }

    private static Selection flows(String value) {
        if (isAll(value)) {
            return Selection.everything();
        }
        List<Integer> codes = new ArrayList<>();
        for (String item : split(value)) {
            Integer code = number(item, 1);
            if (code == null || code < 1 || code > 4) {
                throw QueryFailure.invalid(item + " is an invalid trade regime.");
            }
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return Selection.of(codes);
    }

    private static int max(String value, int cap) {
        Integer max = number(value, 9);
        if (max == null || max < 1) {
            throw QueryFailure.invalid(value + " is an invalid value for max.");
        }
        if (max > cap) {
            throw QueryFailure.tooLarge("Maximum resultset is: " + cap);
        }
        return max;
    }

    static List<String> split(String value) {
        List<String> items = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String item = part.trim();
            if (item.isEmpty()) {
                throw QueryFailure.invalid("'" + value + "' holds an empty code.");
            }
            items.add(item);
        }
        return items;
    }

    /** A non-negative ASCII number of at most {@code digits} digits, or null. */
    static Integer number(String s, int digits) {
        if (s.isEmpty() || s.length() > digits) {
            return null;
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
