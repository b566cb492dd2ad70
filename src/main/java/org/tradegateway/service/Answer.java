package org.tradegateway.service;

import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;
import org.tradegateway.output.CsvAnswerWriter;
import org.tradegateway.output.JsonAnswerWriter;
import org.tradegateway.query.Heading;
import org.tradegateway.query.OutputFormat;
import org.tradegateway.query.ServiceUnavailable;
import org.tradegateway.query.ValidationFailure;

/**
 * A prepared /api/get answer: HTTP status, content type, Retry-After (0 for none), and either its whole body
 * (sent in one piece with its length) or the bytes to stream (nothing is read before they are pulled) with, for a
 * heavy answer, what gives back its place and its connection when it ends.
 */
public record Answer(int status, String contentType, long retryAfterSeconds, Buffer whole, Multi<Buffer> body,
                     Runnable onEnd) {

    /** A streamed answer. */
    public static Answer of(OutputFormat format, Multi<Buffer> body) {
        return new Answer(200, format.contentType(), 0, null, body, null);
    }

    public static Answer of(OutputFormat format, String text) {
        return of(format, Buffer.buffer(text));
    }

    /** A complete answer, written in one piece. */
    public static Answer of(OutputFormat format, Buffer whole) {
        return new Answer(200, format.contentType(), 0, whole, null, null);
    }

    /**
     * The validation answer of a refused request in the requested format: HTTP 200 as the upstream sent it, or 503
     * with Retry-After when the gateway cannot answer now (the CSV form carries the upstream's failure row).
     */
    public static Answer failure(OutputFormat format, ValidationFailure failure) {
        String text = failureText(format, failure);
        if (failure instanceof ServiceUnavailable unavailable) {
            return new Answer(503, format.contentType(), unavailable.retryAfterSeconds(), Buffer.buffer(text), null,
                    null);
        }
        return of(format, text);
    }

    /** The body of a refusal: the validation block, or for CSV the header and the upstream's failure row. */
    public static String failureText(OutputFormat format, ValidationFailure failure) {
        return format == OutputFormat.CSV ? new CsvAnswerWriter(Heading.H, false).noData()
                : JsonAnswerWriter.failure(failure.status(), failure.getMessage());
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
