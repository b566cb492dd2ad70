package org.tradegateway.api;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.tradegateway.data.SlicePlanner;
import org.tradegateway.refs.Classification;

/** Parsing of the optional filters of the availability and bulk endpoints: empty, "all" or "any" match all. */
final class RequestParams {
    private RequestParams() {
    }

    static Response badRequest(IllegalArgumentException e) {
        return Response.status(400).type("text/plain; charset=utf-8").entity(e.getMessage() + "\n").build();
    }

    static boolean any(String value) {
        return value == null || value.isBlank() || value.trim().equalsIgnoreCase("all")
                || value.trim().equalsIgnoreCase("any");
    }

    static Character letter(String value, String allowed, String name) {
        if (any(value)) {
            return null;
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (v.length() != 1 || allowed.indexOf(v.charAt(0)) < 0) {
            throw new IllegalArgumentException(name + " must be one of " + String.join(", ", allowed.split(""))
                    + ", got '" + value + "'");
        }
        return v.charAt(0);
    }

    static List<String> classification(String value) {
        if (any(value)) {
            return null;
        }
        Classification px = Classification.parse(value).orElseThrow(
                () -> new IllegalArgumentException("px '" + value + "' is not a known classification"));
        return SlicePlanner.revisions(px);
    }

    static Integer number(String value, int digits, String name) {
        if (any(value)) {
            return null;
        }
        String v = value.trim();
        if (!v.matches("[0-9]{1," + digits + "}")) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
        }
        return Integer.valueOf(v);
    }
}
