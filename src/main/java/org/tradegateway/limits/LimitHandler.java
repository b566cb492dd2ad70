package org.tradegateway.limits;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
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
 * Retry-After when exceeded, RateLimit-* headers always. A bad token is refused with 401, and an address that
 * keeps presenting bad tokens is refused with 409 before its tokens are looked at ({@link CredentialGuard}). A
 * {@code uitoken} (the legacy web interface's parameter) counts as the token when it is a known one and is
 * ignored otherwise. It runs as a route of the HTTP server, after CORS and before every endpoint, and leaves the
 * caller in the routing context; whatever had to be waited for, the request goes on on its own context.
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
    private final CredentialGuard credentials;

    public LimitHandler(CallerResolver resolver, RateLimiter limiter, LimitsConfig config, AnswerMetrics metrics,
                        DatabaseGuard guard, CredentialGuard credentials) {
        this.guard = guard;
        this.credentials = credentials;
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
        String ip = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        String token = token(request);
        boolean optional = token == null;
        if (optional) {
            token = blankToNull(request.params().get("uitoken"));
        } else {
            long blocked = credentials.blockedSeconds(ip);
            if (blocked > 0) {
                metrics.refused("credentials");
                routing.response().putHeader("Retry-After", Long.toString(blocked));
                end(routing, 409, "text/plain; charset=utf-8", rateMessage(blocked));
                return;
            }
        }
        Caller known;
        try {
            known = resolver.resolveNow(token, ip);
        } catch (CallerResolver.InvalidToken invalid) {
            if (!optional) {
                refuse(routing, invalid, ip);
                return;
            }
            known = resolver.resolveNow(null, ip);
        }
        if (known != null) {
            admit(routing, known, path);
            return;
        }
        Context context = Vertx.currentContext();
        Uni<Caller> caller = resolver.resolve(token, ip);
        if (optional && token != null) {
            caller = caller.onFailure(CallerResolver.InvalidToken.class).recoverWithUni(() -> resolver.resolve(null, ip));
        }
        caller.subscribe().with(c -> on(context, () -> admit(routing, c, path)),
                failure -> on(context, () -> refuse(routing, failure, ip)));
    }

    /** Runs the rest of the request on its own context (a shared store answers on a thread of its own). */
    private static void on(Context context, Runnable step) {
        if (context == null || Vertx.currentContext() == context) {
            step.run();
        } else {
            context.runOnContext(ignored -> step.run());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static String rateMessage(long seconds) {
        return "RATE LIMIT: You must wait " + seconds + " seconds.";
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
            Context context = Vertx.currentContext();
            limiter.consume(caller).subscribe().with(decision -> on(context, () -> decide(routing, decision)),
                    failure -> on(context, () -> routing.fail(failure)));
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
                : rateMessage(d.waitSeconds());
        response.putHeader("Retry-After", Long.toString(d.waitSeconds()));
        end(routing, 409, "text/plain; charset=utf-8", message);
    }

    /** A bad token is 401; a caller that cannot be recognised because the database is down, 503. */
    private void refuse(RoutingContext routing, Throwable failure, String ip) {
        if (failure instanceof CallerResolver.InvalidToken) {
            metrics.refused("token");
            credentials.refused(ip);
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
