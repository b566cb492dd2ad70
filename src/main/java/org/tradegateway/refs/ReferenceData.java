package org.tradegateway.refs;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The reference lists shipped with the gateway (areas, classification trees, units, regimes), read once. */
public final class ReferenceData {
    private static volatile ReferenceData instance;
    private static final CommodityList EMPTY = CommodityList.builder(Classification.HS).build();

    private final Map<Integer, Area> areas;
    private final Map<Classification, CommodityList> commodities;
    /** Quantity unit texts by code, looked up for every row of an answer. */
    private final String[] unitsByCode;
    private final Map<Integer, String> tradeRegimes;

    private ReferenceData(Map<Integer, Area> areas, Map<Classification, CommodityList> commodities,
                          Map<Integer, String> quantityUnits, Map<Integer, String> tradeRegimes) {
        this.areas = areas;
        this.commodities = commodities;
        this.unitsByCode = new String[quantityUnits.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1];
        quantityUnits.forEach((code, text) -> {
            if (code >= 0) {
                unitsByCode[code] = text;
            }
        });
        this.tradeRegimes = tradeRegimes;
    }

    /** The shared instance, read from the classpath on first use. */
    public static ReferenceData get() {
        ReferenceData data = instance;
        if (data == null) {
            synchronized (ReferenceData.class) {
                data = instance;
                if (data == null) {
                    data = load();
                    instance = data;
                }
            }
        }
        return data;
    }

    private static ReferenceData load() {
        Map<Integer, Area> areas = new LinkedHashMap<>();
        for (String[] r : ReferenceFiles.rows(ReferenceFiles.AREAS)) {
            int code = Integer.parseInt(r[0]);
            areas.put(code, new Area(code, r[1], r[2], r[3], "1".equals(r[4]), "1".equals(r[5]), "1".equals(r[6]),
                    intOrNull(r[7]), intOrNull(r[8])));
        }
        Map<Classification, CommodityList.Builder> lists = new EnumMap<>(Classification.class);
        ReferenceFiles.forEachRow(ReferenceFiles.CLASSIFICATIONS, r -> lists
                .computeIfAbsent(Classification.valueOf(r[0]), CommodityList::builder)
                .add(r[1], r[2], r[3].isEmpty() ? null : r[3], Integer.parseInt(r[4]), "1".equals(r[5]),
                        Integer.parseInt(r[6]), r[7]));
        Map<Classification, CommodityList> trees = new EnumMap<>(Classification.class);
        lists.forEach((cls, list) -> trees.put(cls, list.build()));
        Map<Integer, String> units = new HashMap<>();
        for (String[] r : ReferenceFiles.rows(ReferenceFiles.QUANTITY_UNITS)) {
            units.put(Integer.parseInt(r[0]), r[1]);
        }
        Map<Integer, String> regimes = new HashMap<>();
        for (String[] r : ReferenceFiles.rows(ReferenceFiles.TRADE_REGIMES)) {
            regimes.put(Integer.parseInt(r[0]), r[1]);
        }
        return new ReferenceData(Collections.unmodifiableMap(areas), trees, units, regimes);
    }

    private static Integer intOrNull(String s) {
        return s == null || s.isEmpty() ? null : Integer.valueOf(s);
    }

    public Optional<Area> area(int code) {
        return Optional.ofNullable(areas.get(code));
    }

    public Map<Integer, Area> areas() {
        return areas;
    }

    public Optional<Commodity> commodity(Classification classification, String code) {
        CommodityList list = commodities.get(classification);
        int i = list == null ? -1 : list.indexOf(code);
        return i < 0 ? Optional.empty() : Optional.of(list.get(i));
    }

    /** The codes of one classification, in file order (TOTAL, then depth-first as published). */
    public CommodityList tree(Classification classification) {
        return commodities.getOrDefault(classification, EMPTY);
    }

    /** The description of a quantity unit, or empty for a code the list does not have. */
    public String quantityUnitText(int code) {
        String text = code >= 0 && code < unitsByCode.length ? unitsByCode[code] : null;
        return text == null ? "" : text;
    }

    public Optional<String> tradeRegime(int code) {
        return Optional.ofNullable(tradeRegimes.get(code));
    }
}
