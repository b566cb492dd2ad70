package org.tradegateway.data;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.tradegateway.core.CommoditySelection;
import org.tradegateway.core.TradeQuery;

/**
 * The SQL of one answer: a UNION ALL of one branch per slice, each pruned to one partition and served by its
 * index. Only placeholders and fixed fragments; every value travels as a parameter.
 */
public final class FactQuery {
    static final String COLUMNS = "px, period, aggr_level, is_leaf, flow, reporter, partner, partner2, customs, mot,"
            + " commodity, qt_code, qt_alt_code, trade_quantity, alt_quantity, net_weight, gross_weight, trade_value,"
            + " cif_value, fob_value, est_code";
    static final String ORDER = " ORDER BY period, reporter, aggr_level, commodity, partner, flow";
    /**
     * Every aggregate level a record can have (HS 0-6, SITC 0-5, BEC 0-3, EBOPS 0-4), for {@code cc=ALL}: the
     * partition index leads with the level, so naming them all lets PostgreSQL read one index range per level
     * instead of the whole partition.
     */
    static final Short[] EVERY_LEVEL = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

    private final String union;
    private final List<Object> parameters;

    private FactQuery(String union, List<Object> parameters) {
        this.union = union;
        this.parameters = parameters;
    }

    public static FactQuery of(TradeQuery query, List<Slice> slices) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        for (Slice slice : slices) {
            if (!sql.isEmpty()) {
                sql.append(" UNION ALL ");
            }
            if (slice.fromFlows() && !storedRowsMayMatch(query)) {
                // below TOTAL and to named partners other than World, a flow dataset's records are all in its
                // flows and their sums: one branch per flow and level, which an index may then read in the
                // answer's order (no sort, and a limit stops the scan)
                StringBuilder flows = new StringBuilder();
                FlowBranches.append(flows, params, query, slice);
                if (!flows.isEmpty()) {
                    sql.append(flows);
                    continue;
                }
            }
            // the last column says what the slice's records are (Slice.provenance: fixed, not a value)
            sql.append("SELECT ").append(COLUMNS).append(", ").append(slice.provenance())
                    .append("::int2 AS provenance FROM trade_fact WHERE type = ")
                    .append(param(params, String.valueOf(query.type().code())))
                    .append(" AND freq = ").append(param(params, String.valueOf(query.frequency().code())))
                    .append(" AND px = ").append(param(params, slice.px()))
                    .append(" AND period = ").append(param(params, slice.period()))
                    .append(" AND ").append(oneOf("reporter", params, slice.reporters()))
                    .append(" AND customs = '' AND mot = '' AND partner2 IS NULL");
            if (query.partners().codes().equals(List.of(0))) {
                // a literal, so that the plan may use the World rows' own index (its predicate is partner = 0)
                sql.append(" AND partner = 0");
            } else if (!query.partners().all()) {
                sql.append(" AND ").append(oneOf("partner", params, query.partners().codes()));
            }
            if (!query.flows().all()) {
                sql.append(" AND ").append(oneOf("flow", params, query.flows().codes()));
            }
            CommoditySelection cc = query.commodities();
            if (cc.all()) {
                sql.append(" AND aggr_level = ANY(").append(param(params, EVERY_LEVEL)).append(')');
            } else {
                // the level condition alone is what the index can use; codes and whole levels refine it. One whole
                // level is an equality, which the planner knows is constant: every reporter's records of a level to
                // World then come from the key index in the answer's order instead of being sorted (250,000 of
                // 428,814 HS6 records: 183 ms against 682 ms, read serially as a cursor reads them). Named codes keep
                // ANY: with an equality the planner left the World index for the key index, and every reporter's
                // record of one code ran at half the rate (cc=870323: 789 against 1,748 a second under pgbench)
                sql.append(" AND ").append(cc.codes().isEmpty() ? oneOf("aggr_level", params, cc.allLevels())
                        : "aggr_level = ANY(" + param(params, shorts(cc.allLevels())) + ")");
                if (!cc.codes().isEmpty() && !cc.levels().isEmpty()) {
                    sql.append(" AND (aggr_level = ANY(").append(param(params, shorts(cc.levels())))
                            .append(") OR commodity = ANY(").append(param(params, cc.codes().toArray(String[]::new)))
                            .append("))");
                } else if (!cc.codes().isEmpty()) {
                    sql.append(" AND commodity = ANY(").append(param(params, cc.codes().toArray(String[]::new)))
                            .append(')');
                }
            }
            if (slice.fromFlows()) {
                FlowBranches.append(sql, params, query, slice);
            }
        }
        return new FactQuery(sql.toString(), params);
    }

    /**
     * Whether a flow dataset's stored records (trade_fact: TOTAL to each partner, and every level to World) can
     * answer part of the query: they can unless it asks for levels below TOTAL only, to named partners other than
     * World. Rests on what the import stores for flows ({@code org.tradegateway.ingest.FlowTotals}): a change there
     * changes this rule.
     */
    static boolean storedRowsMayMatch(TradeQuery query) {
        CommoditySelection cc = query.commodities();
        return cc.all() || cc.allLevels().contains(0) || query.partners().all()
                || query.partners().codes().contains(0);
    }

    /**
     * {@code column = $n} for one value, {@code column = ANY($n)} for several: an equality tells the planner that
     * the column is constant in the answer, so the sort skips it and the index order of the columns after it
     * counts (the legacy page's example, one reporter to World at every level, is then sorted per level only).
     */
    static String oneOf(String column, List<Object> params, List<Integer> values) {
        return values.size() == 1 ? column + " = " + param(params, values.get(0).shortValue())
                : column + " = ANY(" + param(params, shorts(values)) + ")";
    }

    static String param(List<Object> params, Object value) {
        params.add(value);
        return "$" + params.size();
    }

    static Short[] shorts(List<Integer> values) {
        return values.stream().map(Integer::shortValue).toArray(Short[]::new);
    }

    /** Index of the column after the record columns: the data version in {@link #probeSql}, or the count. */
    public static final int PROBE_VERSION_COLUMN = 22;

    /**
     * The first {@code limit} rows and the data version in one statement, and when {@code counted} the number of
     * every matching record (column {@link #PROBE_VERSION_COLUMN}, the version then after it); at least one row
     * comes back (with null record columns when nothing matches) so that the version is always read.
     * <p>
     * The rows are the inner side of a nested loop whose outer side is the one row of the version: a join
     * {@code ON true} can be nothing else, so they come out in the order of their own {@code ORDER BY} and are not
     * sorted a second time, as they were below a plain join (1,071-1,110 statements a second under pgbench at 4
     * clients before, 1,290-1,298 after, for 500 sent of one pair's 933 records). The count stays a window over
     * the rows the statement reads anyway: counting in a statement of its own was a little faster where an index
     * gives the order and a limit stops early (1,338-1,381), and a quarter slower where every match is read and
     * sorted (one reporter to every partner in three chapters: 272-276 against 363-375).
     */
    public String probeSql(int limit, boolean counted) {
        String rows = counted ? "SELECT *, count(*) OVER () AS " + TOTAL_COLUMN + " FROM (" + union + ") u" + ORDER
                + " LIMIT " + limit : rowsSql(limit);
        return "SELECT u.*, v.version FROM (" + AvailabilityCache.VERSION_SQL + ") v(version) LEFT JOIN LATERAL ("
                + rows + ") u ON true";
    }

    /** Name of the data version column that {@link #streamSql} adds after the record columns. */
    public static final String VERSION_COLUMN = "version";
    /** Name of the column of {@link #probeSql} that counts every matching record, before the limit. */
    public static final String TOTAL_COLUMN = "total";

    /** The rows of a large answer, for a cursor: ordered, at most {@code limit}, each with its data version. */
    public String streamSql(int limit) {
        return "SELECT u.*, (" + AvailabilityCache.VERSION_SQL + ") AS " + VERSION_COLUMN + " FROM (" + union + ") u"
                + ORDER + " LIMIT " + limit;
    }

    /**
     * The data version and the number of every matching record, for a large answer that reports it: a statement
     * of its own that runs beside the cursor, as counting in the cursor's statement ({@code count(*) OVER ()})
     * kept every matching row before the sort (0.5-0.9 s more for 100,000 of 400,000 rows, where this count takes
     * 60-200 ms).
     */
    public String countSql() {
        return "SELECT (" + AvailabilityCache.VERSION_SQL + "), count(*) FROM (" + union + ") u";
    }

    /** The rows, ordered, at most {@code limit}. */
    public String rowsSql(int limit) {
        return "SELECT * FROM (" + union + ") u" + ORDER + " LIMIT " + limit;
    }

    public Tuple tuple() {
        return Tuple.tuple(new ArrayList<>(parameters));
    }

    /** The rows query with its parameters written in, for EXPLAIN and for benchmarks with psql. */
    public String literalRowsSql(int limit) {
        return withLiterals(rowsSql(limit));
    }

    /** {@link #probeSql} with its parameters written in, for EXPLAIN. */
    public String literalProbeSql(int limit, boolean counted) {
        return withLiterals(probeSql(limit, counted));
    }

    private String withLiterals(String sql) {
        for (int i = parameters.size(); i >= 1; i--) {
            sql = sql.replace("$" + i, literal(parameters.get(i - 1)));
        }
        return sql;
    }

    private static String literal(Object value) {
        if (value instanceof Integer || value instanceof Short) {
            return value.toString();
        }
        if (value instanceof Short[] shorts) {
            return "'{" + String.join(",", java.util.Arrays.stream(shorts).map(String::valueOf).toList()) + "}'::int2[]";
        }
        if (value instanceof String[] strings) {
            return "'{" + String.join(",", java.util.Arrays.stream(strings).map(s -> "\"" + s.replace("'", "''")
                    + "\"").toList()) + "}'::text[]";
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }
}
