package org.tradegateway.dialect.wtf;

import static org.tradegateway.dialect.wtf.WtfRecords.whole;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.tradegateway.core.CommoditySelection;
import org.tradegateway.core.FactRecord;
import org.tradegateway.core.Flow;
import org.tradegateway.core.Frequency;
import org.tradegateway.core.PeriodSelection;
import org.tradegateway.core.Selection;
import org.tradegateway.core.TradeQuery;
import org.tradegateway.core.TradeType;
import org.tradegateway.data.ReferenceDirectory;
import org.tradegateway.dialect.wtf.WtfScopes.Scope;
import org.tradegateway.service.AnswerService;

/**
 * The World Trade Flows views of the loaded BACI-like data (annual goods in an HS revision) that are about the
 * countries and the world (the list, profiles, rankings, totals, history), and what every view is read through: the
 * stored records of a query in a request's scope ({@link #read}, {@link WtfScopes});
 * a pair's views are {@link WtfPairs}, the products' {@link WtfProducts}. Each is built from stored records only:
 * a country's partners are its stored bilateral totals, its totals and chapters the stored World
 * partner rows, a pair's products the stored bilateral 2-digit sums, the rankings every reporter's World total. Values
 * in whole current USD, shares as fractions of 0 to 1; every document carries {@code _meta} (source, dataset
 * version, revision, year, licence).
 */
@ApplicationScoped
public class WtfViews {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int TOP = 20;
    private static final int MAX_RECORDS = 1_000_000;
    private final AnswerService answers;
    private final WtfMeta metas;
    private final WtfCountries countries;
    private final WtfRecords records;
    /** Ranks by data version, revision and year (see {@link #ranks}). */
    private final Map<String, Map<Integer, Integer>> ranks = new ConcurrentHashMap<>();

    public WtfViews(AnswerService answers, WtfMeta metas, ReferenceDirectory references) {
        this.answers = answers;
        this.metas = metas;
        this.countries = new WtfCountries(references.shipped());
        this.records = new WtfRecords(countries);
    }

    WtfCountries countries() {
        return countries;
    }

    WtfMeta metas() {
        return metas;
    }

    WtfRecords records() {
        return records;
    }

    /** Exports and imports, the two flows every view shows. */
    private static final Selection EXPORTS_AND_IMPORTS = Selection.of(List.of(Flow.IMPORT.code(), Flow.EXPORT.code()));

    /**
     * The stored records of a selection in every flow or, for named products, in the two the views show: then the
     * index finds one product's records of every reporter by their key (in every flow the code would filter each
     * reporter's World rows: 10 against 5 ms for a chapter on a 10M-flow year), while for totals, a few rows per
     * reporter, naming flows only doubles the lookups.
     */
    Uni<List<FactRecord>> read(Scope scope, Selection reporters, Selection partners, PeriodSelection periods,
                                       CommoditySelection commodities) {
        boolean products = commodities.codes().stream().anyMatch(code -> !code.equals("TOTAL"));
        return answers.collect(new TradeQuery(TradeType.GOODS, Frequency.ANNUAL, scope.px(), reporters, partners,
                periods, products ? EXPORTS_AND_IMPORTS : Selection.everything(), commodities, MAX_RECORDS));
    }

    /** The stored records of one loaded year. */
    Uni<List<FactRecord>> read(Scope scope, Selection reporters, Selection partners, int year,
                               CommoditySelection commodities) {
        return read(scope, reporters, partners, year(year), commodities);
    }

    private static PeriodSelection year(int year) {
        return new PeriodSelection(PeriodSelection.Kind.LIST, List.of(year));
    }

    private static CommoditySelection total() {
        return new CommoditySelection(false, List.of(), List.of("TOTAL"), List.of(0));
    }

    private static CommoditySelection levels(List<Integer> levels) {
        return new CommoditySelection(false, levels, List.of(), List.of());
    }

