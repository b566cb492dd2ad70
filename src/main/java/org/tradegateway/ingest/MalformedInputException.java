package org.tradegateway.ingest;

/** Input that cannot be imported; the message names the reason (the caller adds file and line). */
public class MalformedInputException extends RuntimeException {
    public MalformedInputException(String message) {
        super(message);
    }
}
