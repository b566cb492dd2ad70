package org.tradegateway.dialect.plus;

import java.util.HashMap;
import java.util.Map;
import org.tradegateway.refs.ReferenceFiles;

/**
 * The Comtrade+ words the stored rows do not hold: flow letters and names, customs procedure and transport mode
 * codes with their names, quantity unit abbreviations (-1 "N/A" where the store keeps the legacy 1 "No
 * Quantity"). One string per text, so that the encoders encode each once per answer.
 */
final class PlusNames {
    private static final String[] FLOW_CODES = {"", "M", "X", "RX", "RM"};
    private static final String[] FLOW_NAMES = {"", "Import", "Export", "Re-export", "Re-import"};
    /** The data API's own names of the totals (the reference lists say "TOTAL customs procedure codes"). */
    static final String CUSTOMS_TOTAL = "TOTAL CPC";
    static final String MOT_TOTAL = "TOTAL MOT";
    static final PlusNames SHIPPED = new PlusNames();
    private final Map<String, String> customs = new HashMap<>();
    private final Map<String, String> modes = new HashMap<>();
    private final Map<Integer, String> units = new HashMap<>();

    private PlusNames() {
        ReferenceFiles.forEachRow("plus_customs.csv", r -> customs.put(r[0], r[1]));
        ReferenceFiles.forEachRow("plus_modes_of_transport.csv", r -> modes.put(r[0], r[1]));
        ReferenceFiles.forEachRow("plus_quantity_units.csv", r -> units.put(Integer.parseInt(r[0].trim()), r[1]));
    }

    /** A stored classification as Comtrade+ names it: BEC Rev.4 is {@code B4}, every other keeps its name. */
    static String classificationCode(String stored) {
        return "BEC".equals(stored) ? "B4" : stored;
    }

    static String flowCode(int flow) {
        return flow >= 1 && flow < FLOW_CODES.length ? FLOW_CODES[flow] : "";
    }

    static String flowName(int flow) {
        return flow >= 1 && flow < FLOW_NAMES.length ? FLOW_NAMES[flow] : "";
    }

    /** The stored customs code ("" for the total) as Comtrade+ writes it. */
    static String customsCode(String stored) {
        return stored == null || stored.isEmpty() ? "C00" : stored;
    }

    String customsName(String stored) {
        return stored == null || stored.isEmpty() ? CUSTOMS_TOTAL : customs.getOrDefault(stored, "");
    }

    /** The stored transport mode ("" for the total) as Comtrade+ writes it: a number. */
    static int motCode(String stored) {
        if (stored == null || stored.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(stored.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    String motName(String stored) {
        return stored == null || stored.isEmpty() ? MOT_TOTAL : modes.getOrDefault(stored.trim(), "");
    }

    /** The stored unit (the legacy 1 for none) as Comtrade+ numbers it. */
    static int unitCode(Integer stored) {
        return stored == null || stored == 1 ? -1 : stored;
    }

    String unitAbbreviation(int plusCode) {
        return units.getOrDefault(plusCode, "");
    }
}
