package org.tradegateway.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.tradegateway.config.LimitsConfig;

/**
 * The upstream's limits with Bucket4j, per caller: a per-second bucket and a usage bucket refilled whole at the
 * end of each window. Buckets live in Redis when {@code trade.limits.redis-url} is set, so every gateway process
 * shares them; if Redis cannot be reached the gateway goes on with per-process buckets (fail-open), reports the
 * store as degraded in readiness, counts every decision taken without it, and tries Redis again a few seconds
 * later. While it is away each process hands out its own quota, so a caller may get up to quota × processes in
 * that time; a Redis that restarts without its data starts every window afresh.
 */
@ApplicationScoped
public class RateLimiter {
    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final long RETRY_NANOS = 5_000_000_000L;
    private final LimitsConfig config;
    private final LocalBucketStore local = new LocalBucketStore();
    private final RedisBucketStore shared;
    private final Counter failures;
    private volatile long degradedSince = -1;
    private final BucketConfiguration perSecond;
    /** Usage bucket settings by hourly quota (a handful of distinct quotas), built once each. */
    private final Map<Integer, BucketConfiguration> usageConfigurations = new ConcurrentHashMap<>();

    public RateLimiter(LimitsConfig config, MeterRegistry registry) {
        this.config = config;
        this.shared = config.redisUrl().map(url -> new RedisBucketStore(url, config.redisPrefix())).orElse(null);
        this.perSecond = BucketConfiguration.builder().addLimit(Bandwidth.builder().capacity(config.perSecond())
                .refillIntervally(config.perSecond(), Duration.ofSeconds(1)).build()).build();
        this.failures = Counter.builder("trade.limits.store.failures")
                .description("Rate-limit decisions taken per process because the shared store could not be used")
                .register(registry);
    }

    /** The outcome of one request: allowed, or refused by the rate or the usage limit. */
    public record Decision(boolean allowed, boolean usageLimit, long waitSeconds, int quota, long remaining,
                           long resetSeconds, Instant resumeAt) {
    }

    /** Whether a shared store is configured, and whether it is in use right now. */
    public boolean sharedConfigured() {
        return shared != null;
    }

    public boolean degraded() {
        return shared != null && degradedSince >= 0;
    }

    /** The decision for one request of this caller, asked of the shared store when one is in use. */
    public Uni<Decision> consume(Caller caller) {
        Decision now = decideNow(caller);
        if (now != null) {
            return Uni.createFrom().item(now);
        }
        int quota = caller.hourlyQuota();
        BucketConfiguration usage = usage(quota);
        String usageKey = usageKey(caller);
        AtomicBoolean withoutStore = new AtomicBoolean();
        return probe(secondKey(caller), perSecond, withoutStore).flatMap(second -> second.isConsumed()
                ? probe(usageKey, usage, withoutStore).map(probe -> usageDecision(probe, quota))
                : available(usageKey, usage, withoutStore).map(left -> rateRefusal(second, quota, left)))
                .invoke(decision -> {
                    if (withoutStore.get()) {
                        failures.increment();
                    }
                });
    }

    /**
     * The decision at once, when the buckets are this process's own (no shared store, or a shared store that has
     * just failed); null when it must be asked of the shared store through {@link #consume}.
     */
    public Decision decideNow(Caller caller) {
        if (store() != local) {
            return null;
        }
        if (shared != null) {
            failures.increment(); // the shared store failed a moment ago: this decision is taken without it
        }
        int quota = caller.hourlyQuota();
        BucketConfiguration usage = usage(quota);
        String usageKey = usageKey(caller);
        ConsumptionProbe second = local.consume(secondKey(caller), perSecond);
        return second.isConsumed() ? usageDecision(local.consume(usageKey, usage), quota)
                : rateRefusal(second, quota, local.availableNow(usageKey, usage));
    }

    private BucketConfiguration usage(int quota) {
        return usageConfigurations.computeIfAbsent(quota, q -> BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(q).refillIntervally(q, config.window()).build()).build());
    }

    private String secondKey(Caller caller) {
        return caller.key() + ":s:" + config.perSecond();
    }

    private String usageKey(Caller caller) {
        return caller.key() + ":h:" + caller.hourlyQuota() + ":" + config.window().toSeconds();
    }

    /** Refused by the per-second limit; {@code left} is what remains of the usage quota. */
    private static Decision rateRefusal(ConsumptionProbe second, int quota, long left) {
        long wait = Math.max(1, seconds(second.getNanosToWaitForRefill()));
        return new Decision(false, false, wait, quota, left, wait, null);
    }

    /** The per-second limit let the request through: the usage quota decides. */
    private static Decision usageDecision(ConsumptionProbe probe, int quota) {
        if (!probe.isConsumed()) {
            long wait = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
            return new Decision(false, true, wait, quota, 0, wait,
                    Instant.now().plusSeconds(wait).truncatedTo(ChronoUnit.SECONDS));
        }
        return new Decision(true, false, 0, quota, probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()), null);
    }

    private BucketStore store() {
        if (shared == null) {
            return local;
        }
        long since = degradedSince;
        if (since >= 0 && System.nanoTime() - since < RETRY_NANOS) {
            return local;
        }
        return shared;
    }

    private Uni<ConsumptionProbe> probe(String key, BucketConfiguration configuration, AtomicBoolean withoutStore) {
        BucketStore store = store();
        return fromStage(store.tryConsume(key, configuration)).onItem().invoke(p -> recovered(store))
                .onFailure().recoverWithUni(e -> {
                    withoutStore.set(true);
                    failed(store, e);
                    return fromStage(local.tryConsume(key, configuration));
                });
    }

    private Uni<Long> available(String key, BucketConfiguration configuration, AtomicBoolean withoutStore) {
        BucketStore store = store();
        return fromStage(store.available(key, configuration)).onFailure().recoverWithUni(e -> {
            withoutStore.set(true);
            failed(store, e);
            return fromStage(local.available(key, configuration));
        });
    }

    private static <T> Uni<T> fromStage(CompletionStage<T> stage) {
        return Uni.createFrom().completionStage(stage);
    }

    private void recovered(BucketStore store) {
        if (store == shared && degradedSince >= 0) {
            degradedSince = -1;
            LOG.info("the shared rate-limit store answers again; limits are shared between processes");
        }
    }

    private void failed(BucketStore store, Throwable e) {
        if (store == shared && degradedSince < 0) {
            LOG.warnf("the shared rate-limit store failed (%s); limits are counted per process until it answers",
                    e.getMessage());
        }
        if (store == shared) {
            degradedSince = System.nanoTime();
        }
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    @PreDestroy
    void close() {
        if (shared != null) {
            shared.close();
        }
    }
}
