package org.tradegateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Bulk file downloads. */
@ConfigMapping(prefix = "trade.bulk")
public interface BulkConfig {

    /**
     * Lets every caller download bulk files. Off by default: as upstream, only authenticated callers may, and
     * until accounts exist nobody is authenticated.
     */
    @WithDefault("false")
    boolean open();

    /**
     * How often the gateway looks for bulk files not yet measured (after an import) and measures them in the
     * background; 0 measures only when a listing or a download asks.
     */
    @WithName("measure-every")
    @WithDefault("30s")
    java.time.Duration measureEvery();

    /** How long a listing may spend measuring files not yet measured before it answers 503 with Retry-After. */
    @WithName("listing-wait")
    @WithDefault("20s")
    java.time.Duration listingWait();
}
