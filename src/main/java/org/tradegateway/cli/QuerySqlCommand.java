package org.tradegateway.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tradegateway.data.AvailabilityCache;
import org.tradegateway.data.FactQuery;
import org.tradegateway.data.SlicePlanner;
import org.tradegateway.data.TradeRepository;
import org.tradegateway.query.QueryParser;
import org.tradegateway.query.TradeQuery;
import org.tradegateway.query.ValidationFailure;
import org.tradegateway.refs.ReferenceData;

/**
 * {@code query-sql "r=842&p=156&ps=2021"}: prints the SQL that /api/get runs for a query string against what is
 * loaded, with its parameters written in, for EXPLAIN or for timing it with psql.
 */
final class QuerySqlCommand {
    private final Arguments arguments;
    private final PrintStream out;

    QuerySqlCommand(Arguments arguments, PrintStream out) {
        this.arguments = arguments;
        this.out = out;
    }

    CommandLine.Body body() {
        String queryString = arguments.positional(0, "query string, e.g. \"r=842&p=156&ps=2021\"");
        Map<String, String> params = new HashMap<>();
        for (String pair : queryString.replaceFirst("^.*\\?", "").split("&")) {
            String[] kv = pair.split("=", 2);
            params.putIfAbsent(kv[0].toLowerCase(Locale.ROOT), kv.length > 1
                    ? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8) : "");
        }
        int cap = Integer.parseInt(arguments.option("max-records", "250000"));
        return connection -> {
            TradeQuery query;
            try {
                query = new QueryParser(ReferenceData.get()).parse(params, cap);
            } catch (ValidationFailure e) {
                throw new IllegalArgumentException(e.status().value() + " " + e.getMessage());
            }
            List<AvailabilityCache.Entry> entries = new ArrayList<>();
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT type, freq, px, reporter, period, from_flows FROM data_availability")) {
                while (rs.next()) {
                    entries.add(new AvailabilityCache.Entry(rs.getString(1).charAt(0), rs.getString(2).charAt(0),
                            rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getBoolean(6)));
                }
            }
            var slices = SlicePlanner.plan(TradeRepository.available(new AvailabilityCache.Snapshot("", entries), query),
                    query.periods());
            if (slices.isEmpty()) {
                out.println("-- nothing loaded matches this query");
                return 0;
            }
            out.println(FactQuery.of(query, slices).literalRowsSql(query.max()) + ";");
            return 0;
        };
    }
}
