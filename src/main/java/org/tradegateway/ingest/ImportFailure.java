package org.tradegateway.ingest;

/** An import that did not happen; nothing of it is visible. The message is meant for the operator. */
public class ImportFailure extends RuntimeException {
    public ImportFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public ImportFailure(String message) {
        super(message);
    }
}
