package org.tradegateway.ingest.synthetic;

/** A generator country: Comtrade code, join key for the gravity tables, economic mass and years of existence. */
record Country(int code, String iso3, double gdp, Integer entryYear, Integer exitYear) {
    boolean activeIn(int year) {
        return (entryYear == null || entryYear <= year) && (exitYear == null || exitYear >= year);
    }
}
