package org.tradegateway.query;

import org.tradegateway.refs.Classification;

/** A validated /api/get request. */
public record TradeQuery(char type, char freq, Classification classification, Selection reporters,
                         Selection partners, PeriodSelection periods, Selection flows, CommoditySelection commodities,
                         OutputFormat format, int max, Heading heading, boolean imtsOriginal) {

    public boolean monthly() {
        return freq == 'M';
    }
}
