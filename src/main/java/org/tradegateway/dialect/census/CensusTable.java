package org.tradegateway.dialect.census;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tradegateway.core.FactRecord;
import org.tradegateway.core.Period;
import org.tradegateway.refs.ScheduleC.Country;
import org.tradegateway.refs.ScheduleC.Grouping;
import org.tradegateway.dialect.census.CensusRequest.Predicate;
import org.tradegateway.dialect.census.CensusVariables.Variable;
import org.tradegateway.output.Json;
import org.tradegateway.refs.ScheduleC;
import org.tradegateway.output.Utf8Builder;

/**
 * Turns the stored records of a Census request into its rows: one per partner (country, grouping or the total),
 * commodity and month. A country adds up the gateway's areas that stand for it, a grouping its members, the total
 * is the stored World partner; values to date add up the year's months up to the row's. Every value is written
 * as a string, one row per line, as upstream does.
 */
final class CensusTable {
    static final String ALL_COMMODITIES = "TOTAL FOR ALL COMMODITIES";
    private static final int SHORT_DESCRIPTION = 50;
    private static final int NO_QUANTITY = 1;
    private static final Map<Integer, String> UNITS = Map.ofEntries(Map.entry(2, "M2"), Map.entry(3, "MWH"),
            Map.entry(4, "M"), Map.entry(5, "NO"), Map.entry(6, "PRS"), Map.entry(7, "L"), Map.entry(8, "KG"),
            Map.entry(9, "THS"), Map.entry(10, "PK"), Map.entry(11, "DOZ"), Map.entry(12, "M3"),
            Map.entry(13, "CAR"), Map.entry(14, "KM"), Map.entry(15, "G"), Map.entry(19, "BBL"),
            Map.entry(21, "T"), Map.entry(22, "KWH"), Map.entry(24, "HD"));

    private CensusTable() {
    }

    /** Where a partner row stands: groupings, then regions, then countries, then the total. */
    private enum Rank {
        GROUPING, REGION, COUNTRY, TOTAL
    }

    private record Key(String partner, String commodity, int period) {
    }

    /** One row being added up. */
    private static final class Cell {
        final String partner;
        final String name;
        final Rank rank;
        final FactRecord first;
        final int period;
        double value;
        double quantity;
        int unit;
        boolean unitsDiffer;
        double valueToDate;
        double quantityToDate;

        Cell(String partner, String name, Rank rank, FactRecord first) {
            this.partner = partner;
            this.name = name;
            this.rank = rank;
            this.first = first;
            this.period = first.period();
            this.unit = first.quantityUnit();
        }

        void add(FactRecord r) {
            value += r.tradeValue();
            if (r.quantityUnit() != unit) {
                unitsDiffer = true;
            }
            if (r.quantity() != null) {
                quantity += r.quantity();
            }
        }

        boolean hasQuantity() {
            return !unitsDiffer && unit != NO_QUANTITY;
        }
    }

