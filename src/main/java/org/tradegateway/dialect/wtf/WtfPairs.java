package org.tradegateway.dialect.wtf;

import static org.tradegateway.dialect.wtf.WtfRecords.whole;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.tradegateway.core.CommoditySelection;
import org.tradegateway.core.FactRecord;
import org.tradegateway.core.Flow;
import org.tradegateway.core.Selection;
import org.tradegateway.dialect.wtf.WtfScopes.Scope;
import org.tradegateway.refs.CommodityList;

/** The World Trade Flows views of a pair of countries: both directions of all their trade, or of one product. */
@ApplicationScoped
public class WtfPairs {
    private final WtfViews views;

    public WtfPairs(WtfViews views) {
        this.views = views;
    }

    /** {@code /data/yearly/{year}/bilateral/{a}-{b}.json}: both directions, their top chapters, total and balance. */
    Uni<ObjectNode> bilateral(Scope scope, int year, int a, int b) {
        CommoditySelection totalAndChapters = new CommoditySelection(false, List.of(2), List.of("TOTAL"), List.of(0));
        return pair(scope, year, a, b, totalAndChapters, "TOTAL", body -> { });
    }

    /**
     * {@code /data/bilateral-products/{a}-{b}-{hs}.json}: one product (a chapter, a 4-digit heading or an HS6 line)
     * between two countries in a year, each way, with the lines one level finer that make it up (none for an HS6
     * line), largest first.
     */
    Uni<ObjectNode> bilateralProduct(Scope scope, int year, int a, int b, CommodityList tree, int product) {
        String code = tree.code(product);
        String name = tree.description(product);
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < tree.size(); k++) {
            if (tree.aggrLevel(k) == code.length() + 2 && tree.code(k).startsWith(code)) {
                lines.add(tree.code(k));
            }
        }
        List<String> codes = new ArrayList<>(lines);
        codes.add(code);
        List<Integer> levels = lines.isEmpty() ? List.of(code.length()) : List.of(code.length(), code.length() + 2);
        return pair(scope, year, a, b, new CommoditySelection(false, List.of(), codes, levels), code, body -> {
            body.putObject("product").put("hs", code).put("name", name).put("level", code.length());
            body.put("year", year);
        });
    }

    /**
     * A pair's document from a's records with b: the records of {@code whole} are each direction's value, the
     * others its lines; {@code head} adds what comes between the countries and the directions.
     */
    private Uni<ObjectNode> pair(Scope scope, int year, int a, int b, CommoditySelection commodities, String whole,
                                 Consumer<ObjectNode> head) {
        return Uni.combine().all().unis(views.read(scope, Selection.of(List.of(a)), Selection.of(List.of(b)), year,
                commodities), views.metas().of(scope, year)).asTuple().map(t -> {
                    double aToB = 0;
                    double bToA = 0;
                    List<FactRecord> out = new ArrayList<>();
                    List<FactRecord> in = new ArrayList<>();
                    for (FactRecord r : t.getItem1()) {
                        boolean export = r.flow() == Flow.EXPORT.code();
                        if (!export && r.flow() != Flow.IMPORT.code()) {
                            continue;
                        }
                        if (r.commodity().equals(whole)) {
                            if (export) {
                                aToB = r.tradeValue();
                            } else {
                                bToA = r.tradeValue();
                            }
                        } else {
                            (export ? out : in).add(r);
                        }
                    }
                    ObjectNode body = WtfViews.JSON.createObjectNode();
                    body.set("country_a", views.records().country(a));
                    body.set("country_b", views.records().country(b));
                    head.accept(body);
                    body.set("a_to_b", WtfRecords.direction(aToB, out));
                    body.set("b_to_a", WtfRecords.direction(bToA, in));
                    body.put("total_trade", whole(aToB + bToA));
                    body.put("balance", whole(aToB - bToA));
                    body.set("_meta", t.getItem2());
                    return body;
                });
    }
}
