package org.tradegateway.db;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CountDownLatch;

/**
 * Says when the gateway has stopped serving: Quarkus fires its shutdown event after in-flight requests have
 * finished (or the grace period has passed), and only then may the embedded PostgreSQL stop.
 */
@ApplicationScoped
public class ServerShutdown {
    private static final CountDownLatch STOPPED = new CountDownLatch(1);

    /** Released once the gateway has stopped serving. */
    public static CountDownLatch stopped() {
        return STOPPED;
    }

    void onStop(@Observes ShutdownEvent event) {
        STOPPED.countDown();
    }
}
