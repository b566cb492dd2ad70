package org.tradegateway.service;

import java.util.List;
import java.util.Optional;
import org.tradegateway.core.CommoditySelection;
import org.tradegateway.core.TradeQuery;
import org.tradegateway.data.AvailabilityCache;
import org.tradegateway.data.FactQuery;
import org.tradegateway.data.Slice;
import org.tradegateway.data.SlicePlanner;
import org.tradegateway.data.TradeRepository;

/**
 * The one way from a query to the statement that answers it over what is loaded: the availability entries that
 * match it, the slices to read (for {@code px=HS} the revision each reporter-period was loaded in), and the SQL
 * over them, and whether it is read in one statement or through a cursor. Used by the answers of every dialect, the
 * bulk files and the {@code query-sql} command.
 */
public final class QueryPlanner {
    /** Answers up to this many rows are read in one statement, without a separate count or a cursor. */
    static final int PROBE_ROWS = 1000;
    /** More reporters than any classification of areas has (about 250 report trade). */
    private static final int MOST_REPORTERS = 300;

    private QueryPlanner() {
    }

    /** The statement of a query over what this snapshot says is loaded, or empty when nothing loaded matches. */
    public static Optional<FactQuery> plan(AvailabilityCache.Snapshot snapshot, TradeQuery query) {
        List<Slice> slices = SlicePlanner.plan(TradeRepository.available(snapshot, query), query.periods(),
                (px, period) -> snapshot.flowAreas(query.type().code(), query.frequency().code(), px, period));
        return slices.isEmpty() ? Optional.empty() : Optional.of(FactQuery.of(query, slices));
    }

    /**
     * Whether an answer will most likely be large (every reporter or every partner, below the total; or every
     * commodity at every level, the whole tree of even one reporter and partner), so that it goes straight to a
     * cursor instead of first reading its first rows in a statement of their own.
     */
    static boolean likelyLarge(TradeQuery query) {
        CommoditySelection cc = query.commodities();
        boolean totalOnly = !cc.all() && cc.allLevels().equals(List.of(0));
        return query.limit() > PROBE_ROWS && !totalOnly && !fewCodesToNamedPartners(query)
                && (query.reporters().all() || query.partners().all() || cc.all());
    }

    /**
     * Named codes (no whole level) to named partners in named flows: at most one record per reporter, partner, code
     * and flow, so that even every reporter's records of one product to World (a product hub) fit one statement.
     */
    private static boolean fewCodesToNamedPartners(TradeQuery query) {
        CommoditySelection cc = query.commodities();
        if (cc.all() || !cc.levels().isEmpty() || query.partners().all() || query.flows().all()) {
            return false;
        }
        long reporters = query.reporters().all() ? MOST_REPORTERS : query.reporters().codes().size();
        return reporters * query.partners().codes().size() * cc.codes().size() * query.flows().codes().size()
                <= PROBE_ROWS;
    }
}
