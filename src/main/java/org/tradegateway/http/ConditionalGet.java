package org.tradegateway.http;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Conditional GET for the files every dialect serves (reference lists, bulk files, the World Trade Flows views):
 * whether the client's copy is current.
 */
public final class ConditionalGet {
    private ConditionalGet() {
    }

    /**
     * Whether an If-None-Match header names one of the ETags given (quoted, as sent), weak or not, or is {@code *}.
     */
    public static boolean matches(String ifNoneMatch, String... etags) {
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim().replaceFirst("^W/", "");
            if (c.equals("*")) {
                return true;
            }
            for (String etag : etags) {
                if (c.equals(etag)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the client's copy is current: If-None-Match decides when sent; otherwise an If-Modified-Since that is
     * a valid HTTP date, not in the future, and not before the last change.
     */
    public static boolean notModified(HttpHeaders headers, Instant lastModified, EntityTag tag) {
        String match = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (match != null) {
            return matches(match, "\"" + tag.getValue() + "\"");
        }
        String since = headers.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE);
        if (since == null) {
            return false;
        }
        try {
            Instant date = ZonedDateTime.parse(since.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !date.isAfter(Instant.now()) && !lastModified.isAfter(date);
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
