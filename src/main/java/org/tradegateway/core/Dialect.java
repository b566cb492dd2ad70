package org.tradegateway.core;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * What one public API (a dialect) tells the shared edge about itself: where its endpoints are, which of them
 * count against a caller's limits, where its clients put their credential, and how its refusals look. Each
 * dialect is a bean; the limits, the failure handler and the exception mappers ask the dialect of the path.
 */
public interface Dialect {
    /** A refusal as the dialect's clients expect it: status, content type, body and Retry-After (0 for none). */
    record Refusal(int status, String contentType, String body, long retryAfterSeconds) {
    }

    /** A caller that used up a limit: the rate (wait a few seconds) or the usage per hour (resume at a time). */
    record Limit(boolean usage, long waitSeconds, int quota, Instant resumeAt) {
    }

    /** The path prefixes of its endpoints (each ends in "/"), e.g. "/api/". */
    List<String> prefixes();

    /** Whether a request to this path counts against the caller's rate and usage limits. */
    boolean counted(String path);

    /** Query parameters that carry the caller's credential (an Authorization: Bearer header always does). */
    default List<String> credentialParameters() {
        return List.of();
    }

    /** Query parameters that carry a credential used when it is a known one and ignored otherwise. */
    default List<String> optionalCredentialParameters() {
        return List.of();
    }

    /** Request headers that carry the caller's credential, besides Authorization: Bearer. */
    default List<String> credentialHeaders() {
        return List.of();
    }

    /** How a credential that is not (or no longer) valid is answered: by default 401 with the reason. */
    default Refusal invalidCredential(String reason) {
        return new Refusal(401, "text/plain; charset=utf-8", reason, 0);
    }

    /** How a query failure that reached the edge is answered ({@code parameter} reads the request's query). */
    Refusal refuse(QueryFailure failure, Function<String, String> parameter);

    /** How a caller over a limit is answered. */
    Refusal limited(Limit limit);

    /** Whether this dialect serves the path. */
    default boolean serves(String path) {
        for (String prefix : prefixes()) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
