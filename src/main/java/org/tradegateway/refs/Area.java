package org.tradegateway.refs;

/** A reporter or partner area: Comtrade numeric code, legacy title and ISO codes. */
public record Area(int code, String name, String iso3, String iso2, boolean group, boolean reporter,
                   boolean partner, Integer entryYear, Integer exitYear) {
}
