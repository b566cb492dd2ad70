package org.tradegateway.dialect.plus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import org.tradegateway.core.CommoditySelection;
import org.tradegateway.core.Flow;
import org.tradegateway.core.Frequency;
import org.tradegateway.core.PeriodSelection;
import org.tradegateway.core.QueryFailure;
import org.tradegateway.core.Selection;
import org.tradegateway.core.TradeQuery;
import org.tradegateway.core.TradeType;
import org.tradegateway.refs.Classification;
import org.tradegateway.refs.CommodityCatalog;
import org.tradegateway.refs.ReferenceData;

/**
 * Turns a Comtrade+ v1 data request (the path's type, frequency and classification, and the query parameters by
 * lower-case name) into a {@link TradeQuery} and its {@link PlusEncoding}, or a {@link QueryFailure} that names
 * the problem. Pure: no I/O beyond the in-memory reference lists.
 */
final class PlusParser {
    /** More codes than any client sends (comtradr's "all_countries" is about 300). */
    static final int MAX_CODES = 1000;
    private final ReferenceData refs;
    private final CommodityCatalog catalog;

    PlusParser(ReferenceData refs) {
        this.refs = refs;
        this.catalog = new CommodityCatalog(refs);
    }

    /** A parsed request: the query and how its answer is written. */
    record Request(TradeQuery query, PlusEncoding encoding) {
    }

    /**
     * @param cap      the most records this caller may get; more asked for are cut to it
     * @param imported whether the loaded data names an area code the shipped list lacks
     */
    Request parse(String typeCode, String freqCode, String clCode, Map<String, String> p, int cap,
                  IntPredicate imported) {
        TradeType type = type(typeCode);
        Frequency freq = frequency(freqCode);
        String searchCode = clCode.toUpperCase(Locale.ROOT);
        Classification px = classification(searchCode, type);
        Selection reporters = areas(p.get("reportercode"), "reporterCode", imported);
        Selection partners = areas(p.get("partnercode"), "partnerCode", imported);
        totalOnly(p.get("partner2code"), "partner2Code", "0");
        totalOnly(p.get("customscode"), "customsCode", "C00");
        totalOnly(p.get("motcode"), "motCode", "0");
        PeriodSelection periods = periods(p.get("period"), freq);
        Selection flows = flows(p.get("flowcode"));
        CommoditySelection commodities = commodities(p.get("cmdcode"), px);
        int max = maxRecords(p.get("maxrecords"), cap);
        String format = value(p.get("format"), "JSON").toUpperCase(Locale.ROOT);
        if (!format.equals("JSON") && !format.equals("CSV")) {
            throw QueryFailure.invalid("format '" + format + "' is not JSON or CSV.");
        }
        boolean includeDesc = bool(p.get("includedesc"), "includeDesc");
        boolean countOnly = bool(p.get("countonly"), "countOnly");
        TradeQuery query = new TradeQuery(type, freq, px, reporters, partners, periods, flows, commodities, max);
        return new Request(query, new PlusEncoding(format.equals("CSV"), includeDesc, countOnly, type.code(),
                freq.code(), searchCode));
    }

    static TradeType type(String typeCode) {
        return switch (typeCode.toUpperCase(Locale.ROOT)) {
            case "C" -> TradeType.GOODS;
            case "S" -> TradeType.SERVICES;
            default -> throw QueryFailure.invalid("typeCode '" + typeCode + "' is not C (goods) or S (services).");
        };
    }

    static Frequency frequency(String freqCode) {
        return switch (freqCode.toUpperCase(Locale.ROOT)) {
            case "A" -> Frequency.ANNUAL;
            case "M" -> Frequency.MONTHLY;
            default -> throw QueryFailure.invalid("freqCode '" + freqCode + "' is not A (annual) or M (monthly).");
        };
    }

    private static String value(String raw, String fallback) {
        return raw == null || raw.isBlank() ? fallback : raw.trim();
    }

    static List<String> list(String raw) {
        List<String> items = new ArrayList<>();
        for (String part : raw.split(",")) {
            if (!part.isBlank()) {
                items.add(part.trim());
            }
        }
        if (items.size() > MAX_CODES) {
            throw QueryFailure.complex("More than " + MAX_CODES + " codes in one parameter.");
        }
        return items;
    }

    static Classification classification(String code, TradeType type) {
        Classification px = switch (code) {
            case "EB", "EB02", "EB10", "EB10S" -> Classification.EB02;
            case "B4" -> Classification.BEC;
            case "B5" -> throw QueryFailure.invalid("clCode B5 (BEC Rev.5) is not served: BEC data is held as BEC"
                    + " Rev.4, clCode B4.");
            case "SS" -> Classification.ST;
            default -> Classification.parse(code).orElseThrow(() -> QueryFailure.invalid(
                    "clCode '" + code + "' is not a classification the gateway knows (HS, H0..H6, S1..S4, B4,"
                            + " EB02, EB)."));
        };
        if (px.type() != type.code()) {
            throw QueryFailure.invalid("clCode " + code + " is not a classification of typeCode " + type.code()
                    + ".");
        }
        return px;
    }

