package org.tradegateway.api;

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
 * which gives back the answer's connection and its place; a stream that fails after its first bytes closes the
 * connection, so that the client sees an incomplete answer rather than a short one.
 */
final class AnswerResponse implements Flow.Subscriber<Buffer> {
    private static final Logger LOG = Logger.getLogger(AnswerResponse.class);
    private final HttpServerResponse response;
    private Flow.Subscription subscription;

    private AnswerResponse(HttpServerResponse response) {
        this.response = response;
    }

    static void send(RoutingContext routing, Answer answer) {
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
            response.putHeader("Content-Length", Integer.toString(answer.whole().length())).end(answer.whole());
            return;
        }
        response.setChunked(true);
        answer.body().subscribe().withSubscriber(new AnswerResponse(response));
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        response.closeHandler(closed -> cancel());
        s.request(1);
    }

    @Override
    public void onNext(Buffer chunk) {
        if (response.closed()) {
            cancel();
            return;
        }
        response.write(chunk);
        if (response.writeQueueFull()) {
            response.drainHandler(drained -> subscription.request(1));
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable failure) {
        LOG.warnf("an answer stopped after its first bytes: %s", failure.toString());
        if (!response.closed()) {
            response.reset();
        }
    }

    @Override
    public void onComplete() {
        if (!response.closed()) {
            response.end();
        }
    }

    /** Stops the stream; ending it, however it ends, gives back what the answer holds (see Answer#holding). */
    private void cancel() {
        subscription.cancel();
    }
}
