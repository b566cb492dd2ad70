package org.tradegateway.data;

import java.util.List;
import org.tradegateway.core.CommoditySelection;
import org.tradegateway.core.TradeQuery;

/**
 * The records of a flow dataset that are not stored: the HS6 records of both reporter views and their bilateral
 * 4- and 2-digit aggregates, read from trade_flow (the exporter's Export is the importer's Import, same values).
 * One branch per view and level, shaped like a trade_fact row.
 */
final class FlowBranches {
    private static final int[] LEVELS = {6, 4, 2};

    private FlowBranches() {
    }

    static void append(StringBuilder sql, List<Object> params, TradeQuery query, Slice slice) {
        List<Integer> partners = query.partners().all() ? null
                : query.partners().codes().stream().filter(p -> p != 0).toList();
        if (partners != null && partners.isEmpty()) {
            return;
        }
        CommoditySelection cc = query.commodities();
        for (int level : LEVELS) {
            List<String> codes = cc.codes().stream().filter(c -> c.length() == level && !c.equals("TOTAL")).toList();
            boolean wholeLevel = cc.all() || cc.levels().contains(level);
            if (!wholeLevel && codes.isEmpty()) {
                continue;
            }
            for (int flow : new int[] {2, 1}) {
                if (query.flows().all() || query.flows().codes().contains(flow)) {
                    branch(sql, params, slice, flow, level, partners, wholeLevel ? List.of() : codes);
                }
            }
        }
    }

    private static void branch(StringBuilder sql, List<Object> params, Slice slice, int flow, int level,
                               List<Integer> partners, List<String> codes) {
        String reporter = flow == 2 ? "exporter" : "importer";
        String partner = flow == 2 ? "importer" : "exporter";
        boolean leaf = level == 6;
        String commodity = leaf ? "product" : "left(product, " + level + ")";
        sql.append(" UNION ALL SELECT px, period, ").append(level).append("::int2, ").append(leaf)
                .append(", ").append(flow).append("::int2, ").append(reporter).append(", ").append(partner)
                .append(", NULL::int2, ''::varchar, ''::varchar, ").append(commodity).append("::varchar, ");
        if (leaf) {
            sql.append("(CASE WHEN kg IS NULL THEN 1 ELSE 8 END)::int2, NULL::int2, kg, NULL::float8, kg,"
                    + " NULL::float8, value, NULL::float8, value, 0::int2");
        } else {
            sql.append("1::int2, NULL::int2, NULL::float8, NULL::float8, sum(kg), NULL::float8, sum(value),"
                    + " NULL::float8, sum(value), 0::int2");
        }
        sql.append(" FROM trade_flow WHERE px = ").append(FactQuery.param(params, slice.px()))
                .append(" AND period = ").append(FactQuery.param(params, slice.period()))
                .append(" AND ").append(reporter).append(" = ANY(")
                .append(FactQuery.param(params, FactQuery.shorts(slice.reporters()))).append(')');
        if (partners != null) {
            sql.append(" AND ").append(partner).append(" = ANY(")
                    .append(FactQuery.param(params, FactQuery.shorts(partners))).append(')');
        }
        if (!codes.isEmpty()) {
            sql.append(" AND ").append(commodity).append(" = ANY(")
                    .append(FactQuery.param(params, codes.toArray(String[]::new))).append(')');
        }
        if (!leaf) {
            sql.append(" GROUP BY px, period, ").append(reporter).append(", ").append(partner).append(", ")
                    .append(commodity);
        }
    }
}
