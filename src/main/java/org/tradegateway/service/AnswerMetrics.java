package org.tradegateway.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prometheus figures of the query API: answers by endpoint and validation status, records streamed, time to
 * prepare an answer (plan and count, before the first byte), and rate-limit refusals by kind.
 */
@ApplicationScoped
public class AnswerMetrics {
    private final MeterRegistry registry;
    private final Counter rows;
    private final Timer preparation;
    private final Map<String, Map<String, Counter>> answers = new ConcurrentHashMap<>();

    public AnswerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.rows = Counter.builder("trade.api.records").description("Records written into answers")
                .register(registry);
        this.preparation = Timer.builder("trade.api.query").description("Time to plan and count an answer")
                .publishPercentileHistogram().register(registry);
    }

    /** An answer of an endpoint, with the status its dialect gave it (the legacy API: its validation status). */
    public void answered(String endpoint, String status) {
        // looked up once per endpoint and status, not built from tags on every answer
        answers.computeIfAbsent(endpoint, e -> new ConcurrentHashMap<>())
                .computeIfAbsent(status,
                        st -> registry.counter("trade.api.answers", "endpoint", endpoint, "status", st))
                .increment();
    }

    public void records(int count) {
        rows.increment(count);
    }

    public void prepared(Duration duration) {
        preparation.record(duration);
    }

    public void refused(String kind) {
        registry.counter("trade.limits.refusals", "kind", kind).increment();
    }
}