    private Selection areas(String raw, String name, IntPredicate imported) {
        if (raw == null || raw.isBlank() || raw.trim().equalsIgnoreCase("all")) {
            return Selection.everything();
        }
        // a code nothing names matches no record: left out, as a filter would (comtradr's default lists hold
        // about 300 codes, some of which a gateway's lists may lack); only a list of none such is refused
        TreeSet<Integer> codes = new TreeSet<>();
        List<String> unknown = new ArrayList<>();
        for (String item : list(raw)) {
            int code;
            try {
                code = Integer.parseInt(item);
            } catch (NumberFormatException e) {
                throw QueryFailure.invalid(name + " '" + item + "' is not a number.");
            }
            if (refs.area(code).isEmpty() && !imported.test(code)) {
                unknown.add(item);
            } else {
                codes.add(code);
            }
        }
        if (codes.isEmpty()) {
            throw QueryFailure.invalid(name + " " + String.join(",", unknown) + (unknown.size() == 1 ? " is not an"
                    + " area code" : " are not area codes") + " the gateway knows.");
        }
        return Selection.of(List.copyOf(codes));
    }

    /** The stored rows are totals over partner2, customs procedure and mode of transport: only those are asked. */
    private static void totalOnly(String raw, String name, String total) {
        if (raw == null || raw.isBlank()) {
            return;
        }
        for (String item : list(raw)) {
            if (!item.equalsIgnoreCase(total)) {
                throw QueryFailure.invalid(name + " " + item + " is not available: this gateway holds the totals ("
                        + name + "=" + total + ") only.");
            }
        }
    }

    private static PeriodSelection periods(String raw, Frequency freq) {
        if (raw == null || raw.isBlank()) {
            return new PeriodSelection(PeriodSelection.Kind.NOW, List.of());
        }
        TreeSet<Integer> periods = new TreeSet<>();
        for (String item : list(raw)) {
            boolean ok = freq == Frequency.ANNUAL ? item.matches("(19|20)\\d\\d")
                    : item.matches("(19|20)\\d\\d(0[1-9]|1[0-2])");
            if (!ok) {
                throw QueryFailure.invalid("period '" + item + "' is not a " + (freq == Frequency.ANNUAL ? "year (YYYY)"
                        : "month (YYYYMM)") + ".");
            }
            periods.add(Integer.parseInt(item));
        }
        return new PeriodSelection(PeriodSelection.Kind.LIST, List.copyOf(periods));
    }

    private static Selection flows(String raw) {
        if (raw == null || raw.isBlank()) {
            return Selection.everything();
        }
        TreeSet<Integer> codes = new TreeSet<>();
        for (String item : list(raw)) {
            Flow flow = Flow.ofPlusCode(item).orElseThrow(() -> QueryFailure.invalid("flowCode '" + item
                    + "' is not one the gateway holds (M, X, RM, RX)."));
            codes.add(flow.code());
        }
        return Selection.of(List.copyOf(codes));
    }

    private CommoditySelection commodities(String raw, Classification px) {
        List<String> items = list(value(raw, "TOTAL"));
        TreeSet<Integer> levels = new TreeSet<>();
        TreeSet<String> codes = new TreeSet<>();
        TreeSet<Integer> codeLevels = new TreeSet<>();
        for (String item : items) {
            String upper = item.toUpperCase(Locale.ROOT);
            if (upper.equals("TOTAL")) {
                codes.add(px == Classification.EB02 ? "200" : "TOTAL");
                codeLevels.add(0);
            } else if (upper.matches("AG[0-9]")) {
                int level = upper.charAt(2) - '0';
                if (!CommodityCatalog.levels(px).contains(level)) {
                    throw QueryFailure.invalid("cmdCode " + item + " is not a level of " + px + ".");
                }
                levels.add(level);
            } else if (upper.endsWith("*") && upper.length() > 1) {
                List<String> matching = catalog.startingWith(px, upper.substring(0, upper.length() - 1));
                if (matching.isEmpty()) {
                    throw QueryFailure.invalid("cmdCode " + item + " matches no code of " + px + ".");
                }
                for (String code : matching) {
                    codes.add(code);
                    codeLevels.addAll(catalog.levelsOf(px, code));
                }
            } else if (catalog.known(px, upper)) {
                codes.add(upper);
                codeLevels.addAll(catalog.levelsOf(px, upper));
            } else {
                throw QueryFailure.invalid("cmdCode " + item + " is not a code of " + px + ".");
            }
        }
        return new CommoditySelection(false, List.copyOf(levels), List.copyOf(codes), List.copyOf(codeLevels));
    }

    private static int maxRecords(String raw, int cap) {
        if (raw == null || raw.isBlank()) {
            return cap;
        }
        try {
            int max = Integer.parseInt(raw.trim());
            if (max < 1) {
                throw new NumberFormatException();
            }
            return Math.min(max, cap);
        } catch (NumberFormatException e) {
            throw QueryFailure.invalid("maxRecords '" + raw + "' is not a whole number above 0.");
        }
    }

    private static boolean bool(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw QueryFailure.invalid(name + " '" + raw + "' is not true or false.");
        };
    }
}
