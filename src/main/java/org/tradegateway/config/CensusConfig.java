package org.tradegateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Settings of the Census International Trade API ({@code /data/timeseries/intltrade/...}). */
@ConfigMapping(prefix = "trade.census")
public interface CensusConfig {

    /** The reporter whose exports and imports the API answers (Comtrade area code; 842 = United States). */
    @WithDefault("842")
    int reporter();

    /** The most stored records one answer may read; a query that matches more is refused with 400. */
    @WithName("max-records")
    @WithDefault("200000")
    int maxRecords();
}
