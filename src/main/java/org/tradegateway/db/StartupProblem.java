package org.tradegateway.db;

/** A configuration or environment problem that stops the gateway; its message is shown to the operator as is. */
public class StartupProblem extends RuntimeException {
    public StartupProblem(String message) {
        super(message);
    }

    public StartupProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
