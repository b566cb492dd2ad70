package org.tradegateway.service;

import java.util.List;
import java.util.Optional;
import org.tradegateway.core.TradeQuery;
import org.tradegateway.data.AvailabilityCache;
import org.tradegateway.data.FactQuery;
import org.tradegateway.data.Slice;
import org.tradegateway.data.SlicePlanner;
import org.tradegateway.data.TradeRepository;

/**
 * The one way from a query to the statement that answers it over what is loaded: the availability entries that
 * match it, the slices to read (for {@code px=HS} the revision each reporter-period was loaded in), and the SQL
 * over them. Used by the answers of every dialect, the bulk files and the {@code query-sql} command.
 */
public final class QueryPlanner {
    private QueryPlanner() {
    }

    /** The statement of a query over what this snapshot says is loaded, or empty when nothing loaded matches. */
    public static Optional<FactQuery> plan(AvailabilityCache.Snapshot snapshot, TradeQuery query) {
        List<Slice> slices = SlicePlanner.plan(TradeRepository.available(snapshot, query), query.periods(),
                (px, period) -> snapshot.flowAreas(query.type().code(), query.frequency().code(), px, period));
        return slices.isEmpty() ? Optional.empty() : Optional.of(FactQuery.of(query, slices));
    }
}