    /** {@code /data/countries.json}: every area that reports data in the revision. */
    Uni<ObjectNode> countryList(Scope scope) {
        return metas.of(scope, null).map(meta -> {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode list = body.putArray("countries");
            scope.reporters().stream().map(countries::of).sorted(Comparator.comparing(WtfCountries.Country::slug))
                    .forEach(c -> {
                        ObjectNode o = list.addObject();
                        o.put("slug", c.slug()).put("name", c.name()).put("iso2", c.iso2()).put("iso3", c.iso3())
                                .put("baci_code", c.code()).put("continent", c.continent());
                    });
            body.set("_meta", meta);
            return body;
        });
    }

    /** {@code /data/yearly/{year}/countries/{slug}.json}. */
    Uni<ObjectNode> profile(Scope scope, int year, int code) {
        Uni<List<FactRecord>> partners = read(scope, Selection.of(List.of(code)), Selection.everything(), year(year),
                total());
        Uni<List<FactRecord>> products = read(scope, Selection.of(List.of(code)), Selection.of(List.of(0)),
                year(year), levels(List.of(2)));
        return Uni.combine().all().unis(partners, products, ranks(scope, year), metas.of(scope, year)).asTuple()
                .map(t -> {
            ObjectNode body = JSON.createObjectNode();
            body.set("country", records.country(code));
            double exports = 0;
            double imports = 0;
            List<FactRecord> toPartners = new ArrayList<>();
            List<FactRecord> fromPartners = new ArrayList<>();
            for (FactRecord r : t.getItem1()) {
                boolean out = r.flow() == Flow.EXPORT.code();
                if (r.partner() == 0) {
                    if (out) {
                        exports = r.tradeValue();
                    } else {
                        imports = r.tradeValue();
                    }
                } else if (r.flow() == Flow.EXPORT.code() || r.flow() == Flow.IMPORT.code()) {
                    (out ? toPartners : fromPartners).add(r);
                }
            }
            // chapters, not HS6 lines: reading a country's 4,000 or so HS6 World rows cost 130 ms on a 10M-flow year
            List<FactRecord> chaptersOut = new ArrayList<>();
            List<FactRecord> chaptersIn = new ArrayList<>();
            for (FactRecord r : t.getItem2()) {
                (r.flow() == Flow.EXPORT.code() ? chaptersOut : chaptersIn).add(r);
            }
            ObjectNode summary = body.putObject("summary");
            summary.put("year", year).put("total_exports_usd", whole(exports)).put("total_imports_usd", whole(imports))
                    .put("balance_usd", whole(exports - imports))
                    .put("export_rank", t.getItem3().get(Flow.EXPORT.code() * 100_000 + code))
                    .put("import_rank", t.getItem3().get(Flow.IMPORT.code() * 100_000 + code))
                    .put("partner_count", WtfRecords.partnerCount(toPartners, fromPartners))
                    .put("product_count", chaptersOut.size());
            body.set("top_export_destinations", records.partners(toPartners, exports, TOP));
            body.set("top_import_sources", records.partners(fromPartners, imports, TOP));
            body.set("top_export_products", WtfRecords.products(chaptersOut, exports, TOP));
            body.set("top_import_products", WtfRecords.products(chaptersIn, imports, TOP));
            body.set("full_exports", records.partners(toPartners, exports, Integer.MAX_VALUE));
            body.set("full_imports", records.partners(fromPartners, imports, Integer.MAX_VALUE));
            body.set("_meta", t.getItem4());
            return body;
        });
    }

    /**
     * Every reporter's rank by exports and by imports in a year ({@code flow * 100_000 + reporter}: rank), derived
     * from every reporter's World totals once per data version and kept with it, as the site catalog is: a
     * country's profile needs its own rank among all, not all the rows the ranks come from.
     */
    private Uni<Map<Integer, Integer>> ranks(Scope scope, int year) {
        String key = scope.version() + "/" + scope.px() + "/" + year;
        Map<Integer, Integer> kept = ranks.get(key);
        if (kept != null) {
            return Uni.createFrom().item(kept);
        }
        return read(scope, Selection.everything(), Selection.of(List.of(0)), year(year), total()).map(world -> {
            Map<Integer, Integer> byReporter = new HashMap<>();
            for (Flow flow : List.of(Flow.EXPORT, Flow.IMPORT)) {
                List<FactRecord> ranked = WtfRecords.ranked(world, flow);
                for (int i = 0; i < ranked.size(); i++) {
                    byReporter.put(flow.code() * 100_000 + ranked.get(i).reporter(), i + 1);
                }
            }
            if (ranks.size() >= WtfScopes.KEPT) {
                ranks.clear(); // older data versions and rarely asked years go; the next request reads them again
            }
            ranks.put(key, Map.copyOf(byReporter));
            return byReporter;
        });
    }

