package org.tradegateway.query;

/** A request that cannot be answered now (database down, too many heavy answers): HTTP 503 with Retry-After. */
public class ServiceUnavailable extends ValidationFailure {
    private final long retryAfterSeconds;

    public ServiceUnavailable(String message, long retryAfterSeconds) {
        super(ValidationStatus.SERVICE_UNAVAILABLE, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
