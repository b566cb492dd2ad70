package org.tradegateway.limits;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.util.concurrent.CompletionStage;

/** Where buckets live: in this process, or in a store shared by every gateway process. */
interface BucketStore {

    CompletionStage<ConsumptionProbe> tryConsume(String key, BucketConfiguration configuration);

    CompletionStage<Long> available(String key, BucketConfiguration configuration);
}
