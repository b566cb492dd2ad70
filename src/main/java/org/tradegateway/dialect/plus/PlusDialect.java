package org.tradegateway.dialect.plus;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.tradegateway.core.Dialect;
import org.tradegateway.core.QueryFailure;
import org.tradegateway.output.Json;
import org.tradegateway.output.Utf8Builder;

/**
 * The Comtrade+ v1 API at the edge: {@code /data/v1/*}, {@code /public/v1/*} (counted) and the reference files; the
 * credential is the {@code subscription-key} parameter or the {@code Ocp-Apim-Subscription-Key} header (an
 * account's token, as in every dialect); refusals are upstream's API-gateway JSON {@code {"statusCode","message"}}
 * with its texts: 401 for a missing or invalid key, 429 past the rate, 403 past the hourly quota, each past a limit
 * with Retry-After (comtradr's retries need it).
 */
@ApplicationScoped
public class PlusDialect implements Dialect {
    private static final String JSON = "application/json; charset=utf-8";

    @Override
    public List<String> prefixes() {
        return List.of("/data/v1/", "/public/v1/", "/files/v1/app/reference/", "/bulk/v1/");
    }

    /** Everything but the reference files. */
    @Override
    public boolean counted(String path) {
        return !path.startsWith("/files/");
    }

    @Override
    public List<String> credentialParameters() {
        return List.of("subscription-key");
    }

    @Override
    public List<String> optionalCredentialParameters() {
        return List.of();
    }

    @Override
    public List<String> credentialHeaders() {
        return List.of("Ocp-Apim-Subscription-Key");
    }

    @Override
    public Refusal refuse(QueryFailure failure, Function<String, String> parameter) {
        return refusal(failure, "0.00 secs");
    }

    /**
     * A refused query: 503 with Retry-After when the gateway cannot answer now, else upstream's HTTP 200 with no
     * data (here with the reason in {@code error}), {@code elapsed} as its {@code elapsedTime}.
     */
    static Refusal refusal(QueryFailure failure, String elapsed) {
        if (failure instanceof QueryFailure.Unavailable unavailable) {
            return error(503, failure.getMessage(), unavailable.retryAfterSeconds());
        }
        return new Refusal(200, JSON, new String(PlusJsonEncoder.envelope(elapsed, failure.getMessage()),
                java.nio.charset.StandardCharsets.UTF_8), 0);
    }

    @Override
    public Refusal limited(Limit limit) {
        if (limit.usage()) {
            Duration left = Duration.between(Instant.now(), limit.resumeAt());
            long s = Math.max(0, left.getSeconds());
            return error(403, String.format("Out of call volume quota. Quota will be replenished in %02d:%02d:%02d.",
                    s / 3600, s / 60 % 60, s % 60), limit.waitSeconds());
        }
        return error(429, "Rate limit is exceeded. Try again in " + limit.waitSeconds() + " seconds.",
                limit.waitSeconds());
    }

    @Override
    public Refusal invalidCredential(String reason) {
        return error(401, "Access denied due to invalid subscription key. Make sure to provide a valid key for an"
                + " active subscription.", 0);
    }

    /** A data endpoint asked for without a key. */
    static Refusal missingKey() {
        return error(401, "Access denied due to missing subscription key. Make sure to include subscription key"
                + " when making requests to an API.", 0);
    }

    /** Upstream's API-gateway error body. */
    static Refusal error(int status, String message, long retryAfterSeconds) {
        Utf8Builder sb = new Utf8Builder(200);
        sb.append("{\"statusCode\":").append(status).append(",\"message\":");
        Json.string(sb, message);
        return new Refusal(status, JSON, sb.append('}').toString(), retryAfterSeconds);
    }

    static void send(RoutingContext routing, Refusal refusal) {
        HttpServerResponse response = routing.response();
        if (refusal.retryAfterSeconds() > 0) {
            response.putHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
        }
        response.setStatusCode(refusal.status()).putHeader("Content-Type", refusal.contentType())
                .end(refusal.body());
    }
}
