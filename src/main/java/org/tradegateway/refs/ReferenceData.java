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

    private final Map<Integer, Area> areas;
    private final Map<Classification, Map<String, Commodity>> commodities;
    private final Map<Integer, String> quantityUnits;
    private final Map<Integer, String> tradeRegimes;

    private ReferenceData(Map<Integer, Area> areas, Map<Classification, Map<String, Commodity>> commodities,
                          Map<Integer, String> quantityUnits, Map<Integer, String> tradeRegimes) {
        this.areas = areas;
        this.commodities = commodities;
        this.quantityUnits = quantityUnits;
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
        Map<Classification, Map<String, Commodity>> trees = new EnumMap<>(Classification.class);
        for (String[] r : ReferenceFiles.rows(ReferenceFiles.CLASSIFICATIONS)) {
            Classification cls = Classification.valueOf(r[0]);
            Commodity c = new Commodity(cls, r[1], r[2], r[3].isEmpty() ? null : r[3], Integer.parseInt(r[4]),
                    "1".equals(r[5]), Integer.parseInt(r[6]), r[7]);
            trees.computeIfAbsent(cls, k -> new LinkedHashMap<>()).put(c.code(), c);
        }
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
        Map<String, Commodity> tree = commodities.get(classification);
        return tree == null ? Optional.empty() : Optional.ofNullable(tree.get(code));
    }

    /** The codes of one classification, in file order (TOTAL, then depth-first as published). */
    public Map<String, Commodity> tree(Classification classification) {
        return commodities.getOrDefault(classification, Map.of());
    }

    public Optional<String> quantityUnit(int code) {
        return Optional.ofNullable(quantityUnits.get(code));
    }

    public Optional<String> tradeRegime(int code) {
        return Optional.ofNullable(tradeRegimes.get(code));
    }
}
