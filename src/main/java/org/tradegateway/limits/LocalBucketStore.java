package org.tradegateway.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Buckets held by this process only (each gateway process counts on its own). */
final class LocalBucketStore implements BucketStore {
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private Bucket bucket(String key, BucketConfiguration configuration) {
        return buckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build());
    }

    /** Takes one token, at once. */
    ConsumptionProbe consume(String key, BucketConfiguration configuration) {
        return bucket(key, configuration).tryConsumeAndReturnRemaining(1);
    }

    /** The tokens left, at once. */
    long availableNow(String key, BucketConfiguration configuration) {
        return bucket(key, configuration).getAvailableTokens();
    }

    @Override
    public CompletionStage<ConsumptionProbe> tryConsume(String key, BucketConfiguration configuration) {
        return CompletableFuture.completedFuture(consume(key, configuration));
    }

    @Override
    public CompletionStage<Long> available(String key, BucketConfiguration configuration) {
        return CompletableFuture.completedFuture(availableNow(key, configuration));
    }
}
