package org.tradegateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** How long a query may run, how many heavy answers stream at once, and what happens when the database is down. */
@ConfigMapping(prefix = "trade.query")
public interface QueryConfig {

    /**
     * PostgreSQL's statement_timeout on the gateway's connections: a statement running longer is cancelled by the
     * server and the caller gets a 5002 answer. Each fetch of a streamed answer counts separately.
     */
    @WithDefault("30s")
    Duration timeout();

    /** Heavy answers (read through a cursor: more rows than the first read) streamed at the same time. */
    @WithName("heavy-limit")
    @WithDefault("4")
    int heavyLimit();

    /** Heavy answers that may wait for a place; past that, 503 with Retry-After. */
    @WithName("heavy-queue")
    @WithDefault("8")
    int heavyQueue();

    /** Longest wait in that queue before the answer is 503. */
    @WithName("heavy-queue-wait")
    @WithDefault("10s")
    Duration heavyQueueWait();

    /** Once the database has failed, calls are refused at once (503) for this long before one is tried again. */
    @WithName("breaker-delay")
    @WithDefault("3s")
    Duration breakerDelay();

    /** Failed calls among the last this many that open the breaker (half of them). */
    @WithName("breaker-window")
    @WithDefault("4")
    int breakerWindow();

    /** How long opening a connection to PostgreSQL may take. */
    @WithName("connect-timeout")
    @WithDefault("2s")
    Duration connectTimeout();

    /** Retry-After, in seconds, of a 503 answered because the gateway is busy. */
    @WithName("busy-retry-after")
    @WithDefault("5s")
    Duration busyRetryAfter();

    /**
     * Memory for answers kept between requests: complete answers (up to 1,000 rows), each at most a sixteenth of
     * it, served again to the same query until the loaded data changes (PostgreSQL announces every import and
     * drop). 0 keeps none.
     */
    @WithName("answer-cache")
    @WithDefault("8M")
    MemorySize answerCache();

    /**
     * How long the database may take to answer the gateway's own round trip (made every quarter of this time on a
     * connection of its own) before it counts as unresponsive: database calls are then refused at once with 503,
     * calls under way are given up and readiness is DOWN, until it answers again. 0 turns the watchdog off.
     */
    @WithName("unresponsive-after")
    @WithDefault("1s")
    Duration unresponsiveAfter();
}
