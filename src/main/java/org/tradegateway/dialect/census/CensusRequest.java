package org.tradegateway.dialect.census;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tradegateway.core.QueryFailure;
import org.tradegateway.refs.ScheduleC.Country;
import org.tradegateway.refs.ScheduleC.Grouping;
import org.tradegateway.dialect.census.CensusVariables.Dataset;
import org.tradegateway.dialect.census.CensusVariables.Kind;
import org.tradegateway.dialect.census.CensusVariables.Variable;
import org.tradegateway.refs.Classification;
import org.tradegateway.refs.ScheduleC;
import org.tradegateway.refs.CommodityCatalog;

/**
 * A Census data request, parsed: the columns of the answer ({@code get=} in order, then the predicate variables
 * not among them, then {@code time} when it was given), the predicates every row must match, and the scope to read:
 * months, commodities and partners. Names are case-sensitive, as upstream's. Pure: no I/O.
 */
record CensusRequest(Dataset dataset, List<Variable> columns, List<Predicate> predicates, int fromMonth,
                     int toMonth, Commodities commodities, Partners partners) {

    static final int MAX_VARIABLES = 50;
    /** No month bound: every loaded month. */
    static final int OPEN_FROM = 0;
    static final int OPEN_TO = 999912;
    private static final Pattern MONTH = Pattern.compile("((?:19|20)\\d\\d)-(0[1-9]|1[0-2])");
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d");
    private static final Pattern RANGE = Pattern.compile("from\\s+(\\S+)(?:\\s+to\\s+(\\S+))?");

    /** A predicate: the row's value of the variable is one of these (a value ending in * matches a prefix). */
    record Predicate(Variable variable, List<String> values) {
        boolean matches(String value) {
            for (String wanted : values) {
                if (wanted.endsWith("*") ? value != null && value.startsWith(wanted.substring(0, wanted.length() - 1))
                        : wanted.equals(value)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The commodities to read: the total, whole levels (2, 4, 6 digits) and codes. Empty: nothing can match. */
    record Commodities(boolean total, List<Integer> levels, List<String> codes) {
        boolean empty() {
            return !total && levels.isEmpty() && codes.isEmpty();
        }
    }

    /**
     * The partners to read: every area, or these areas; the stored World partner for the total row; and which
     * groupings (all, or those asked for) to add up.
     */
    record Partners(boolean all, List<Integer> areas, boolean world, boolean allGroupings, List<Grouping> groupings) {
    }

    /** Whether any column is a value or quantity to date, which needs the year's earlier months too. */
    boolean toDate() {
        return columns.stream().anyMatch(v -> v.kind().toDate());
    }

    /**
     * @param query the parameters in the order the query string gives them (that order is the order of the
     *              appended columns), each with every value it was given
     */
    static CensusRequest parse(Dataset dataset, Map<String, List<String>> query, ScheduleC countries,
                               CommodityCatalog catalog) {
        String get = first(query, "get");
        if (get == null || get.isBlank()) {
            throw QueryFailure.invalid("the query needs get= with the variables to return, e.g."
                    + " get=CTY_CODE,CTY_NAME," + (dataset == Dataset.EXPORTS ? "ALL_VAL_MO" : "GEN_VAL_MO"));
        }
        String[] names = get.split(",", -1);
        if (names.length > MAX_VARIABLES) {
            throw QueryFailure.invalid("more than " + MAX_VARIABLES + " variables in get (" + names.length + ")");
        }
        Map<String, Variable> columns = new LinkedHashMap<>();
        for (String name : names) {
            Variable v = variable(dataset, name.trim());
            columns.putIfAbsent(v.name(), v);
        }
        List<Predicate> predicates = new ArrayList<>();
        String time = null;
        for (String name : query.keySet()) {
            if (CensusVariables.CONTROL.contains(name)) {
                continue;
            }
            if (name.equals("time")) {
                time = first(query, name).trim();
                continue;
            }
            Variable v = variable(dataset, name);
            List<String> values = new ArrayList<>();
            for (String value : query.get(name)) {
                values.add(value.trim());
            }
            predicates.add(new Predicate(v, List.copyOf(values)));
            columns.putIfAbsent(v.name(), v);
        }
        if (time != null) {
            columns.putIfAbsent("time", dataset.variables.get("time"));
        }
        int[] months = months(time, predicates);
        return new CensusRequest(dataset, List.copyOf(columns.values()), List.copyOf(predicates), months[0],
                months[1], commodities(dataset, predicates, catalog), partners(predicates, countries));
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Variable variable(Dataset dataset, String name) {
        Variable v = dataset.variables.get(name);
        if (v != null) {
            return v;
        }
        if (CensusVariables.NOT_SERVED.contains(name)) {
            throw QueryFailure.invalid("variable '" + name + "' is not served by this gateway: its tables do not"
                    + " hold it (variables.json lists what is served)");
        }
        throw QueryFailure.invalid("unknown variable '" + name + "'");
    }

    /** The months asked for, as YYYYMM bounds: from time=, else from YEAR=, else every month. */
    private static int[] months(String time, List<Predicate> predicates) {
        if (time != null) {
            Matcher range = RANGE.matcher(time);
            if (range.matches()) {
                int from = bound(range.group(1), true, time);
                int to = range.group(2) == null ? OPEN_TO : bound(range.group(2), false, time);
                if (from > to) {
                    throw QueryFailure.invalid("time '" + time + "' ends before it starts");
                }
                return new int[] {from, to};
            }
            return new int[] {bound(time, true, time), bound(time, false, time)};
        }
        for (Predicate p : predicates) {
            if (p.variable().kind() == Kind.YEAR) {
                TreeSet<Integer> years = new TreeSet<>();
                for (String value : p.values()) {
                    if (!YEAR.matcher(value).matches()) {
                        throw QueryFailure.invalid("YEAR '" + value + "' is not a year (YYYY)");
                    }
                    years.add(Integer.parseInt(value));
                }
                return new int[] {years.first() * 100 + 1, years.last() * 100 + 12};
            }
        }
        return new int[] {OPEN_FROM, OPEN_TO};
    }

    /** YYYY-MM as itself; YYYY as its first or last month. */
    private static int bound(String text, boolean start, String time) {
        Matcher m = MONTH.matcher(text);
        if (m.matches()) {
            return Integer.parseInt(m.group(1)) * 100 + Integer.parseInt(m.group(2));
        }
        if (YEAR.matcher(text).matches()) {
            return Integer.parseInt(text) * 100 + (start ? 1 : 12);
        }
        throw QueryFailure.invalid("time '" + time + "' is not YYYY-MM, YYYY or from YYYY-MM to YYYY-MM");
    }

    private static Commodities commodities(Dataset dataset, List<Predicate> predicates, CommodityCatalog catalog) {
        TreeSet<Integer> levels = new TreeSet<>();
        boolean levelTotal = false;
        Predicate codes = null;
        for (Predicate p : predicates) {
            if (p.variable().kind() == Kind.COMMODITY_LEVEL) {
                for (String value : p.values()) {
                    switch (value) {
                        case "HS2", "HS4", "HS6" -> levels.add(value.charAt(2) - '0');
                        case "-" -> levelTotal = true;
                        case "HS10" -> throw QueryFailure.invalid("COMM_LVL HS10 is not served by this gateway: its"
                                + " data goes down to six digits (HS2, HS4, HS6)");
                        default -> throw QueryFailure.invalid("COMM_LVL '" + value + "' is not HS2, HS4, HS6 or HS10");
                    }
                }
            } else if (p.variable().kind() == Kind.COMMODITY) {
                codes = p;
            }
        }
        if (codes == null) {
            boolean total = levels.isEmpty() || levelTotal;
            return new Commodities(total, List.copyOf(levels), List.of());
        }
        boolean total = false;
        TreeSet<String> selected = new TreeSet<>();
        for (String value : codes.values()) {
            if (value.equals("-")) {
                total = true;
            } else if (value.endsWith("*")) {
                String prefix = value.substring(0, value.length() - 1);
                for (String code : catalog.startingWith(Classification.HS, prefix)) {
                    if (levels.isEmpty() || levels.contains(code.length())) {
                        selected.add(code);
                    }
                }
            } else if (value.matches("\\d+")) {
                if (value.length() > 6) {
                    throw QueryFailure.invalid(dataset.commodity + " '" + value + "' has " + value.length()
                            + " digits: this gateway's data goes down to six digits (HS6)");
                }
                if (catalog.known(Classification.HS, value)) {
                    selected.add(value);
                }
            } else {
                throw QueryFailure.invalid(dataset.commodity + " '" + value + "' is not an HS code");
            }
        }
        return new Commodities(total, List.of(), List.copyOf(selected));
    }

    private static Partners partners(List<Predicate> predicates, ScheduleC countries) {
        List<String> asked = new ArrayList<>();
        for (Predicate p : predicates) {
            if (p.variable().kind() == Kind.COUNTRY_CODE) {
                asked.addAll(p.values());
            }
        }
        if (asked.isEmpty()) {
            for (Predicate p : predicates) {
                if (p.variable().kind() == Kind.COUNTRY_NAME) {
                    for (String name : p.values()) {
                        String code = countries.codeOfName(name);
                        if (code != null) {
                            asked.add(code);
                        }
                    }
                    if (asked.isEmpty()) {
                        return new Partners(false, List.of(), false, false, List.of());
                    }
                }
            }
        }
        if (asked.isEmpty()) {
            return new Partners(true, List.of(), true, true, List.of());
        }
        TreeSet<Integer> areas = new TreeSet<>();
        boolean world = false;
        List<Grouping> groupings = new ArrayList<>();
        for (String code : asked) {
            if (code.equals(ScheduleC.TOTAL_CODE)) {
                world = true;
                continue;
            }
            Grouping grouping = countries.grouping(code);
            if (grouping != null) {
                groupings.add(grouping);
                grouping.members().forEach(member -> areas.addAll(countries.country(member).areas()));
                continue;
            }
            Country country = countries.country(code);
            if (country != null) {
                areas.addAll(country.areas());
            }
        }
        return new Partners(false, List.copyOf(areas), world, false, List.copyOf(groupings));
    }
}
