package org.tradegateway.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.tradegateway.config.LimitsConfig;

/**
 * Slows down credential guessing: every refused token or admin credential takes one place from a bucket of the
 * client's address; while that bucket is empty, the address's credentials are refused without being looked at.
 * Buckets are this process's own (an attacker spread over several processes gets each one's allowance).
 */
@ApplicationScoped
public class CredentialGuard {
    private static final int MAX_ADDRESSES = 100_000;
    private final int perMinute;
    private final ConcurrentMap<String, Bucket> refused = new ConcurrentHashMap<>();

    public CredentialGuard(LimitsConfig config) {
        this.perMinute = config.refusedCredentialsPerMinute();
    }

    /** Seconds until this address may present a credential again; 0 when it may now. */
    public long blockedSeconds(String address) {
        Bucket bucket = refused.get(address);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return 0;
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    /** Counts one refused credential of this address. */
    public void refused(String address) {
        if (refused.size() >= MAX_ADDRESSES) {
            refused.clear(); // an address flood must not become a memory leak; guessing restarts its allowance
        }
        refused.computeIfAbsent(address, a -> Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build()).tryConsume(1);
    }
}
