package org.tradegateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** Who may ask how much: the upstream's rate and usage limits, per guest IP or account. */
@ConfigMapping(prefix = "trade.limits")
public interface LimitsConfig {

    /** Off turns every limit off (benchmarks, trusted networks). */
    @WithDefault("true")
    boolean enabled();

    /** Requests per second for everyone. */
    @WithName("per-second")
    @WithDefault("1")
    int perSecond();

    /** Requests per window for a guest. */
    @WithName("guest-quota")
    @WithDefault("100")
    int guestQuota();

    /** Requests per window for an account that sets no quota of its own. */
    @WithName("account-quota")
    @WithDefault("10000")
    int accountQuota();

    /** The usage window (upstream: one hour). */
    @WithDefault("PT1H")
    Duration window();

    /** Largest max a guest may ask for. */
    @WithName("guest-max-records")
    @WithDefault("100000")
    int guestMaxRecords();

    /** Largest max an account may ask for unless it sets its own (never above 250,000). */
    @WithName("account-max-records")
    @WithDefault("250000")
    int accountMaxRecords();

    /** Redis shared by every gateway process for the buckets (redis://host:6379); unset keeps them per process. */
    @WithName("redis-url")
    Optional<String> redisUrl();

    /** Prefix of the bucket keys in Redis, so that several deployments can share one Redis. */
    @WithName("redis-prefix")
    @WithDefault("trade-gateway:")
    String redisPrefix();

    /** How long account and token lookups are cached; a revocation takes effect within this time. */
    @WithName("account-cache")
    @WithDefault("PT2S")
    Duration accountCache();

    /**
     * Refused tokens and admin credentials allowed per client address and minute; past them, that address's
     * credentials are refused unread (409 on /api, 429 on /admin) until the allowance refills.
     */
    @WithName("refused-credentials-per-minute")
    @WithDefault("10")
    int refusedCredentialsPerMinute();
}
