package org.tradegateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bulk file downloads. */
@ConfigMapping(prefix = "trade.bulk")
public interface BulkConfig {

    /**
     * Lets every caller download bulk files. Off by default: as upstream, only authenticated callers may, and
     * until accounts exist nobody is authenticated.
     */
    @WithDefault("false")
    boolean open();
}
