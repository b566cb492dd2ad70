package org.tradegateway.service;

import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tradegateway.config.QueryConfig;
import org.tradegateway.core.QueryFailure;

/**
 * Bounds the answers read through a cursor (more rows than the first read) with a SmallRye Fault Tolerance
 * bulkhead and its short queue. A place is held from opening the cursor until the last byte is sent or the client
 * goes away: the guarded call is a {@link Uni} that completes only when its {@link Lease} is released. A request
 * that finds the queue full, or waits in it too long, is answered 503 with Retry-After.
 */
@ApplicationScoped
public class HeavyAnswers {
    private final Guard bulkhead;
    private final QueryConfig config;

    public HeavyAnswers(QueryConfig config) {
        this.config = config;
        this.bulkhead = Guard.create().withDescription("heavy /api/get answers")
                .withBulkhead().limit(config.heavyLimit()).queueSize(Math.max(1, config.heavyQueue())).done()
                .withThreadOffload(false)
                .build();
    }

    /** A place among the heavy answers; release it exactly when the answer ends, however it ends. */
    public static final class Lease {
        private final Runnable onRelease;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(Runnable onRelease) {
            this.onRelease = onRelease;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                onRelease.run();
            }
        }
    }

    /** Waits for a place (at most the configured queue wait), or fails with {@link QueryFailure.Unavailable} (busy). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Uni<Lease> acquire() {
        Context context = Vertx.currentContext();
        QueryFailure.Unavailable busy = QueryFailure.busy(
                "Too many large answers are being served. Please retry later.",
                config.busyRetryAfter().toSeconds());
        return Uni.createFrom().<Lease>emitter(emitter -> {
            Waiter waiter = new Waiter(emitter);
            emitter.onTermination(waiter::abandon);
            Uni<Void> held = (Uni<Void>) bulkhead.get(() -> Uni.createFrom().<Void>emitter(place -> {
                Lease lease = new Lease(() -> place.complete(null));
                if (context == null || Vertx.currentContext() == context) {
                    waiter.grant(lease);
                } else {
                    context.runOnContext(ignored -> waiter.grant(lease));
                }
            }), Uni.class);
            held.subscribe().with(done -> { }, failure -> emitter.fail(busy));
        }).ifNoItem().after(config.heavyQueueWait()).failWith(busy);
    }

    /** One request waiting for a place: it takes the place, or gives it straight back if it stopped waiting. */
    private static final class Waiter {
        private final UniEmitter<? super Lease> emitter;
        private boolean waiting = true;

        Waiter(UniEmitter<? super Lease> emitter) {
            this.emitter = emitter;
        }

        synchronized void grant(Lease lease) {
            if (waiting) {
                waiting = false;
                emitter.complete(lease);
            } else {
                lease.release();
            }
        }

        synchronized void abandon() {
            waiting = false;
        }
    }
}
