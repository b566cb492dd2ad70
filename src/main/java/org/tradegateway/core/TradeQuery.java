package org.tradegateway.core;

import org.tradegateway.refs.Classification;

/**
 * What a query asks for, in any dialect: trade type, frequency, classification, reporters, partners, periods,
 * flows and commodities, and at most how many records. How the answer is encoded is the dialect's business.
 */
public record TradeQuery(TradeType type, Frequency frequency, Classification classification, Selection reporters,
                         Selection partners, PeriodSelection periods, Selection flows, CommoditySelection commodities,
                         int limit) {

    public boolean monthly() {
        return frequency == Frequency.MONTHLY;
    }
}
