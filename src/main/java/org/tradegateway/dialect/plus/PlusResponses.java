package org.tradegateway.dialect.plus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.tradegateway.core.QueryFailure;
import org.tradegateway.limits.Caller;
import org.tradegateway.limits.LimitHandler;

/** What the Comtrade+ JAX-RS endpoints answer alike: the envelope, a refused query, a keyed endpoint without key. */
final class PlusResponses {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPE = "application/json; charset=utf-8";

    private PlusResponses() {
    }

    /** Whether the request comes from an account (a key, or an address range of one). */
    static boolean keyed(RoutingContext routing) {
        Caller who = LimitHandler.caller(routing);
        return who != null && who.authenticated();
    }

    static Response missingKey() {
        var refusal = PlusDialect.missingKey();
        return Response.status(refusal.status()).type(refusal.contentType()).entity(refusal.body()).build();
    }

    /** Upstream's HTTP 200 with no data, here with the reason in {@code error}. */
    static Response refused(QueryFailure failure) {
        var r = PlusDialect.refusal(failure, "0.00 secs");
        Response.ResponseBuilder response = Response.status(r.status()).type(r.contentType()).entity(r.body());
        return (r.retryAfterSeconds() > 0 ? response.header("Retry-After", r.retryAfterSeconds()) : response).build();
    }

    /** The envelope around records, timed from {@code started} (System.nanoTime). */
    static Response envelope(long started, ArrayNode data) {
        ObjectNode body = JSON.createObjectNode();
        body.put("elapsedTime", String.format(Locale.ROOT, "%.2f secs", (System.nanoTime() - started) / 1e9));
        body.put("count", data.size());
        body.set("data", data);
        body.put("error", "");
        return Response.ok(body.toString()).type(TYPE).build();
    }
}
