package org.tradegateway.dialect.wtf;

import static org.tradegateway.dialect.wtf.WtfRecords.productSlug;
import static org.tradegateway.dialect.wtf.WtfRecords.whole;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.tradegateway.core.CommoditySelection;
import org.tradegateway.core.FactRecord;
import org.tradegateway.core.Flow;
import org.tradegateway.core.Selection;
import org.tradegateway.dialect.wtf.WtfScopes.Scope;
import org.tradegateway.refs.CommodityList;

/** The World Trade Flows product views: the index of chapters and HS6 lines, and each one's exporters and importers. */
@ApplicationScoped
public class WtfProducts {
    private final WtfViews views;

    public WtfProducts(WtfViews views) {
        this.views = views;
    }

    /** {@code /data/products/_index.json}: every HS chapter and HS6 line of the revision, with its slug. */
    Uni<ObjectNode> productIndex(Scope scope, CommodityList tree) {
        return views.metas().of(scope, null).map(meta -> {
            ObjectNode body = WtfViews.JSON.createObjectNode();
            ArrayNode products = body.putArray("products");
            for (int i = 0; i < tree.size(); i++) {
                int level = tree.aggrLevel(i);
                if (level == 2 || level == 6) {
                    String code = tree.code(i);
                    products.addObject().put("slug", productSlug(code, tree.description(i))).put("code", code)
                            .put("name", tree.description(i)).put("level", level);
                }
            }
            body.set("_meta", meta);
            return body;
        });
    }

    /**
     * {@code /data/products/{slug}.json}: the world's exporters and importers of one chapter or HS6 line in a year
     * (the stored World partner rows of every reporter), with their totals.
     */
    Uni<ObjectNode> product(Scope scope, int year, String code, String name) {
        CommoditySelection one = new CommoditySelection(false, List.of(), List.of(code), List.of(code.length()));
        return Uni.combine().all().unis(views.read(scope, Selection.everything(), Selection.of(List.of(0)), year, one),
                views.metas().of(scope, year)).asTuple().map(t -> {
                    List<FactRecord> out = t.getItem1().stream().filter(r -> r.flow() == Flow.EXPORT.code()).toList();
                    List<FactRecord> in = t.getItem1().stream().filter(r -> r.flow() == Flow.IMPORT.code()).toList();
                    double exports = out.stream().mapToDouble(FactRecord::tradeValue).sum();
                    double imports = in.stream().mapToDouble(FactRecord::tradeValue).sum();
                    ObjectNode body = WtfViews.JSON.createObjectNode();
                    body.put("code", code).put("name", name).put("level", code.length()).put("year", year)
                            .put("totalExports", whole(exports))
                            .put("totalImports", whole(imports));
                    body.set("exporters", views.records().reporters(out, exports));
                    body.set("importers", views.records().reporters(in, imports));
                    body.set("_meta", t.getItem2());
                    return body;
                });
    }
}
