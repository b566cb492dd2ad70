package org.tradegateway.limits;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.tradegateway.config.LimitsConfig;
import org.tradegateway.data.DatabaseGuard;
import org.tradegateway.query.OutputFormat;
import org.tradegateway.query.ServiceUnavailable;
import org.tradegateway.service.Answer;
import org.tradegateway.service.AnswerMetrics;

/**
 * Recognises the caller of every /api request and, on the counted endpoints (/api/get, /api/refs/*,
 * /api/get/bulk/*), applies the rate and usage limits: HTTP 409 with the upstream's plain-text message and
 * Retry-After when exceeded, RateLimit-* headers always. A bad token is refused with 401. It runs as a route of
 * the HTTP server, after CORS and before every endpoint, and leaves the caller in the routing context.
 */
@ApplicationScoped
public class LimitHandler {
    /** Between the server's own filters (CORS) and the endpoints. */
    public static final int ORDER = 500;
    private static final String CALLER = "trade.caller";
    private static final DateTimeFormatter RESUME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private final CallerResolver resolver;
    private final RateLimiter limiter;
    private final LimitsConfig config;
    private final AnswerMetrics metrics;
    private final DatabaseGuard guard;

    public LimitHandler(CallerResolver resolver, RateLimiter limiter, LimitsConfig config, AnswerMetrics metrics,
                        DatabaseGuard guard) {
        this.guard = guard;
        this.metrics = metrics;
        this.resolver = resolver;
        this.limiter = limiter;
        this.config = config;
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::handle);
    }

    /** The caller the request was recognised as, or null outside /api. */
    public static Caller caller(RoutingContext routing) {
        return routing == null ? null : routing.get(CALLER);
    }

    static boolean counted(String path) {
        return path.equals("/api/get") || path.startsWith("/api/get/") || path.startsWith("/api/refs/");
    }

    private void handle(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        if (request.method() == HttpMethod.OPTIONS) {
            routing.next();
            return;
        }
        String path = request.path();
        String token = token(request);
        String ip = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        Caller known;
        try {
            known = resolver.resolveNow(token, ip);
        } catch (CallerResolver.InvalidToken invalid) {
            refuse(routing, invalid);
            return;
        }
        if (known != null) {
            admit(routing, known, path);
        } else {
            resolver.resolve(token, ip).subscribe().with(caller -> admit(routing, caller, path),
                    failure -> refuse(routing, failure));
        }
    }

    /** A recognised caller: on to the endpoint, or first through the limits if the endpoint is counted. */
    private void admit(RoutingContext routing, Caller caller, String path) {
        routing.put(CALLER, caller);
        if (!config.enabled() || !counted(path)) {
            routing.next();
            return;
        }
        RateLimiter.Decision now = limiter.decideNow(caller);
        if (now != null) {
            decide(routing, now);
        } else {
            limiter.consume(caller).subscribe().with(decision -> decide(routing, decision), routing::fail);
        }
    }

    private void decide(RoutingContext routing, RateLimiter.Decision d) {
        HttpServerResponse response = routing.response();
        response.putHeader("RateLimit-Limit", Integer.toString(d.quota()))
                .putHeader("RateLimit-Remaining", Long.toString(d.remaining()))
                .putHeader("RateLimit-Reset", Long.toString(d.resetSeconds()));
        if (d.allowed()) {
            routing.next();
            return;
        }
        metrics.refused(d.usageLimit() ? "usage" : "rate");
        String message = d.usageLimit()
                ? "USAGE LIMIT: Hourly usage limit of " + d.quota() + " actions reached. Requests may resume at "
                + RESUME.format(d.resumeAt()) + "."
                : "RATE LIMIT: You must wait " + d.waitSeconds() + " seconds.";
        response.putHeader("Retry-After", Long.toString(d.waitSeconds()));
        end(routing, 409, "text/plain; charset=utf-8", message);
    }

    /** A bad token is 401; a caller that cannot be recognised because the database is down, 503. */
    private void refuse(RoutingContext routing, Throwable failure) {
        if (failure instanceof CallerResolver.InvalidToken) {
            metrics.refused("token");
            end(routing, 401, "text/plain; charset=utf-8", failure.getMessage());
        } else if (DatabaseGuard.isOutage(failure)) {
            ServiceUnavailable unavailable = guard.unavailable();
            OutputFormat format = OutputFormat.forRefusal(routing.request().params().get("fmt"));
            routing.response().putHeader("Retry-After", Long.toString(unavailable.retryAfterSeconds()));
            end(routing, 503, format.contentType(), Answer.failureText(format, unavailable));
        } else {
            routing.fail(failure);
        }
    }

    private static void end(RoutingContext routing, int status, String contentType, String body) {
        routing.response().setStatusCode(status).putHeader("Content-Type", contentType).end(body);
    }

    /** The token parameter (any case of its name) or an Authorization: Bearer header. */
    static String token(HttpServerRequest request) {
        String token = request.params().get("token");
        if (token != null && !token.isBlank()) {
            return token;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return null;
    }
}
