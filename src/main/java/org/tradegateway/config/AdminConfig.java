package org.tradegateway.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The admin HTTP API. */
@ConfigMapping(prefix = "trade.admin")
public interface AdminConfig {

    /** The credential /admin requires as "Authorization: Bearer ..."; unset keeps /admin closed (401). */
    Optional<String> token();
}
