package org.tradegateway.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** What every dialect's routes (the endpoints that are not JAX-RS resources) do first with a request. */
public final class RouteRequests {
    private RouteRequests() {
    }

    /** Whether the request is a GET or HEAD; anything else has been answered 405 with Allow. */
    public static boolean readOnly(RoutingContext routing) {
        HttpMethod method = routing.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            return true;
        }
        routing.response().setStatusCode(405).putHeader("Allow", "GET, HEAD").end();
        return false;
    }

    /** The first value of each query parameter, by lower-case name (clients differ in the case they send). */
    public static Map<String, String> parameters(MultiMap query) {
        Map<String, String> params = new HashMap<>();
        for (Map.Entry<String, String> e : query) {
            params.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        }
        return params;
    }

    /** Ends a route's request with a dialect's refusal: its status, content type, body and Retry-After. */
    public static void send(RoutingContext routing, org.tradegateway.core.Dialect.Refusal refusal) {
        if (refusal.retryAfterSeconds() > 0) {
            routing.response().putHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
        }
        routing.response().setStatusCode(refusal.status()).putHeader("Content-Type", refusal.contentType())
                .end(refusal.body());
    }
}
