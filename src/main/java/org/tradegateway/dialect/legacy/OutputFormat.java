package org.tradegateway.dialect.legacy;

/** {@code fmt}: the answer's encoding. */
public enum OutputFormat {
    JSON("application/json; charset=utf-8"),
    CSV("text/csv; charset=utf-8"),
    /** The gateway's own: the CSV's columns as an XLSX workbook, numbers as numbers. */
    XLSX(org.tradegateway.output.XlsxStream.CONTENT_TYPE);

    private final String contentType;

    OutputFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /**
     * The form a refusal takes for this {@code fmt} value, before or without validation: CSV when it says csv,
     * JSON for anything else (an invalid {@code fmt} is itself answered in JSON).
     */
    public static OutputFormat forRefusal(String fmt) {
        return fmt != null && fmt.trim().equalsIgnoreCase("csv") ? CSV : JSON;
    }
}
