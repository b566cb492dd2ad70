package org.tradegateway.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tradegateway.config.LimitsConfig;

/**
 * The upstream's limits with Bucket4j, per caller: a per-second bucket and a usage bucket refilled whole at the
 * end of each window (an hour). Kept in this process.
 */
@ApplicationScoped
public class RateLimiter {
    private final LimitsConfig config;
    private final Map<String, Buckets> buckets = new ConcurrentHashMap<>();

    public RateLimiter(LimitsConfig config) {
        this.config = config;
    }

    private record Buckets(Bucket perSecond, Bucket usage, int quota) {
    }

    /** The outcome of one request: allowed, or refused by the rate or the usage limit. */
    public record Decision(boolean allowed, boolean usageLimit, long waitSeconds, int quota, long remaining,
                           long resetSeconds, Instant resumeAt) {
    }

    public Decision consume(Caller caller) {
        Buckets b = buckets.compute(caller.key(), (key, existing) ->
                existing != null && existing.quota() == caller.hourlyQuota() ? existing : create(caller.hourlyQuota()));
        ConsumptionProbe second = b.perSecond().tryConsumeAndReturnRemaining(1);
        if (!second.isConsumed()) {
            long wait = Math.max(1, seconds(second.getNanosToWaitForRefill()));
            return new Decision(false, false, wait, b.quota(), b.usage().getAvailableTokens(), wait, null);
        }
        ConsumptionProbe usage = b.usage().tryConsumeAndReturnRemaining(1);
        long reset = seconds(usage.getNanosToWaitForReset());
        if (!usage.isConsumed()) {
            long wait = Math.max(1, seconds(usage.getNanosToWaitForRefill()));
            return new Decision(false, true, wait, b.quota(), 0, wait,
                    Instant.now().plusSeconds(wait).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
        return new Decision(true, false, 0, b.quota(), usage.getRemainingTokens(), reset, null);
    }

    private Buckets create(int quota) {
        Duration window = config.window();
        Bucket perSecond = Bucket.builder().addLimit(Bandwidth.builder().capacity(config.perSecond())
                .refillIntervally(config.perSecond(), Duration.ofSeconds(1)).build()).build();
        Bucket usage = Bucket.builder().addLimit(Bandwidth.builder().capacity(quota)
                .refillIntervally(quota, window).build()).build();
        return new Buckets(perSecond, usage, quota);
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
