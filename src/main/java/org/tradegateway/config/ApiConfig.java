package org.tradegateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the legacy query API. */
@ConfigMapping(prefix = "trade.api")
public interface ApiConfig {

    /** Time zone of the timestamps in the validation block (the upstream answered in New York time). */
    @WithDefault("America/New_York")
    String timezone();
}
