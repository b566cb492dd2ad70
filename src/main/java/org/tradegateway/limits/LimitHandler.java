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
import jakarta.enterprise.inject.Instance;
import java.util.List;
import org.tradegateway.config.LimitsConfig;
import org.tradegateway.core.Dialect;
import org.tradegateway.data.DatabaseGuard;
import org.tradegateway.service.AnswerMetrics;

/**
 * Recognises the caller of every request to a dialect's endpoints and, on those the dialect counts, applies the
 * rate and usage limits: the dialect's refusal (the legacy API: HTTP 409 with the upstream's plain-text message)
 * and Retry-After when exceeded, RateLimit-* headers always. A bad token is refused with 401, and an address that
 * keeps presenting bad tokens is refused before its tokens are looked at ({@link CredentialGuard}). A credential
 * in one of the dialect's optional parameters (the legacy web interface's {@code uitoken}) counts when it is a
 * known one and is ignored otherwise. It runs as a route of the HTTP server, after CORS and before every
 * endpoint, and leaves the caller in the routing context; whatever had to be waited for, the request goes on on
 * its own context.
 */
@ApplicationScoped
public class LimitHandler {
    /** Between the server's own filters (CORS) and the endpoints. */
    public static final int ORDER = 500;
    private static final String CALLER = "trade.caller";
    private final CallerResolver resolver;
    private final RateLimiter limiter;
    private final LimitsConfig config;
    private final AnswerMetrics metrics;
    private final DatabaseGuard guard;
    private final CredentialGuard credentials;
    private final List<Dialect> dialects;

    public LimitHandler(CallerResolver resolver, RateLimiter limiter, LimitsConfig config, AnswerMetrics metrics,
                        DatabaseGuard guard, CredentialGuard credentials, Instance<Dialect> dialects) {
        this.dialects = dialects.stream().toList();
        this.guard = guard;
        this.credentials = credentials;
        this.metrics = metrics;
        this.resolver = resolver;
        this.limiter = limiter;
        this.config = config;
    }

    void install(@Observes Router router) {
        for (Dialect dialect : dialects) {
            for (String prefix : dialect.prefixes()) {
                router.route(prefix + "*").order(ORDER).handler(routing -> handle(routing, dialect));
            }
        }
    }

    /** The caller the request was recognised as, or null outside the dialects' endpoints. */
    public static Caller caller(RoutingContext routing) {
        return routing == null ? null : routing.get(CALLER);
    }

    private void handle(RoutingContext routing, Dialect dialect) {
        HttpServerRequest request = routing.request();
        if (request.method() == HttpMethod.OPTIONS) {
            routing.next();
            return;
        }
        String path = request.path();
        String ip = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        String token = token(request, dialect.credentialParameters(), dialect.credentialHeaders());
        boolean optional = token == null;
        if (optional) {
            token = parameter(request, dialect.optionalCredentialParameters());
        } else {
            long blocked = credentials.blockedSeconds(ip);
            if (blocked > 0) {
                metrics.refused("credentials");
                end(routing, dialect.limited(new Dialect.Limit(false, blocked, 0, null)));
                return;
            }
        }
        Caller known;
        try {
            known = resolver.resolveNow(token, ip);
        } catch (CallerResolver.InvalidToken invalid) {
            if (!optional) {
                refuse(routing, dialect, invalid, ip);
                return;
            }
            known = resolver.resolveNow(null, ip);
        }
        if (known != null) {
            admit(routing, dialect, known, path);
            return;
        }
        Context context = Vertx.currentContext();
        Uni<Caller> caller = resolver.resolve(token, ip);
        if (optional && token != null) {
            caller = caller.onFailure(CallerResolver.InvalidToken.class).recoverWithUni(() -> resolver.resolve(null, ip));
        }
        caller.subscribe().with(c -> on(context, () -> admit(routing, dialect, c, path)),
                failure -> on(context, () -> refuse(routing, dialect, failure, ip)));
    }

    /** Runs the rest of the request on its own context (a shared store answers on a thread of its own). */
    private static void on(Context context, Runnable step) {
        if (context == null || Vertx.currentContext() == context) {
            step.run();
        } else {
            context.runOnContext(ignored -> step.run());
        }
    }

    /** A recognised caller: on to the endpoint, or first through the limits if the endpoint is counted. */
    private void admit(RoutingContext routing, Dialect dialect, Caller caller, String path) {
        routing.put(CALLER, caller);
        if (!config.enabled() || !dialect.counted(path)) {
            routing.next();
            return;
        }
        RateLimiter.Decision now = limiter.decideNow(caller);
        if (now != null) {
            decide(routing, dialect, now);
        } else {
            Context context = Vertx.currentContext();
            limiter.consume(caller).subscribe().with(
                    decision -> on(context, () -> decide(routing, dialect, decision)),
                    failure -> on(context, () -> routing.fail(failure)));
        }
    }

    private void decide(RoutingContext routing, Dialect dialect, RateLimiter.Decision d) {
        HttpServerResponse response = routing.response();
        response.putHeader("RateLimit-Limit", Integer.toString(d.quota()))
                .putHeader("RateLimit-Remaining", Long.toString(d.remaining()))
                .putHeader("RateLimit-Reset", Long.toString(d.resetSeconds()));
        if (d.allowed()) {
            routing.next();
            return;
        }
        metrics.refused(d.usageLimit() ? "usage" : "rate");
        end(routing, dialect.limited(new Dialect.Limit(d.usageLimit(), d.waitSeconds(), d.quota(), d.resumeAt())));
    }

    /** A bad token is 401; a caller that cannot be recognised because the database is down, 503. */
    private void refuse(RoutingContext routing, Dialect dialect, Throwable failure, String ip) {
        if (failure instanceof CallerResolver.InvalidToken) {
            metrics.refused("token");
            credentials.refused(ip);
            end(routing, dialect.invalidCredential(failure.getMessage()));
        } else if (DatabaseGuard.isOutage(failure)) {
            end(routing, dialect.refuse(guard.unavailable(), routing.request().params()::get));
        } else {
            routing.fail(failure);
        }
    }

    private static void end(RoutingContext routing, Dialect.Refusal refusal) {
        HttpServerResponse response = routing.response();
        if (refusal.retryAfterSeconds() > 0) {
            response.putHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
        }
        response.setStatusCode(refusal.status()).putHeader("Content-Type", refusal.contentType()).end(refusal.body());
    }

    /** The first of these parameters that is present (any case of its name), or null. */
    private static String parameter(HttpServerRequest request, List<String> names) {
        for (String name : names) {
            String value = request.params().get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** The dialect's credential parameter or header, or an Authorization: Bearer header. */
    static String token(HttpServerRequest request, List<String> parameters, List<String> headers) {
        String token = parameter(request, parameters);
        if (token != null) {
            return token;
        }
        for (String header : headers) {
            String value = request.getHeader(header);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return null;
    }
}
