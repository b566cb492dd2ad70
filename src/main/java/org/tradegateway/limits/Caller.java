package org.tradegateway.limits;

/**
 * Who is calling: a guest known by its IP address, or an account (by token or IP range), with the limits that
 * apply to it. {@code key} names its buckets.
 */
public record Caller(Kind kind, String key, Long accountId, String accountName, int hourlyQuota, int maxRecords) {

    /** How the caller was recognised. */
    public enum Kind {
        GUEST, TOKEN, IP_ACCOUNT
    }

    public boolean authenticated() {
        return kind != Kind.GUEST;
    }
}
