package org.tradegateway.service;

import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;

/**
 * A prepared answer: HTTP status, content type, Retry-After (0 for none), and either its whole body
 * (sent in one piece with its length) or the bytes to stream (nothing is read before they are pulled) with, for a
 * heavy answer, what gives back its place and its connection when it ends.
 */
public record Answer(int status, String contentType, long retryAfterSeconds, Buffer whole, Multi<Buffer> body,
                     Runnable onEnd) {

    /** A streamed answer. */
    public static Answer of(String contentType, Multi<Buffer> body) {
        return new Answer(200, contentType, 0, null, body, null);
    }

    /** A complete answer, written in one piece. */
    public static Answer of(String contentType, Buffer whole) {
        return new Answer(200, contentType, 0, whole, null, null);
    }

    /** A complete answer with its own status and Retry-After (0 for none). */
    public static Answer whole(int status, String contentType, long retryAfterSeconds, Buffer whole) {
        return new Answer(status, contentType, retryAfterSeconds, whole, null, null);
    }

    /** The same answer with resources to give back once, when its bytes end however they end. */
    Answer holding(Runnable end) {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable once = () -> {
            if (done.compareAndSet(false, true)) {
                end.run();
            }
        };
        return new Answer(status, contentType, retryAfterSeconds, null, body.onTermination().invoke(once), once);
    }

    /** Gives back what a heavy answer holds, if anything; safe to call more than once. */
    public void release() {
        if (onEnd != null) {
            onEnd.run();
        }
    }
}
