package org.tradegateway.dialect.wtf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;
import org.tradegateway.core.Dialect;
import org.tradegateway.core.QueryFailure;

/**
 * The World Trade Flows views at the edge: {@code /data/countries.json}, {@code /data/yearly/*},
 * {@code /data/historical/*}, {@code /llms.txt} and {@code /llms-full.txt}. Free to read, as upstream's static
 * files: no key and not counted against a caller's limits (each view is a few index ranges of stored rows, and
 * revalidation with ETag costs one lookup). Refusals are JSON {@code {"error","message"}}.
 */
@ApplicationScoped
public class WtfDialect implements Dialect {
    static final String JSON = "application/json; charset=utf-8";

    @Override
    public List<String> prefixes() {
        return List.of("/data/yearly/", "/data/historical/", "/data/products/", "/data/bilateral-products/",
                "/data/countries.json", "/llms.txt",
                "/llms-full.txt");
    }

    @Override
    public boolean counted(String path) {
        return false;
    }

    @Override
    public Refusal refuse(QueryFailure failure, Function<String, String> parameter) {
        return refusal(failure);
    }

    static Refusal refusal(QueryFailure failure) {
        return switch (failure.kind()) {
            case INVALID, TOO_COMPLEX, TOO_LARGE -> error(400, "bad request", failure.getMessage(), 0);
            case TIMED_OUT -> error(500, "timed out", failure.getMessage(), 0);
            case UNAVAILABLE, BUSY -> error(503, "unavailable", failure.getMessage(),
                    ((QueryFailure.Unavailable) failure).retryAfterSeconds());
        };
    }

    @Override
    public Refusal limited(Limit limit) {
        return error(429, "too many requests", "try again in " + limit.waitSeconds() + " seconds",
                limit.waitSeconds());
    }

    static Refusal error(int status, String error, String message, long retryAfter) {
        ObjectNode body = WtfViews.JSON.createObjectNode().put("error", error).put("message", message);
        return new Refusal(status, JSON, body.toString(), retryAfter);
    }

}