    /** The rows of the answer, header first; only the header when nothing matches. */
    static List<String[]> rows(CensusRequest request, ScheduleC countries, List<FactRecord> records) {
        CensusRequest.Partners partners = request.partners();
        Set<String> groupingsAsked = new HashSet<>();
        partners.groupings().forEach(g -> groupingsAsked.add(g.code()));
        Map<Key, Cell> cells = new HashMap<>();
        for (FactRecord r : records) {
            if (r.partner() == 0) {
                add(cells, ScheduleC.TOTAL_CODE, ScheduleC.TOTAL_NAME, Rank.TOTAL, r);
                continue;
            }
            Country country = countries.ofArea(r.partner());
            if (country == null) {
                continue; // an area that stands for no Schedule C country ("nes"): only in the total
            }
            add(cells, country.code(), country.name(), Rank.COUNTRY, r);
            for (Grouping g : countries.groupingsOf(country.code())) {
                if (partners.allGroupings() || groupingsAsked.contains(g.code())) {
                    add(cells, g.code(), g.name(), g.code().startsWith("0") ? Rank.GROUPING : Rank.REGION, r);
                }
            }
        }
        List<Cell> sorted = new ArrayList<>(cells.values());
        sorted.sort(Comparator.comparingInt((Cell c) -> c.period).thenComparing(c -> c.rank)
                .thenComparing(c -> c.partner).thenComparing(c -> c.first.level())
                .thenComparing(c -> c.first.commodity()));
        if (request.toDate()) {
            toDate(sorted);
        }
        List<Variable> columns = request.columns();
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[columns.size()];
        for (int i = 0; i < header.length; i++) {
            header[i] = columns.get(i).name();
        }
        rows.add(header);
        for (Cell cell : sorted) {
            if (cell.period < request.fromMonth() || cell.period > request.toMonth() || !matches(cell, request)) {
                continue;
            }
            String[] row = new String[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = value(cell, columns.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static void add(Map<Key, Cell> cells, String partner, String name, Rank rank, FactRecord r) {
        cells.computeIfAbsent(new Key(partner, r.commodity(), r.period()), k -> new Cell(partner, name, rank, r))
                .add(r);
    }

    /** Values to date: each row's own month and the months of its year before it (rows sorted by month). */
    private static void toDate(List<Cell> sorted) {
        Map<Key, double[]> running = new HashMap<>();
        for (Cell cell : sorted) {
            double[] sums = running.computeIfAbsent(new Key(cell.partner, cell.first.commodity(),
                    Period.year(cell.period)), k -> new double[2]);
            sums[0] += cell.value;
            sums[1] += cell.hasQuantity() ? cell.quantity : 0;
            cell.valueToDate = sums[0];
            cell.quantityToDate = sums[1];
        }
    }

    private static boolean matches(Cell cell, CensusRequest request) {
        for (Predicate p : request.predicates()) {
            if (!p.matches(value(cell, p.variable()))) {
                return false;
            }
        }
        return true;
    }

    private static String value(Cell cell, Variable variable) {
        FactRecord r = cell.first;
        boolean total = r.level() == 0;
        return switch (variable.kind()) {
            case COUNTRY_CODE -> cell.partner;
            case COUNTRY_NAME -> cell.name;
            case COMMODITY -> total ? "-" : r.commodity();
            case SHORT_DESCRIPTION -> total ? ALL_COMMODITIES : shortDescription(r.commodityDescription());
            case LONG_DESCRIPTION -> total ? ALL_COMMODITIES : r.commodityDescription();
            case VALUE_MONTH -> whole(cell.value);
            case VALUE_YEAR -> whole(cell.valueToDate);
            case QUANTITY_MONTH -> cell.hasQuantity() ? whole(cell.quantity) : "0";
            case QUANTITY_YEAR -> cell.hasQuantity() ? whole(cell.quantityToDate) : "0";
            case UNIT -> cell.hasQuantity() ? UNITS.getOrDefault(cell.unit, "X") : "X";
            case COMMODITY_LEVEL -> total ? "-" : "HS" + r.level();
            case SUMMARY_LEVEL -> cell.rank == Rank.COUNTRY ? "DET" : "CGP";
            case YEAR -> Integer.toString(Period.year(cell.period));
            case MONTH -> twoDigits(Period.month(cell.period));
            case TIME -> Period.year(cell.period) + "-" + twoDigits(Period.month(cell.period));
        };
    }

    private static String twoDigits(int month) {
        return month < 10 ? "0" + month : Integer.toString(month);
    }

    /** A value in whole units, as upstream writes them ("5765070418"). */
    static String whole(double value) {
        return Long.toString(Math.round(value));
    }

    /** Upper case and at most 50 characters, cut at a word where it can be. */
    static String shortDescription(String description) {
        String text = description == null ? "" : description.toUpperCase(Locale.ROOT).trim();
        if (text.length() <= SHORT_DESCRIPTION) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SHORT_DESCRIPTION);
        return text.substring(0, cut > SHORT_DESCRIPTION / 2 ? cut : SHORT_DESCRIPTION).trim();
    }

    /** The answer as upstream writes it: an array of arrays of strings, one row per line. */
    static Utf8Builder json(List<String[]> rows) {
        Utf8Builder sb = new Utf8Builder(64 + rows.size() * 64);
        sb.append('[');
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                sb.append(",\n");
            }
            sb.append('[');
            String[] row = rows.get(i);
            for (int j = 0; j < row.length; j++) {
                if (j > 0) {
                    sb.append(',');
                }
                if (row[j] == null) {
                    sb.append("null");
                } else {
                    Json.string(sb, row[j]);
                }
            }
            sb.append(']');
        }
        return sb.append(']');
    }
}
