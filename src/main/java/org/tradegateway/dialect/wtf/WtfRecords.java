package org.tradegateway.dialect.wtf;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.tradegateway.core.FactRecord;
import org.tradegateway.core.Flow;

/**
 * How stored records become the inner records of the World Trade Flows documents: partners and reporters as
 * {@code {slug, name, iso3, value_usd, share}}, products as {@code {hs, name, level, value_usd, share}}, rankings
 * with their rank; values in whole USD, shares as fractions of 0 to 1, largest first.
 */
final class WtfRecords {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = WtfViews.JSON;
    private final WtfCountries countries;

    WtfRecords(WtfCountries countries) {
        this.countries = countries;
    }

    /** A product hub's slug: its code and the first words of its name ("87-vehicles-other-than-railway"). */
    static String productSlug(String code, String description) {
        String[] words = WtfCountries.slug(description == null ? "" : description).split("-");
        StringBuilder slug = new StringBuilder(code);
        for (int i = 0; i < Math.min(4, words.length); i++) {
            if (!words[i].isEmpty()) {
                slug.append('-').append(words[i]);
            }
        }
        return slug.toString();
    }

    /** The code a product slug names: its leading digits ("87-vehicles...", "87", "hs-87"), or null. */
    static String productCode(String slug) {
        String s = slug.startsWith("hs-") ? slug.substring(3) : slug;
        int end = 0;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end == 2 || end == 4 || end == 6 ? s.substring(0, end) : null;
    }


    ArrayNode reporters(List<FactRecord> records, double total) {
        ArrayNode list = JSON.createArrayNode();
        records.stream().sorted(Comparator.comparingDouble(FactRecord::tradeValue).reversed()
                        .thenComparingInt(FactRecord::reporter))
                .forEach(r -> {
                    WtfCountries.Country c = countries.of(r.reporter());
                    list.addObject().put("slug", c.slug()).put("name", c.name()).put("iso3", c.iso3())
                            .put("value_usd", whole(r.tradeValue())).put("share", share(r.tradeValue(), total));
                });
        return list;
    }

    static void add(ArrayNode array, double value) {
        if (Double.isNaN(value)) {
            array.addNull();
        } else {
            array.add(whole(value));
        }
    }

    ObjectNode country(int code) {
        WtfCountries.Country c = countries.of(code);
        ObjectNode o = JSON.createObjectNode();
        o.put("slug", c.slug()).put("name", c.name()).put("iso3", c.iso3()).put("continent", c.continent());
        return o;
    }

    ArrayNode partners(List<FactRecord> records, double total, int limit) {
        ArrayNode list = JSON.createArrayNode();
        records.stream().sorted(Comparator.comparingDouble(FactRecord::tradeValue).reversed()
                        .thenComparingInt(FactRecord::partner)).limit(limit)
                .forEach(r -> {
                    WtfCountries.Country c = countries.of(r.partner());
                    list.addObject().put("slug", c.slug()).put("name", c.name()).put("iso3", c.iso3())
                            .put("value_usd", whole(r.tradeValue())).put("share", share(r.tradeValue(), total));
                });
        return list;
    }

    static ArrayNode products(List<FactRecord> records, double total, int limit) {
        ArrayNode list = JSON.createArrayNode();
        records.stream().sorted(Comparator.comparingDouble(FactRecord::tradeValue).reversed()
                        .thenComparing(FactRecord::commodity)).limit(limit)
                .forEach(r -> list.addObject().put("hs", r.commodity()).put("name", r.commodityDescription())
                        .put("level", r.level()).put("value_usd", whole(r.tradeValue()))
                        .put("share", share(r.tradeValue(), total)));
        return list;
    }

    static ObjectNode direction(double value, List<FactRecord> chapters) {
        ObjectNode o = JSON.createObjectNode();
        o.put("value_usd", whole(value));
        o.set("top_products", products(chapters, value, WtfViews.TOP));
        return o;
    }

    /** Every reporter's World record of a flow, largest first (ties by code): the order of the rankings. */
    static List<FactRecord> ranked(List<FactRecord> world, Flow flow) {
        return world.stream().filter(r -> r.flow() == flow.code())
                .sorted(Comparator.comparingDouble(FactRecord::tradeValue).reversed()
                        .thenComparingInt(FactRecord::reporter)).toList();
    }

    ArrayNode ranking(List<FactRecord> world, Flow flow) {
        List<FactRecord> rows = ranked(world, flow);
        double total = rows.stream().mapToDouble(FactRecord::tradeValue).sum();
        ArrayNode list = JSON.createArrayNode();
        int rank = 0;
        for (FactRecord r : rows) {
            WtfCountries.Country c = countries.of(r.reporter());
            list.addObject().put("rank", ++rank).put("slug", c.slug()).put("name", c.name()).put("iso3", c.iso3())
                    .put("value_usd", whole(r.tradeValue())).put("share", share(r.tradeValue(), total));
        }
        return list;
    }

    static int partnerCount(List<FactRecord> out, List<FactRecord> in) {
        TreeSet<Integer> partners = new TreeSet<>();
        out.forEach(r -> partners.add(r.partner()));
        in.forEach(r -> partners.add(r.partner()));
        return partners.size();
    }

    static long whole(double usd) {
        return Math.round(usd);
    }

    static double share(double value, double total) {
        return total == 0 ? 0 : value / total;
    }
}
