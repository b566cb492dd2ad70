package org.tradegateway.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.tradegateway.config.HttpConfig;

/** The settings every streamed answer is written with, and the count of answers cut by a failure. */
@ApplicationScoped
public class Streams {
    private final AnswerResponse.Streaming settings;

    public Streams(HttpConfig config, MeterRegistry registry) {
        Counter cut = Counter.builder("trade.api.answers.cut")
                .description("Streamed answers ended without their last bytes because reading them failed")
                .register(registry);
        this.settings = new AnswerResponse.Streaming(config.stallTimeout().toMillis(), cut::increment);
    }

    public AnswerResponse.Streaming settings() {
        return settings;
    }
}
