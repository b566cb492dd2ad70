package org.tradegateway.limits;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * With the limits shared through Redis, every counted endpoint answers as it does with per-process limits: the
 * decision arrives on a thread of the Redis client, and the request goes on on its own context.
 */
@QuarkusTest
@TestProfile(SharedModeEndpointsTest.SharedLimits.class)
class SharedModeEndpointsTest {

    /** Limits on, shared through the test Redis, generous enough not to refuse. */
    public static class SharedLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trade.limits.enabled", "true", "trade.limits.redis-url", SharedLimitsTest.REDIS,
                    "trade.limits.redis-prefix", "trade-gateway-test-" + System.nanoTime() + ":",
                    "trade.limits.per-second", "1000", "trade.limits.guest-quota", "1000", "trade.bulk.open", "true");
        }
    }

    @ParameterizedTest
    @CsvSource({"/api/get?r=all&p=all,200", "/api/refs/da/view,200", "/api/refs/da/bulk,200",
        "/api/get/bulk/C/A/1990/4/H0,404", "/api/get/plus?r=all&p=all,200"})
    void shouldAnswerEveryCountedEndpointWithSharedLimits(String path, int status) {
        assumeTrue(SharedLimitsTest.redisReachable(), "no Redis at " + SharedLimitsTest.REDIS);
        Response r = given().get(path);
        assertEquals(status, r.statusCode(), path + ": " + r.asString());
        assertNotNull(r.header("RateLimit-Remaining"), path);
        assertEquals("shared", given().get("/q/health/ready").jsonPath()
                .getString("checks.find { it.name == 'rate-limit store' }.data.state"));
    }
}
