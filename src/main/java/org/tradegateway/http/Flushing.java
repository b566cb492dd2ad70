package org.tradegateway.http;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Future;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Answers that are complete but not yet on the wire. The server counts a request as finished when its answer
 * has ended, which for a large answer to a slow client is before its last bytes have left the gateway; at a
 * graceful stop the gateway waits for those bytes too (within the grace period) before its event loops close, so
 * that an answer that was allowed to finish reaches its client whole.
 */
@ApplicationScoped
public class Flushing {
    private static final Logger LOG = Logger.getLogger(Flushing.class);
    private static final AtomicInteger UNFLUSHED = new AtomicInteger();
    private final long graceMillis;

    public Flushing(@ConfigProperty(name = "quarkus.shutdown.timeout", defaultValue = "30s")
                    java.time.Duration grace) {
        this.graceMillis = grace.toMillis();
    }

    /** Counts an ended answer until its bytes are written (or its connection is gone). */
    static void track(Future<Void> written) {
        UNFLUSHED.incrementAndGet();
        written.onComplete(done -> UNFLUSHED.decrementAndGet());
    }

    /** Before anything else stops: the answers that have ended are written out first. */
    void onStop(@Observes @Priority(1) ShutdownEvent event) throws InterruptedException {
        long deadline = System.currentTimeMillis() + graceMillis;
        if (UNFLUSHED.get() > 0) {
            LOG.infof("waiting for %d answers to reach their clients", UNFLUSHED.get());
        }
        while (UNFLUSHED.get() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }
}
