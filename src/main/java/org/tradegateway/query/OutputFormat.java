package org.tradegateway.query;

/** {@code fmt}: the answer's encoding. */
public enum OutputFormat {
    JSON("application/json; charset=utf-8"),
    CSV("text/csv; charset=utf-8");

    private final String contentType;

    OutputFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }
}
