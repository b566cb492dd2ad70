package org.tradegateway.dialect.census;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tradegateway.core.Flow;

/**
 * The variables of the {@code exports/hs} and {@code imports/hs} datasets that the gateway's tables fill, with
 * what each one is; and the Census variables they cannot fill, which are refused by name rather than answered
 * with numbers the tables do not hold.
 */
final class CensusVariables {
    private CensusVariables() {
    }

    /** What a variable holds. */
    enum Kind {
        COUNTRY_CODE, COUNTRY_NAME, COMMODITY, SHORT_DESCRIPTION, LONG_DESCRIPTION, VALUE_MONTH, VALUE_YEAR,
        QUANTITY_MONTH, QUANTITY_YEAR, UNIT, COMMODITY_LEVEL, SUMMARY_LEVEL, YEAR, MONTH, TIME;

        boolean toDate() {
            return this == VALUE_YEAR || this == QUANTITY_YEAR;
        }
    }

    /** One variable as {@code variables.json} describes it. */
    record Variable(String name, String label, String predicateType, Kind kind) {
    }

    /** The two datasets: which flow they read and the prefix of their commodity variables. */
    enum Dataset {
        EXPORTS("exports", Flow.EXPORT, "E_COMMODITY", "Exports"),
        IMPORTS("imports", Flow.IMPORT, "I_COMMODITY", "Imports");

        final String path;
        final Flow flow;
        final String commodity;
        final String title;
        final Map<String, Variable> variables;

        Dataset(String path, Flow flow, String commodity, String title) {
            this.path = path;
            this.flow = flow;
            this.commodity = commodity;
            this.title = title;
            this.variables = variables(this);
        }

        static Dataset of(String path) {
            for (Dataset d : values()) {
                if (d.path.equals(path)) {
                    return d;
                }
            }
            return null;
        }
    }

    /** Census variables of these datasets that the stored records cannot fill. */
    static final Set<String> NOT_SERVED = Set.of("QTY_1_MO_FLAG", "QTY_1_YR_FLAG", "QTY_2_MO", "QTY_2_MO_FLAG",
            "QTY_2_YR", "QTY_2_YR_FLAG", "UNIT_QY2", "AIR_VAL_MO", "AIR_VAL_YR", "AIR_WGT_MO", "AIR_WGT_YR",
            "VES_VAL_MO", "VES_VAL_YR", "VES_WGT_MO", "VES_WGT_YR", "CNT_VAL_MO", "CNT_VAL_YR", "CNT_WGT_MO",
            "CNT_WGT_YR", "DF", "DISTRICT", "DIST_NAME", "PORT", "PORT_NAME", "STATE", "NAICS", "LAST_UPDATE",
            "CAL_DUT_MO", "CAL_DUT_YR", "DUT_VAL_MO", "DUT_VAL_YR", "GEN_CHA_MO", "GEN_CHA_YR", "GEN_CIF_MO",
            "GEN_CIF_YR", "CON_CHA_MO", "CON_CHA_YR", "CON_CIF_MO", "CON_CIF_YR", "GEN_QY2_MO", "GEN_QY2_YR",
            "CON_QY2_MO", "CON_QY2_YR", "GEN_QY1_MO_FLAG", "GEN_QY1_YR_FLAG", "CON_QY1_MO_FLAG", "CON_QY1_YR_FLAG",
            "RP", "CTY_SUBCODE", "E_ENDUSE", "I_ENDUSE", "SITC", "HITECH", "USDA");

    private static Map<String, Variable> variables(Dataset d) {
        Map<String, Variable> v = new LinkedHashMap<>();
        add(v, "CTY_CODE", "Country code (Schedule C; \"-\" is the total for all countries, 0xxx and 1XXX..7XXX"
                + " are groupings)", "string", Kind.COUNTRY_CODE);
        add(v, "CTY_NAME", "Country name, upper case", "string", Kind.COUNTRY_NAME);
        String flow = d.title.toLowerCase(java.util.Locale.ROOT);
        add(v, d.commodity, "Commodity code (HS, 2, 4 or 6 digits; \"-\" is the total for all commodities)",
                "string", Kind.COMMODITY);
        add(v, d.commodity + "_SDESC", "Short description of the commodity code", "string",
                Kind.SHORT_DESCRIPTION);
        add(v, d.commodity + "_LDESC", "Long description of the commodity code", "string", Kind.LONG_DESCRIPTION);
        if (d.flow == Flow.EXPORT) { // the enum constants are not assigned yet while they are built
            add(v, "ALL_VAL_MO", "Total value of exports for the month, USD", "int", Kind.VALUE_MONTH);
            add(v, "ALL_VAL_YR", "Total value of exports for the year to date, USD", "int", Kind.VALUE_YEAR);
            add(v, "QTY_1_MO", "Quantity of exports for the month, in UNIT_QY1", "int", Kind.QUANTITY_MONTH);
            add(v, "QTY_1_YR", "Quantity of exports for the year to date, in UNIT_QY1", "int", Kind.QUANTITY_YEAR);
        } else {
            add(v, "GEN_VAL_MO", "General imports, total value for the month, USD", "int", Kind.VALUE_MONTH);
            add(v, "GEN_VAL_YR", "General imports, total value for the year to date, USD", "int", Kind.VALUE_YEAR);
            add(v, "CON_VAL_MO", "Imports for consumption, total value for the month, USD (the stored records do not"
                    + " tell the two apart: the same value as GEN_VAL_MO)", "int", Kind.VALUE_MONTH);
            add(v, "CON_VAL_YR", "Imports for consumption, total value for the year to date, USD (as GEN_VAL_YR)",
                    "int", Kind.VALUE_YEAR);
            add(v, "GEN_QY1_MO", "General imports, quantity for the month, in UNIT_QY1", "int",
                    Kind.QUANTITY_MONTH);
            add(v, "GEN_QY1_YR", "General imports, quantity for the year to date, in UNIT_QY1", "int",
                    Kind.QUANTITY_YEAR);
            add(v, "CON_QY1_MO", "Imports for consumption, quantity for the month (as GEN_QY1_MO)", "int",
                    Kind.QUANTITY_MONTH);
            add(v, "CON_QY1_YR", "Imports for consumption, quantity for the year to date (as GEN_QY1_YR)", "int",
                    Kind.QUANTITY_YEAR);
        }
        add(v, "UNIT_QY1", "Unit of the quantity (KG, NO, ...; X where the record has none)", "string", Kind.UNIT);
        add(v, "COMM_LVL", "Commodity level: HS2, HS4 or HS6 (\"-\" for the total)", "string",
                Kind.COMMODITY_LEVEL);
        add(v, "SUMMARY_LVL", "DET for a country, CGP for a grouping or the total", "string", Kind.SUMMARY_LEVEL);
        add(v, "YEAR", "Year", "int", Kind.YEAR);
        add(v, "MONTH", "Month, two digits", "string", Kind.MONTH);
        add(v, "time", "ISO-8601 date: YYYY-MM, YYYY, or from YYYY-MM to YYYY-MM", "string", Kind.TIME);
        return java.util.Collections.unmodifiableMap(v);
    }

    private static void add(Map<String, Variable> v, String name, String label, String type, Kind kind) {
        v.put(name, new Variable(name, label, type, kind));
    }

    /** The parameters that are not variables. */
    static final List<String> CONTROL = List.of("get", "key");
}
