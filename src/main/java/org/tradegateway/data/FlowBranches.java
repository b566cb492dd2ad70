package org.tradegateway.data;

import java.util.List;
import org.tradegateway.core.CommoditySelection;
import org.tradegateway.core.TradeQuery;
import org.tradegateway.refs.Classification;
import org.tradegateway.refs.CommodityCatalog;

/**
 * The bilateral records of a flow dataset below TOTAL, in both reporter views: the finest level (HS6, SITC 5
 * digits, BEC 3) from trade_flow, the levels above it from the sums stored beside it in trade_flow_sum (the
 * exporter's Export is the importer's Import, same values). One branch per view and level, shaped like a
 * trade_fact row; every branch is an index range of one partition. Where a classification's codes can stop above
 * the finest level (an SITC subgroup with no basic headings, a BEC category with no subcategories), the finest
 * branch keeps the codes of its own length only: such a code is a record of its own level.
 */
final class FlowBranches {

    private FlowBranches() {
    }

    static void append(StringBuilder sql, List<Object> params, TradeQuery query, Slice slice) {
        List<Integer> partners = query.partners().all() ? null
                : query.partners().codes().stream().filter(p -> p != 0).toList();
        if (partners != null && partners.isEmpty()) {
            return;
        }
        CommoditySelection cc = query.commodities();
        Classification px = Classification.parse(slice.px()).orElseThrow();
        List<Integer> levels = CommodityCatalog.levels(px);
        int finest = levels.get(levels.size() - 1);
        for (int i = levels.size() - 1; i >= 0; i--) {
            int level = levels.get(i);
            List<String> codes = cc.codes().stream().filter(c -> c.length() == level && !c.equals("TOTAL")).toList();
            boolean wholeLevel = cc.all() || cc.levels().contains(level);
            if (!wholeLevel && codes.isEmpty()) {
                continue;
            }
            for (int flow : new int[] {2, 1}) {
                if (query.flows().all() || query.flows().codes().contains(flow)) {
                    branch(sql, params, slice, flow, level, level == finest, !px.isHarmonizedSystem(), partners,
                            wholeLevel ? List.of() : codes);
                }
            }
        }
    }

    private static void branch(StringBuilder sql, List<Object> params, Slice slice, int flow, int level, boolean leaf,
                               boolean codesOfOtherLengths, List<Integer> partners, List<String> codes) {
        String reporter = flow == 2 ? "exporter" : "importer";
        String partner = flow == 2 ? "importer" : "exporter";
        // named as trade_fact's columns: the first branch of a union names its columns
        sql.append(sql.isEmpty() ? "SELECT px, period, " : " UNION ALL SELECT px, period, ").append(level)
                .append("::int2 AS aggr_level, ").append(leaf).append(" AS is_leaf, ").append(flow)
                .append("::int2 AS flow, ").append(reporter).append(" AS reporter, ").append(partner)
                .append(" AS partner, NULL::int2 AS partner2, ''::varchar AS customs, ''::varchar AS mot,"
                        + " product AS commodity, ");
        if (leaf) {
            sql.append("(CASE WHEN kg IS NULL THEN 1 ELSE 8 END)::int2 AS qt_code, NULL::int2 AS qt_alt_code,"
                    + " kg AS trade_quantity,");
        } else {
            sql.append("1::int2 AS qt_code, NULL::int2 AS qt_alt_code, NULL::float8 AS trade_quantity,");
        }
        sql.append(" NULL::float8 AS alt_quantity, kg AS net_weight, NULL::float8 AS gross_weight,"
                        + " value AS trade_value, NULL::float8 AS cif_value, value AS fob_value, 0::int2 AS est_code, ")
                .append(slice.provenance()).append("::int2 AS provenance FROM ")
                .append(leaf ? "trade_flow" : "trade_flow_sum").append(" WHERE px = ")
                .append(FactQuery.param(params, slice.px()))
                .append(" AND period = ").append(FactQuery.param(params, slice.period()));
        if (!leaf) {
            sql.append(" AND level = ").append(level);
        } else if (codesOfOtherLengths) {
            sql.append(" AND length(product) = ").append(level);
        }
        sql.append(" AND ").append(FactQuery.oneOf(reporter, params, slice.reporters()));
        // both tables' b-trees lead with the exporter, then the importer: with every partner named, the importer's
        // view is one short range per partner instead of a filter over the whole partition
        sql.append(" AND ").append(FactQuery.oneOf(partner, params, partners != null ? partners : slice.areas()));
        if (!codes.isEmpty()) {
            sql.append(" AND product = ANY(").append(FactQuery.param(params, codes.toArray(String[]::new)))
                    .append(')');
        }
    }
}
