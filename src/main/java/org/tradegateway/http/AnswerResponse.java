package org.tradegateway.http;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Flow;
import org.jboss.logging.Logger;
import org.tradegateway.service.Answer;

/**
 * Writes a prepared answer to the HTTP response. A complete answer goes out in one write with its length; a
 * streamed one chunk by chunk, the next chunk asked for only when the socket has taken the last, so that a slow
 * client holds back the database cursor instead of filling the heap. A client that goes away cancels the stream,
 * which gives back the answer's connection and its place; so does a client that takes nothing for the stall
 * timeout. A stream that fails after its first bytes is cut: the connection is reset without the body's last
 * chunk (and a JSON answer never gets its closing tail), so that the client sees an incomplete answer rather
 * than a short one.
 */
public final class AnswerResponse implements Flow.Subscriber<Buffer> {
    private static final Logger LOG = Logger.getLogger(AnswerResponse.class);
    private final HttpServerResponse response;
    private final Vertx vertx;
    private final Streaming settings;
    private final Ending ending;
    private final long expected;
    private Flow.Subscription subscription;
    private long written;
    private long stallTimer = -1;
    private boolean over;

    /** How streamed answers are watched: the stall timeout, and what counts cut answers. */
    public record Streaming(long stallMillis, Runnable onCut) {
    }

    /** How a streamed body ended. */
    public enum Outcome {
        COMPLETE, CUT, WRONG_LENGTH
    }

    /** Told how a streamed body ended, and after how many bytes. */
    public interface Ending {
        Ending NONE = (bytes, outcome) -> { };

        void ended(long bytes, Outcome outcome);
    }

    private AnswerResponse(RoutingContext routing, Streaming settings, long expected, Ending ending) {
        this.expected = expected;
        this.response = routing.response();
        this.vertx = routing.vertx();
        this.settings = settings;
        this.ending = ending;
    }

    public static void send(RoutingContext routing, Answer answer, Streaming settings) {
        HttpServerResponse response = routing.response();
        if (response.closed() || response.ended()) {
            answer.release(); // its body will never be subscribed to
            return;
        }
        response.setStatusCode(answer.status()).putHeader("Content-Type", answer.contentType());
        if (answer.retryAfterSeconds() > 0) {
            response.putHeader("Retry-After", Long.toString(answer.retryAfterSeconds()));
        }
        if (answer.whole() != null) {
            // set here, not left to end(): for HEAD the server sends no body and then no length either
            response.putHeader("Content-Length", Integer.toString(answer.whole().length()));
            Flushing.track(response.end(answer.whole()));
            return;
        }
        stream(routing, answer.body(), -1, settings, Ending.NONE);
    }

    /**
     * Streams a body; with {@code length} of 0 or more it is sent with that Content-Length, and a body that turns out
     * longer or shorter is cut instead of being sent wrong.
     */
    public static void stream(RoutingContext routing, io.smallrye.mutiny.Multi<Buffer> body, long length, Streaming settings,
                       Ending ending) {
        HttpServerResponse response = routing.response();
        if (length >= 0) {
            response.putHeader("Content-Length", Long.toString(length));
        } else {
            response.setChunked(true);
        }
        body.subscribe().withSubscriber(new AnswerResponse(routing, settings, length, ending));
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        response.closeHandler(closed -> stop());
        s.request(1);
    }

    @Override
    public void onNext(Buffer chunk) {
        if (over) {
            return;
        }
        if (response.closed()) {
            stop();
            return;
        }
        written += chunk.length();
        response.write(chunk);
        if (response.writeQueueFull()) {
            stallTimer = vertx.setTimer(settings.stallMillis(), id -> stalled());
            response.drainHandler(drained -> {
                vertx.cancelTimer(stallTimer);
                if (!over) {
                    subscription.request(1);
                }
            });
        } else {
            subscription.request(1);
        }
    }

    /** The client took nothing for the stall timeout: the answer ends and gives back what it holds. */
    private void stalled() {
        if (over) {
            return;
        }
        LOG.infof("a client took no bytes for %d ms; its answer was ended after %d bytes", settings.stallMillis(),
                written);
        stop();
        if (!response.closed()) {
            response.reset();
        }
    }

    @Override
    public void onError(Throwable failure) {
        if (over) {
            return;
        }
        over = true;
        vertx.cancelTimer(stallTimer);
        LOG.warnf("an answer was cut after %d bytes: %s", written, failure.toString());
        settings.onCut().run();
        ending.ended(written, Outcome.CUT);
        if (!response.closed()) {
            response.reset();
        }
    }

    @Override
    public void onComplete() {
        if (over) {
            return;
        }
        over = true;
        vertx.cancelTimer(stallTimer);
        if (response.closed()) {
            ending.ended(written, Outcome.CUT);
            return;
        }
        if (expected >= 0 && written != expected) {
            LOG.errorf("a body of %d bytes was announced as %d bytes; the answer was cut", written, expected);
            settings.onCut().run();
            ending.ended(written, Outcome.WRONG_LENGTH);
            response.reset();
            return;
        }
        ending.ended(written, Outcome.COMPLETE);
        Flushing.track(response.end());
    }

    /** Stops the stream; ending it, however it ends, gives back what the answer holds (see Answer#holding). */
    private void stop() {
        if (over) {
            return;
        }
        over = true;
        vertx.cancelTimer(stallTimer);
        subscription.cancel();
        ending.ended(written, Outcome.CUT);
    }
}
