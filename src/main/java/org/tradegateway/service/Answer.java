package org.tradegateway.service;

import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;
import org.tradegateway.output.CsvAnswerWriter;
import org.tradegateway.output.JsonAnswerWriter;
import org.tradegateway.query.OutputFormat;
import org.tradegateway.query.ValidationFailure;

/** A prepared /api/get answer: its content type and the bytes to stream (nothing is read before they are pulled). */
public record Answer(String contentType, Multi<Buffer> body) {

    public static Answer of(OutputFormat format, String text) {
        return new Answer(format.contentType(), Multi.createFrom().item(Buffer.buffer(text)));
    }

    /** The validation answer of a refused request, in the requested format. */
    public static Answer failure(OutputFormat format, ValidationFailure failure) {
        return of(format, format == OutputFormat.CSV ? new CsvAnswerWriter(org.tradegateway.query.Heading.H, false)
                .noData() : JsonAnswerWriter.failure(failure.status(), failure.getMessage()));
    }
}
