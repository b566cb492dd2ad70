package org.tradegateway.dialect.legacy;

import io.vertx.core.buffer.Buffer;
import org.tradegateway.core.QueryFailure;
import org.tradegateway.service.Answer;

/**
 * How the legacy API shows a failed query: the validation block with the upstream's status 5002..5004 and HTTP
 * 200, or (the gateway's own) 5005 with HTTP 503 and Retry-After when it cannot answer now; in CSV, the header
 * and the upstream's one-cell failure row.
 */
public final class LegacyFailures {
    private LegacyFailures() {
    }

    public static ValidationStatus status(QueryFailure failure) {
        return switch (failure.kind()) {
            case INVALID -> ValidationStatus.INVALID_PARAMETER;
            case TOO_COMPLEX, TIMED_OUT -> ValidationStatus.QUERY_COMPLEXITY;
            case TOO_LARGE -> ValidationStatus.RESULT_TOO_LARGE;
            case UNAVAILABLE, BUSY -> ValidationStatus.SERVICE_UNAVAILABLE;
        };
    }

    /** The answer to a refused request in the requested format. */
    public static Answer answer(OutputFormat format, QueryFailure failure) {
        Buffer body = Buffer.buffer(text(format, failure));
        return failure instanceof QueryFailure.Unavailable unavailable
                ? Answer.whole(503, format.contentType(), unavailable.retryAfterSeconds(), body)
                : Answer.whole(200, format.contentType(), 0, body);
    }

    /** The body of a refusal: the validation block, or for CSV the header and the upstream's failure row. */
    public static String text(OutputFormat format, QueryFailure failure) {
        return format == OutputFormat.CSV ? new CsvAnswerWriter(Heading.H, false).noData()
                : JsonAnswerWriter.failure(status(failure), failure.getMessage());
    }
}
