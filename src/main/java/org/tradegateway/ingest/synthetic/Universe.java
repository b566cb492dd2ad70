package org.tradegateway.ingest.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tradegateway.refs.Area;
import org.tradegateway.refs.Classification;
import org.tradegateway.refs.Commodity;
import org.tradegateway.refs.ReferenceData;
import org.tradegateway.refs.ReferenceFiles;

/**
 * The year-free part of the synthetic world: BACI's countries with GDP (WDI 2017) and CEPII distances, the HS6
 * products of one revision with their world weights (2013 HS4 shares split over HS6) and unit values.
 */
final class Universe {
    /** Nes and special areas that BACI lists but that have no economy of their own. */
    private static final Set<Integer> EXCLUDED = Set.of(0, 697, 837, 838, 839, 849, 899);
    /** GeoDist lacks these codes; a neighbour's distances stand in (data-plan 5.2). */
    private static final Map<String, String> DISTANCE_PROXY = Map.ofEntries(Map.entry("rou", "bgr"),
            Map.entry("cod", "cog"), Map.entry("srb", "bih"), Map.entry("mne", "bih"), Map.entry("scg", "bih"),
            Map.entry("twn", "hkg"), Map.entry("pse", "jor"), Map.entry("tls", "idn"), Map.entry("ssd", "sdn"),
            Map.entry("cuw", "ant"), Map.entry("sxm", "ant"), Map.entry("bes", "ant"), Map.entry("gum", "mnp"),
            Map.entry("asm", "wsm"), Map.entry("myt", "com"), Map.entry("iot", "mdv"), Map.entry("atf", "mdg"),
            Map.entry("blm", "kna"), Map.entry("ddr", "deu"), Map.entry("csk", "cze"), Map.entry("sun", "rus"));
    private static final Map<String, String> GDP_KEY = Map.of("rou", "rom");

    final List<Country> countries = new ArrayList<>();
    final String[] productCodes;
    final int[] productKeys;
    final double[] productWeights;
    final double[] unitValues;
    final boolean[] resourceProducts;
    private final Map<Long, double[]> distances = new HashMap<>();

    Universe(Classification revision, Draws draws) {
        ReferenceData refs = ReferenceData.get();
        Map<String, Double> gdp = new HashMap<>();
        for (String[] r : ReferenceFiles.rows("wdi_gdp_2017.csv")) {
            if (!r[1].isEmpty()) {
                gdp.put(r[0], Double.parseDouble(r[1]));
            }
        }
        double[] sorted = gdp.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double p5 = sorted[(int) (sorted.length * 0.05)];
        for (String[] r : ReferenceFiles.rows("baci_countries.csv")) {
            int code = Integer.parseInt(r[0]);
            String iso3 = r[1].trim().toLowerCase(Locale.ROOT);
            if (EXCLUDED.contains(code) || (iso3.equals("n/a") && code != 490)) {
                continue;
            }
            if (code == 490) {
                iso3 = "twn";
            }
            Double mass = code == 490 ? Double.valueOf(5.75e11) : gdp.get(GDP_KEY.getOrDefault(iso3, iso3));
            if (mass == null) {
                mass = p5 * Math.exp(0.5 * draws.normal(1, 0, code, 0, 0));
            }
            Area area = refs.area(code).orElse(null);
            countries.add(new Country(code, iso3, mass, area == null ? null : area.entryYear(),
                    area == null ? null : area.exitYear()));
        }
        for (String[] r : ReferenceFiles.rows("geodist_pairs.csv.gz")) {
            distances.put(pairKey(r[0], r[1]), new double[] {Double.parseDouble(r[2]), Double.parseDouble(r[3]),
                Double.parseDouble(r[4]), Double.parseDouble(r[5])});
        }
        Map<String, double[]> hs4 = new HashMap<>();
        for (String[] r : ReferenceFiles.rows("world_hs4_2013.csv")) {
            double value = Double.parseDouble(r[1]);
            double kg = r[2].isEmpty() ? 0 : Double.parseDouble(r[2]);
            hs4.put(r[0], new double[] {value, kg > 0 ? value / kg : 4.9});
        }
        List<Commodity> leaves = refs.tree(revision).stream()
                .filter(c -> c.code().length() == 6 && c.code().chars().allMatch(Character::isDigit)).toList();
        int n = leaves.size();
        productCodes = new String[n];
        productKeys = new int[n];
        productWeights = new double[n];
        unitValues = new double[n];
        resourceProducts = new boolean[n];
        double minHs4 = hs4.values().stream().mapToDouble(v -> v[0]).min().orElse(1);
        for (int p = 0; p < n; p++) {
            String code = leaves.get(p).code();
            productCodes[p] = code;
            productKeys[p] = Integer.parseInt(code);
            double[] parent = hs4.getOrDefault(code.substring(0, 4), new double[] {minHs4, 4.9});
            productWeights[p] = parent[0] * Math.exp(draws.normal(2, 0, 0, 0, productKeys[p]));
            unitValues[p] = parent[1] * Math.exp(0.5 * draws.normal(3, 0, 0, 0, productKeys[p]));
            int chapter = Integer.parseInt(code.substring(0, 2));
            resourceProducts[p] = (chapter >= 25 && chapter <= 27) || chapter == 71;
        }
        double total = Arrays.stream(productWeights).sum();
        for (int p = 0; p < n; p++) {
            productWeights[p] /= total;
        }
    }

    private static long pairKey(String a, String b) {
        String x = a.compareTo(b) <= 0 ? a : b;
        String y = a.compareTo(b) <= 0 ? b : a;
        return ((long) x.hashCode() << 32) ^ (y.hashCode() & 0xffffffffL);
    }

    /** {distance km, contiguity, common official language, colonial tie}, with proxies and a drawn fallback. */
    double[] distance(Country a, Country b, Draws draws) {
        double[] d = distances.get(pairKey(a.iso3(), b.iso3()));
        if (d != null) {
            return d;
        }
        String pa = DISTANCE_PROXY.getOrDefault(a.iso3(), a.iso3());
        String pb = DISTANCE_PROXY.getOrDefault(b.iso3(), b.iso3());
        d = distances.get(pairKey(pa, pb));
        if (d != null && !pa.equals(pb)) {
            return new double[] {d[0], 0, d[2], 0};
        }
        int lo = Math.min(a.code(), b.code());
        int hi = Math.max(a.code(), b.code());
        return new double[] {7000 * Math.exp(0.6 * draws.normal(4, 0, lo, hi, 0)), 0, 0, 0};
    }
}
