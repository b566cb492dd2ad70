package org.tradegateway.dialect.legacy;

import org.tradegateway.core.TradeQuery;

/** A validated /api/get request: the query, and how the legacy API encodes its answer. */
public record LegacyRequest(TradeQuery query, LegacyEncoding encoding) {
}
