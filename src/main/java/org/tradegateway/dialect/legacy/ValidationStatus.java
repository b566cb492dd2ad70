package org.tradegateway.dialect.legacy;

/** The upstream {@code validation.status} values: name, value, category and description as the legacy API sent them. */
public enum ValidationStatus {
    OK("Ok", 0, ""),
    QUERY_COMPLEXITY("Query complexity", 5002, "your query is too complex. Please simplify."),
    RESULT_TOO_LARGE("Result too large", 5003, "your query would return too many records."),
    INVALID_PARAMETER("Invalid parameter", 5004, "a parameter value is not valid."),
    /** The gateway's own: the database is down or the gateway is too busy (HTTP 503 with Retry-After). */
    SERVICE_UNAVAILABLE("Service unavailable", 5005, "the service cannot answer now. Please retry later.");

    private final String title;
    private final int value;
    private final String description;

    ValidationStatus(String title, int value, String description) {
        this.title = title;
        this.value = value;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public int value() {
        return value;
    }

    public String description() {
        return description;
    }
}
