package org.tradegateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** How the World Trade Flows views are kept once rendered. */
@ConfigMapping(prefix = "trade.views")
public interface ViewsConfig {
    /** Views rendered once per data version and kept in PostgreSQL ({@code view_document}); false renders each. */
    @WithDefault("true")
    boolean stored();

    /** Views of one data version a gateway stores at most; the others are rendered each time. */
    @WithName("stored-max")
    @WithDefault("50000")
    int storedMax();
}
