package org.tradegateway.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.tradegateway.core.Dialect;
import org.tradegateway.core.QueryFailure;
import org.tradegateway.output.Excerpt;

/**
 * The last word on a request that failed or found nothing: a query failure is answered with its message (503 and
 * Retry-After when the gateway cannot answer now, else 400); any other failure is logged once with its path (never
 * the query string) and with every credential masked, and answered 500 with a short plain-text body naming an error
 * id; an unknown path under a dialect's prefix (/api for the legacy API) gets a short plain-text 404 instead of the
 * server's HTML page.
 */
@ApplicationScoped
public class HttpFailures {
    private static final Logger LOG = Logger.getLogger(HttpFailures.class);
    private final List<Dialect> dialects;

    public HttpFailures(Instance<Dialect> dialects) {
        this.dialects = dialects.stream().toList();
    }

    void install(@Observes Router router) {
        router.route().order(AccessLog.ORDER - 1).failureHandler(this::failed);
        for (Dialect dialect : dialects) {
            for (String prefix : dialect.prefixes()) {
                router.route(prefix + "*").last().handler(HttpFailures::notFound);
            }
        }
    }

    private void failed(RoutingContext routing) {
        HttpServerResponse response = routing.response();
        if (routing.failure() instanceof QueryFailure refused) {
            if (refused instanceof QueryFailure.Unavailable unavailable && !response.headWritten()) {
                response.putHeader("Retry-After", Long.toString(unavailable.retryAfterSeconds()));
            }
            plain(response, status(refused), refused.getMessage());
            return;
        }
        int status = routing.statusCode() >= 400 ? routing.statusCode() : 500;
        if (status >= 500) {
            String id = UUID.randomUUID().toString();
            LOG.errorf(Redaction.redact(routing.failure(), Redaction.secrets(routing.request())),
                    "%s %s failed, error id %s", routing.request().method().name(), routing.request().path(), id);
            plain(response, status, "The request failed (error id " + id + ").");
        } else {
            plain(response, status, status == 404 ? "Not found." : "The request was refused (HTTP " + status + ").");
        }
    }

    /**
     * The status of a query failure that reached the edge without a dialect's own answer (the plain-text endpoints
     * of every dialect): 503 when the gateway cannot answer now, 400 otherwise.
     */
    public static int status(QueryFailure failure) {
        return failure instanceof QueryFailure.Unavailable ? 503 : 400;
    }

    private static void notFound(RoutingContext routing) {
        plain(routing.response(), 404, "Nothing is served at " + Excerpt.of(routing.request().path(), 80)
                + ". See /q/openapi for what is.");
    }

    private static void plain(HttpServerResponse response, int status, String message) {
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            response.reset(); // a stream already under way: the client must see it cut, not complete
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8").end(message + "\n");
    }
}
