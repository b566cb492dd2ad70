package org.tradegateway.http;

import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps credentials out of log lines: the values of a request's token parameters and of its Authorization header
 * are replaced wherever a message would repeat them.
 */
final class Redaction {
    private static final List<String> SECRET_PARAMETERS = List.of("token", "uitoken", "subscription-key", "key");
    private static final String MASK = "***";

    private Redaction() {
    }

    /** The secrets a request carries, longest first so that no part of one is left behind. */
    static List<String> secrets(HttpServerRequest request) {
        List<String> secrets = new ArrayList<>();
        for (Map.Entry<String, String> e : request.params()) {
            if (SECRET_PARAMETERS.contains(e.getKey().toLowerCase(Locale.ROOT)) && !e.getValue().isBlank()) {
                secrets.add(e.getValue());
            }
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && !authorization.isBlank()) {
            secrets.add(authorization);
            int space = authorization.indexOf(' ');
            if (space > 0 && space < authorization.length() - 1) {
                secrets.add(authorization.substring(space + 1).trim());
            }
        }
        String query = request.query();
        if (query != null && !query.isEmpty()) {
            secrets.add(query); // raw, percent-encoded values too
        }
        secrets.sort((a, b) -> b.length() - a.length());
        return secrets;
    }

    static String redact(String text, List<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return out;
    }

    /** A copy of the failure and its causes with every secret masked in their messages, stack traces kept. */
    static Throwable redact(Throwable failure, List<String> secrets) {
        if (failure == null) {
            return null;
        }
        Throwable copy = new RedactedFailure(failure.getClass().getName() + ": "
                + redact(failure.getMessage(), secrets), redact(failure.getCause() == failure ? null
                : failure.getCause(), secrets));
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** A failure as it may be logged. */
    static final class RedactedFailure extends RuntimeException {
        RedactedFailure(String message, Throwable cause) {
            super(message, cause, false, true);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
