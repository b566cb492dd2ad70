package org.tradegateway.query;

/** A request the legacy API answers with a {@code validation} block instead of data (HTTP 200). */
public class ValidationFailure extends RuntimeException {
    private final ValidationStatus status;

    public ValidationFailure(ValidationStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public ValidationStatus status() {
        return status;
    }

    static ValidationFailure invalid(String message) {
        return new ValidationFailure(ValidationStatus.INVALID_PARAMETER, message);
    }

    static ValidationFailure complex(String message) {
        return new ValidationFailure(ValidationStatus.QUERY_COMPLEXITY, message);
    }
}
