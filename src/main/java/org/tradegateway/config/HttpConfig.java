package org.tradegateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** How the gateway treats HTTP clients that are slow or stop half-way. */
@ConfigMapping(prefix = "trade.http")
public interface HttpConfig {

    /**
     * How long a streamed answer (a large /api/get answer, a bulk file) may wait for its client to take more bytes;
     * past it the answer ends, its connection closes and its place among the large answers is given back.
     */
    @WithName("stall-timeout")
    @WithDefault("60s")
    Duration stallTimeout();
}
