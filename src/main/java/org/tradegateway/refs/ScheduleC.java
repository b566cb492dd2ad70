package org.tradegateway.refs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The U.S. Census Bureau's Schedule C partners, as the Census International Trade API names them: the Schedule C countries (each mapped to the gateway's area codes through its
 * ISO code), the groupings with their members, and the total for all countries ({@code CTY_CODE "-"}). Read once
 * from {@code reference/census_countries.csv} and {@code reference/census_groupings.csv}.
 */
public final class ScheduleC {
    public static final String TOTAL_CODE = "-";
    public static final String TOTAL_NAME = "TOTAL FOR ALL COUNTRIES";

    /** A Schedule C country and the gateway's area codes that stand for it. */
    public record Country(String code, String name, String iso2, List<Integer> areas) {
    }

    /** A grouping row: its code (0xxx, or 1XXX..7XXX for a region), name, member countries and source. */
    public record Grouping(String code, String name, Set<String> members, String source) {
    }

    private final Map<String, Country> countries = new TreeMap<>();
    private final Map<Integer, Country> byArea = new HashMap<>();
    private final Map<String, Grouping> groupings = new TreeMap<>();
    private final Map<String, String> codeByName = new HashMap<>();
    private final Map<String, List<Grouping>> groupingsOf = new HashMap<>();

    private static final ScheduleC SHIPPED = new ScheduleC();

    public static ScheduleC shipped() {
        return SHIPPED;
    }

    private ScheduleC() {
        Map<String, String> byIso = new HashMap<>();
        for (String[] row : ReferenceFiles.rows("census_countries.csv")) {
            List<Integer> areas = new ArrayList<>();
            for (String area : row[3].trim().split(" ")) {
                if (!area.isEmpty()) {
                    areas.add(Integer.parseInt(area));
                }
            }
            Country country = new Country(row[0], row[1], row[2], List.copyOf(areas));
            countries.put(country.code(), country);
            areas.forEach(area -> byArea.putIfAbsent(area, country));
            byIso.put(country.iso2(), country.code());
            codeByName.put(country.name(), country.code());
        }
        for (String[] row : ReferenceFiles.rows("census_groupings.csv")) {
            Set<String> members = new LinkedHashSet<>();
            if (row[2].startsWith("schedule-c:")) {
                String digit = row[2].substring("schedule-c:".length());
                countries.keySet().stream().filter(code -> code.startsWith(digit)).forEach(members::add);
            } else {
                for (String iso : row[2].trim().split(" ")) {
                    String code = byIso.get(iso);
                    if (code == null) {
                        throw new IllegalStateException("grouping " + row[0] + " names " + iso
                                + ", which no Schedule C country has");
                    }
                    members.add(code);
                }
            }
            Grouping grouping = new Grouping(row[0], row[1], Collections.unmodifiableSet(members), row[3]);
            groupings.put(row[0], grouping);
            members.forEach(member -> groupingsOf.computeIfAbsent(member, k -> new ArrayList<>()).add(grouping));
            codeByName.put(row[1], row[0]);
        }
        codeByName.put(TOTAL_NAME, TOTAL_CODE);
    }

    /** The Schedule C country an area of the gateway's stands for, or null (areas "nes", territories of none). */
    public Country ofArea(int area) {
        return byArea.get(area);
    }

    public Country country(String code) {
        return countries.get(code);
    }

    public Grouping grouping(String code) {
        return groupings.get(code);
    }

    /** The groupings a country belongs to. */
    public List<Grouping> groupingsOf(String countryCode) {
        return groupingsOf.getOrDefault(countryCode, List.of());
    }

    /** Every country, by code. */
    public Iterable<Country> countries() {
        return countries.values();
    }

    /** Every grouping, by code (0xxx first, then the regions 1XXX..7XXX). */
    public Iterable<Grouping> groupings() {
        return groupings.values();
    }

    /** The code of a country, grouping or the total by its name as the API writes it (any case), or null. */
    public String codeOfName(String name) {
        return codeByName.get(name.toUpperCase(Locale.ROOT));
    }
}
