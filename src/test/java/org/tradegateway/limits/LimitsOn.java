package org.tradegateway.limits;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Limits on, with a guest quota of 3 an hour and account changes seen within 0.2 s. */
public class LimitsOn implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("trade.limits.enabled", "true", "trade.limits.guest-quota", "3",
                "trade.limits.account-cache", "PT0.2S");
    }
}
