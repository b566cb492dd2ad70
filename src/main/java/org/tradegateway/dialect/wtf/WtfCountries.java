package org.tradegateway.dialect.wtf;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tradegateway.refs.Area;
import org.tradegateway.refs.ReferenceData;
import org.tradegateway.refs.ReferenceFiles;

/**
 * The countries of the World Trade Flows views: a display name, a stable slug (ASCII, lower-case kebab: {@code japan},
 * {@code south-korea}) and a continent (UN M49 region, from {@code reference/m49_regions.csv}) for each area code.
 * A slug or the lower-case ISO3 code ({@code usa}, {@code jpn}) finds the area.
 */
final class WtfCountries {
    /** Names whose Comtrade spelling makes a poor page name. */
    private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(410, "South Korea"),
            Map.entry(408, "North Korea"), Map.entry(842, "United States"),
            Map.entry(841, "United States (before 1981)"),
            Map.entry(826, "United Kingdom"), Map.entry(344, "Hong Kong"), Map.entry(446, "Macao"),
            Map.entry(490, "Taiwan"), Map.entry(180, "DR Congo"), Map.entry(178, "Congo"), Map.entry(498, "Moldova"),
            Map.entry(834, "Tanzania"), Map.entry(418, "Laos"), Map.entry(643, "Russia"), Map.entry(704, "Vietnam"),
            Map.entry(68, "Bolivia"), Map.entry(862, "Venezuela"), Map.entry(364, "Iran"), Map.entry(760, "Syria"),
            Map.entry(583, "Micronesia"), Map.entry(251, "France"), Map.entry(757, "Switzerland"),
            Map.entry(579, "Norway"), Map.entry(699, "India"), Map.entry(711, "Southern African Customs Union"),
            Map.entry(697, "Europe EFTA, not elsewhere specified"), Map.entry(899, "Areas not elsewhere specified"));
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(Map.entry("Isds", "Islands"),
            Map.entry("Rep.", "Republic"), Map.entry("Dem.", "Democratic"), Map.entry("Fmr", "Former"),
            Map.entry("Br.", "British"), Map.entry("Fr.", "French"), Map.entry("N.", "Northern"),
            Map.entry("So.", "Southern"), Map.entry("Terr.", "Territories"), Map.entry("St.", "Saint"),
            Map.entry("Neth.", "Netherlands"), Map.entry("Misc.", "Miscellaneous"), Map.entry("Fed.", "Federal"));

    /** One country of the views. */
    record Country(int code, String slug, String name, String iso2, String iso3, String continent) {
    }

    private final Map<String, String> continents = new HashMap<>();
    private final Map<Integer, Country> byCode = new HashMap<>();
    private final Map<String, Integer> bySlug = new HashMap<>();

    WtfCountries(ReferenceData refs) {
        ReferenceFiles.forEachRow("m49_regions.csv", r -> {
            if (!r[1].isBlank()) {
                continents.put(r[0], r[1]);
            }
        });
        // current reporters first, so that a name or ISO3 two areas share (France 250 and 251, USA 841 and 842)
        // finds the one that reports today
        List<Area> areas = new ArrayList<>(refs.areas().values());
        areas.sort(Comparator.comparing((Area a) -> !(a.reporter() && a.exitYear() == null && !a.group()))
                .thenComparingInt(Area::code));
        for (Area area : areas) {
            Country c = country(area);
            byCode.put(c.code(), c);
            bySlug.putIfAbsent(c.slug(), c.code());
            if (!c.iso3().isEmpty() && !area.group()) {
                bySlug.putIfAbsent(c.iso3().toLowerCase(Locale.ROOT), c.code());
            }
        }
    }

    private Country country(Area area) {
        String name = NAMES.getOrDefault(area.code(), display(area.name()));
        String continent = continents.get(area.iso3());
        return new Country(area.code(), slug(name), name, area.iso2(), area.iso3(), continent);
    }

    /** The Comtrade name with its abbreviations written out and without parentheses. */
    static String display(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : name.replaceAll("\\s*\\(.*?\\)", "").split(" ")) {
            out.append(out.isEmpty() ? "" : " ").append(ABBREVIATIONS.getOrDefault(word, word));
        }
        return out.toString().trim();
    }

    /** ASCII, lower case, words joined by hyphens: "Côte d'Ivoire" is cote-d-ivoire. */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** The country of an area code (every area has one). */
    Country of(int code) {
        Country c = byCode.get(code);
        return c != null ? c : new Country(code, "area-" + code, "Area " + code, "", "", null);
    }

    /** The area a slug or lower-case ISO3 names, or null. */
    Integer find(String slug) {
        return bySlug.get(slug.toLowerCase(Locale.ROOT));
    }
}
