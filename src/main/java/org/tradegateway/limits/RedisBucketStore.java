package org.tradegateway.limits;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Buckets in Redis (Bucket4j over Lettuce), so that every gateway process draws on one bucket per caller. */
final class RedisBucketStore implements BucketStore, AutoCloseable {
    private final RedisClient client;
    private final String prefix;
    private volatile AsyncProxyManager<String> proxies;

    RedisBucketStore(String url, String prefix) {
        this.prefix = prefix;
        client = RedisClient.create(url);
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofMillis(500)).build())
                .timeoutOptions(TimeoutOptions.enabled(Duration.ofMillis(500)))
                .autoReconnect(true).build());
    }

    private AsyncProxyManager<String> proxies() {
        AsyncProxyManager<String> p = proxies;
        if (p == null) {
            synchronized (this) {
                if (proxies == null) {
                    proxies = Bucket4jLettuce.casBasedBuilder(client)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy
                                    .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                            .build().asAsync()
                            .withMapper(key -> (prefix + key).getBytes(StandardCharsets.UTF_8));
                }
                p = proxies;
            }
        }
        return p;
    }

    @Override
    public CompletionStage<ConsumptionProbe> tryConsume(String key, BucketConfiguration configuration) {
        try {
            return proxies().builder().build(key, () -> CompletableFuture.completedFuture(configuration))
                    .tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<Long> available(String key, BucketConfiguration configuration) {
        try {
            return proxies().builder().build(key, () -> CompletableFuture.completedFuture(configuration))
                    .getAvailableTokens();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
