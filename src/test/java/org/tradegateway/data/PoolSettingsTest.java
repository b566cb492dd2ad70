package org.tradegateway.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The session settings of the gateway's two pools, read back from PostgreSQL: both cancel statements at the query
 * timeout and name themselves; the main pool plans generically, the streaming pool for the actual values.
 */
@QuarkusTest
class PoolSettingsTest {
    @Inject
    Pool pool;

    @Inject
    DatabasePoolCreator pools;

    private static String show(Pool pool, String setting) {
        return pool.query("SHOW " + setting).execute().await().atMost(Duration.ofSeconds(10))
                .iterator().next().getString(0);
    }

    @Test
    void shouldPlanSmallStatementsGenericallyAndLargeOnesForTheirValues() {
        Pool streaming = Pool.newInstance(pools.streaming());
        assertEquals("force_generic_plan", show(pool, "plan_cache_mode"));
        assertEquals("auto", show(streaming, "plan_cache_mode"));
        for (Pool p : new Pool[] {pool, streaming}) {
            assertEquals("30s", show(p, "statement_timeout"));
            assertEquals("trade-gateway", show(p, "application_name"));
        }
    }
}
