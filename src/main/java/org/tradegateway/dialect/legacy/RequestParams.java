package org.tradegateway.dialect.legacy;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.tradegateway.data.SlicePlanner;
import org.tradegateway.output.Excerpt;
import org.tradegateway.refs.Classification;

/**
 * Parsing of the optional filters of the availability and bulk endpoints: empty, "all" or "any" match all; type
 * and frequency as codes (C, S, A, M) or as the words the listings answer with (COMMODITIES, SERVICES, ANNUAL,
 * MONTHLY). Messages quote the input only as a short escaped excerpt.
 */
final class RequestParams {
    private RequestParams() {
    }

    static Response badRequest(IllegalArgumentException e) {
        return Response.status(400).type("text/plain; charset=utf-8").entity(e.getMessage() + "\n").build();
    }

    /** C or S, also given as COMMODITIES or SERVICES. */
    static Character type(String value) {
        return word(value, "COMMODITIES", "SERVICES", "CS", "type");
    }

    /** A or M, also given as ANNUAL or MONTHLY. */
    static Character freq(String value) {
        return word(value, "ANNUAL", "MONTHLY", "AM", "freq");
    }

    private static Character word(String value, String first, String second, String codes, String name) {
        if (value != null && value.trim().equalsIgnoreCase(first)) {
            return codes.charAt(0);
        }
        if (value != null && value.trim().equalsIgnoreCase(second)) {
            return codes.charAt(1);
        }
        if (any(value)) {
            return null;
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (v.length() != 1 || codes.indexOf(v.charAt(0)) < 0) {
            throw new IllegalArgumentException(name + " must be one of " + codes.charAt(0) + ", " + codes.charAt(1)
                    + ", " + first + ", " + second + ", got '" + quote(value) + "'");
        }
        return v.charAt(0);
    }

    static boolean any(String value) {
        return value == null || value.isBlank() || value.trim().equalsIgnoreCase("all")
                || value.trim().equalsIgnoreCase("any");
    }

    static List<String> classification(String value) {
        if (any(value)) {
            return null;
        }
        Classification px = Classification.parse(value).orElseThrow(
                () -> new IllegalArgumentException("px '" + quote(value) + "' is not a known classification"));
        return SlicePlanner.revisions(px);
    }

    static Integer number(String value, int digits, String name) {
        if (any(value)) {
            return null;
        }
        String v = value.trim();
        if (!v.matches("[0-9]{1," + digits + "}")) {
            throw new IllegalArgumentException(name + " must be a number, got '" + quote(value) + "'");
        }
        return Integer.valueOf(v);
    }

    static String quote(String value) {
        return Excerpt.of(value, 40);
    }
}
