package org.tradegateway.dialect.census;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;
import org.tradegateway.core.Dialect;
import org.tradegateway.core.QueryFailure;

/**
 * The Census International Trade API at the edge: {@code /data/timeseries/intltrade/*}, its data endpoints counted
 * (the discovery files not); the credential is the {@code key} parameter (an account's token, as in every
 * dialect; without one the caller is a guest); refusals are upstream's plain-text {@code error: ...} lines with
 * HTTP 400, and a key that is not valid gets upstream's HTML page titled "Invalid Key".
 */
@ApplicationScoped
public class CensusDialect implements Dialect {
    static final String PREFIX = "/data/timeseries/intltrade/";
    static final String TEXT = "text/plain;charset=utf-8";

    @Override
    public List<String> prefixes() {
        return List.of(PREFIX);
    }

    @Override
    public boolean counted(String path) {
        return !path.endsWith(".json");
    }

    @Override
    public List<String> credentialParameters() {
        return List.of("key");
    }

    @Override
    public List<String> optionalCredentialParameters() {
        return List.of();
    }

    /** Upstream answers a key it does not know with an HTML page (clients look for its title), status 200. */
    @Override
    public Refusal invalidCredential(String reason) {
        return new Refusal(200, "text/html;charset=utf-8", "<html><head><title>Invalid Key</title></head><body>"
                + "<p>Invalid Key: the key given is not a valid key of this gateway (ask its operator for one, or"
                + " leave key out to be served as a guest).</p></body></html>", 0);
    }

    @Override
    public Refusal refuse(QueryFailure failure, Function<String, String> parameter) {
        return refusal(failure);
    }

    /** 400 with the reason for a query that cannot be answered; 500 past the time limit; 503 when it may later. */
    static Refusal refusal(QueryFailure failure) {
        return switch (failure.kind()) {
            case INVALID, TOO_COMPLEX, TOO_LARGE -> new Refusal(400, TEXT, "error: " + failure.getMessage(), 0);
            case TIMED_OUT -> new Refusal(500, TEXT, "error: " + failure.getMessage(), 0);
            case UNAVAILABLE, BUSY -> new Refusal(503, TEXT, "error: " + failure.getMessage(),
                    ((QueryFailure.Unavailable) failure).retryAfterSeconds());
        };
    }

    @Override
    public Refusal limited(Limit limit) {
        String what = limit.usage() ? "the " + limit.quota() + " requests an hour of this caller are used up"
                : "more than the requests a second this caller may send";
        return new Refusal(429, TEXT, "error: " + what + "; try again in " + limit.waitSeconds() + " seconds",
                limit.waitSeconds());
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
