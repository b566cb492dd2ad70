package org.tradegateway.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tradegateway.core.QueryFailure;
import org.tradegateway.core.TradeQuery;
import org.tradegateway.data.AvailabilityCache;
import org.tradegateway.dialect.legacy.LegacyFailures;
import org.tradegateway.dialect.legacy.QueryParser;
import org.tradegateway.refs.ReferenceData;
import org.tradegateway.service.QueryPlanner;

/**
 * {@code query-sql "r=842&p=156&ps=2021" [more query strings]}: prints the SQL that /api/get runs for each query
 * string against what is loaded, one statement per line with its parameters written in, for EXPLAIN or for timing
 * it with psql or pgbench.
 */
final class QuerySqlCommand {
    private final Arguments arguments;
    private final PrintStream out;

    QuerySqlCommand(Arguments arguments, PrintStream out) {
        this.arguments = arguments;
        this.out = out;
    }

    CommandLine.Body body() {
        List<Map<String, String>> queries = new ArrayList<>();
        queries.add(parameters(arguments.positional(0, "query string, e.g. \"r=842&p=156&ps=2021\"")));
        for (int i = 1; i < arguments.positionalCount(); i++) {
            queries.add(parameters(arguments.positional(i, "query string")));
        }
        int cap = Integer.parseInt(arguments.option("max-records", "250000"));
        return connection -> {
            java.util.Set<Integer> named = new java.util.HashSet<>();
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT code FROM area")) {
                while (rs.next()) {
                    named.add(rs.getInt(1));
                }
            }
            List<AvailabilityCache.Entry> entries = new ArrayList<>();
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery(AvailabilityCache.SNAPSHOT_SQL)) {
                while (rs.next()) {
                    if (rs.getString(2) != null) {
                        entries.add(new AvailabilityCache.Entry(rs.getString(2).charAt(0), rs.getString(3).charAt(0),
                                rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getBoolean(7), rs.getBoolean(8)));
                    }
                }
            }
            AvailabilityCache.Snapshot snapshot = new AvailabilityCache.Snapshot("", entries);
            for (Map<String, String> params : queries) {
                TradeQuery query;
                try {
                    query = new QueryParser(ReferenceData.get()).parse(params, cap, named::contains).query();
                } catch (QueryFailure e) {
                    throw new IllegalArgumentException(LegacyFailures.status(e).value() + " " + e.getMessage());
                }
                var plan = QueryPlanner.plan(snapshot, query);
                out.println(plan.isEmpty() ? "-- nothing loaded matches this query"
                        : plan.get().literalRowsSql(query.limit()) + ";");
            }
            return 0;
        };
    }

    private static Map<String, String> parameters(String queryString) {
        Map<String, String> params = new HashMap<>();
        for (String pair : queryString.replaceFirst("^.*\\?", "").split("&")) {
            String[] kv = pair.split("=", 2);
            params.putIfAbsent(kv[0].toLowerCase(Locale.ROOT), kv.length > 1
                    ? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8) : "");
        }
        return params;
    }
}