    /** {@code /data/yearly/{year}/rankings.json}: every reporter by exports and by imports. */
    Uni<ObjectNode> rankings(Scope scope, int year) {
        return Uni.combine().all().unis(read(scope, Selection.everything(), Selection.of(List.of(0)), year(year),
                total()), metas.of(scope, year)).asTuple().map(t -> {
                    ObjectNode body = JSON.createObjectNode();
                    body.set("top_exporters", records.ranking(t.getItem1(), Flow.EXPORT));
                    body.set("top_importers", records.ranking(t.getItem1(), Flow.IMPORT));
                    body.set("_meta", t.getItem2());
                    return body;
                });
    }

    /**
     * {@code /data/yearly/{year}/global-totals.json}: world trade of the year (directed flows are counted once, so
     * world exports equal world imports) and how many countries report it.
     */
    Uni<ObjectNode> globalTotals(Scope scope, int year) {
        return Uni.combine().all().unis(read(scope, Selection.everything(), Selection.of(List.of(0)), year(year),
                total()), metas.of(scope, year)).asTuple().map(t -> {
                    double exports = 0;
                    double imports = 0;
                    TreeSet<Integer> reporters = new TreeSet<>();
                    for (FactRecord r : t.getItem1()) {
                        if (r.flow() == Flow.EXPORT.code()) {
                            exports += r.tradeValue();
                            reporters.add(r.reporter());
                        } else if (r.flow() == Flow.IMPORT.code()) {
                            imports += r.tradeValue();
                            reporters.add(r.reporter());
                        }
                    }
                    ObjectNode body = JSON.createObjectNode();
                    body.put("year", year).put("world_trade_usd", whole(exports))
                            .put("world_exports_usd", whole(exports)).put("world_imports_usd", whole(imports))
                            .put("country_count", reporters.size());
                    body.set("_meta", t.getItem2());
                    return body;
                });
    }

    /** {@code /data/historical/{slug}.json}: exports and imports of every loaded year, null where none. */
    Uni<ObjectNode> historical(Scope scope, int code) {
        return Uni.combine().all().unis(read(scope, Selection.of(List.of(code)), Selection.of(List.of(0)),
                new PeriodSelection(PeriodSelection.Kind.ALL, List.of()), total()), metas.of(scope, null)).asTuple()
                .map(t -> {
                    Map<Integer, double[]> byYear = new TreeMap<>();
                    scope.years().forEach(y -> byYear.put(y, new double[] {Double.NaN, Double.NaN}));
                    for (FactRecord r : t.getItem1()) {
                        double[] v = byYear.computeIfAbsent(r.period(), k -> new double[] {Double.NaN, Double.NaN});
                        if (r.flow() == Flow.EXPORT.code()) {
                            v[0] = r.tradeValue();
                        } else if (r.flow() == Flow.IMPORT.code()) {
                            v[1] = r.tradeValue();
                        }
                    }
                    ObjectNode body = JSON.createObjectNode();
                    body.set("country", records.country(code));
                    ArrayNode years = body.putArray("years");
                    ArrayNode exports = body.putArray("exports");
                    ArrayNode imports = body.putArray("imports");
                    byYear.forEach((y, v) -> {
                        years.add(y);
                        WtfRecords.add(exports, v[0]);
                        WtfRecords.add(imports, v[1]);
                    });
                    body.set("_meta", t.getItem2());
                    return body;
                });
    }
}
