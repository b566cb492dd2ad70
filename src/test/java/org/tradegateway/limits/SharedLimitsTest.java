package org.tradegateway.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.tradegateway.config.LimitsConfig;

/**
 * Limits shared through a real Redis (TRADE_TEST_REDIS_URL, default redis://127.0.0.1:6379): two limiters, as two
 * gateway processes, draw on one bucket per caller; an unreachable Redis leaves each process counting alone.
 */
public class SharedLimitsTest {
    public static final String REDIS = Optional.ofNullable(System.getenv("TRADE_TEST_REDIS_URL"))
            .orElse("redis://127.0.0.1:6379");

    /** True when the test Redis answers; without it the shared-store tests are skipped (CI always starts one). */
    public static boolean redisReachable() {
        java.net.URI uri = java.net.URI.create(REDIS);
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static LimitsConfig config(String redisUrl) {
        return new LimitsConfig() {
            public boolean enabled() {
                return true;
            }

            public int perSecond() {
                return 1000;
            }

            public int guestQuota() {
                return 100;
            }

            public int accountQuota() {
                return 10000;
            }

            public Duration window() {
                return Duration.ofHours(1);
            }

            public int guestMaxRecords() {
                return 100000;
            }

            public int accountMaxRecords() {
                return 250000;
            }

            public String redisPrefix() {
                return "trade-gateway-test:";
            }

            public Optional<String> redisUrl() {
                return Optional.ofNullable(redisUrl);
            }

            public Duration accountCache() {
                return Duration.ofSeconds(2);
            }

            public int refusedCredentialsPerMinute() {
                return 10;
            }
        };
    }

    /** 200 requests at once, alternating between the two limiters; returns how many were allowed. */
    private static int allowed(RateLimiter a, RateLimiter b, Caller caller) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                RateLimiter limiter = i % 2 == 0 ? a : b;
                calls.add(() -> limiter.consume(caller).await().atMost(Duration.ofSeconds(10)).allowed());
            }
            int ok = 0;
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                ok += f.get() ? 1 : 0;
            }
            return ok;
        } finally {
            pool.shutdown();
        }
    }

    private static Caller account(int quota) {
        return new Caller(Caller.Kind.TOKEN, "account:test-" + UUID.randomUUID(), 1L, "test", quota, 250000);
    }

    @Test
    void shouldAllowExactlyTheQuotaAcrossTwoProcessesSharingRedis() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(redisReachable(), "no Redis at " + REDIS);
        RateLimiter first = new RateLimiter(config(REDIS), new SimpleMeterRegistry());
        RateLimiter second = new RateLimiter(config(REDIS), new SimpleMeterRegistry());
        try {
            assertEquals(50, allowed(first, second, account(50)));
            assertFalse(first.degraded() || second.degraded());
            assertEquals("shared", new LimitsStoreHealth(first).call().getData().orElseThrow().get("state"));
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void shouldCountPerProcessWithoutASharedStore() throws Exception {
        RateLimiter first = new RateLimiter(config(null), new SimpleMeterRegistry());
        RateLimiter second = new RateLimiter(config(null), new SimpleMeterRegistry());
        assertEquals(100, allowed(first, second, account(50)), "each process allows its own 50");
    }

    @Test
    void shouldKeepServingWithPerProcessLimitsWhenRedisIsUnreachable() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RateLimiter limiter = new RateLimiter(config("redis://127.0.0.1:1"), registry);
        try {
            Caller caller = account(3);
            assertTrue(limiter.consume(caller).await().atMost(Duration.ofSeconds(10)).allowed());
            assertTrue(limiter.degraded());
            assertTrue(registry.get("trade.limits.store.failures").counter().count() >= 1);
            assertEquals("degraded", new LimitsStoreHealth(limiter).call().getData().orElseThrow().get("state"));
            assertTrue(limiter.consume(caller).await().atMost(Duration.ofSeconds(10)).allowed());
            assertTrue(limiter.consume(caller).await().atMost(Duration.ofSeconds(10)).allowed());
            assertFalse(limiter.consume(caller).await().atMost(Duration.ofSeconds(10)).allowed(),
                    "the per-process bucket still limits");
            for (int i = 0; i < 6; i++) {
                limiter.consume(account(10)).await().atMost(Duration.ofSeconds(10));
            }
            // every decision taken without the store is counted, once: 4 above and 6 here
            assertEquals(10.0, registry.get("trade.limits.store.failures").counter().count());
        } finally {
            limiter.close();
        }
    }
}
