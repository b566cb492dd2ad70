package org.tradegateway.limits;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.tradegateway.config.LimitsConfig;
import org.tradegateway.data.DatabaseGuard;
import org.tradegateway.query.OutputFormat;
import org.tradegateway.query.ServiceUnavailable;
import org.tradegateway.service.Answer;
import org.tradegateway.service.AnswerMetrics;

/**
 * Recognises the caller of every /api request and, on the counted endpoints (/api/get, /api/refs/*,
 * /api/get/bulk/*), applies the rate and usage limits: HTTP 409 with the upstream's plain-text message and
 * Retry-After when exceeded, RateLimit-* headers always. A bad token is refused with 401.
 */
public class LimitFilter {
    private static final DateTimeFormatter RESUME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private final CallerResolver resolver;
    private final RateLimiter limiter;
    private final CurrentCaller current;
    private final LimitsConfig config;
    private final AnswerMetrics metrics;
    private final DatabaseGuard guard;

    public LimitFilter(CallerResolver resolver, RateLimiter limiter, CurrentCaller current, LimitsConfig config,
                       AnswerMetrics metrics, DatabaseGuard guard) {
        this.guard = guard;
        this.metrics = metrics;
        this.resolver = resolver;
        this.limiter = limiter;
        this.current = current;
        this.config = config;
    }

    static boolean counted(String path) {
        return path.equals("/api/get") || path.startsWith("/api/get/") || path.startsWith("/api/refs/");
    }

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext context, HttpServerRequest request,
                               io.vertx.ext.web.RoutingContext routing) {
        String path = context.getUriInfo().getPath();
        if (!path.startsWith("/api/")) {
            return Uni.createFrom().nullItem();
        }
        String token = token(context);
        String ip = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        return resolver.resolve(token, ip).flatMap(caller -> {
            current.set(caller);
            org.tradegateway.api.AccessLog.note(routing, caller);
            if (!config.enabled() || !counted(path)) {
                return Uni.createFrom().<Response>nullItem();
            }
            return limiter.consume(caller).map(d -> {
                if (!d.allowed()) {
                    metrics.refused(d.usageLimit() ? "usage" : "rate");
                }
                return answer(request, d);
            });
        }).onFailure(CallerResolver.InvalidToken.class).recoverWithItem(failure -> {
            metrics.refused("token");
            return Response.status(401).type("text/plain; charset=utf-8").entity(failure.getMessage()).build();
        }).onFailure(DatabaseGuard::isOutage).recoverWithItem(failure -> unavailable(context));
    }

    /** The caller could not be recognised because the database is down: 503, in the form the request asked for. */
    private Response unavailable(ContainerRequestContext context) {
        ServiceUnavailable failure = guard.unavailable();
        OutputFormat format = OutputFormat.forRefusal(context.getUriInfo().getQueryParameters().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("fmt") && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0)).findFirst().orElse(null));
        return Response.status(503).type(format.contentType())
                .header("Retry-After", Long.toString(failure.retryAfterSeconds()))
                .entity(Answer.failureText(format, failure)).build();
    }

    private static Response answer(HttpServerRequest request, RateLimiter.Decision d) {
        request.response().putHeader("RateLimit-Limit", Integer.toString(d.quota()))
                .putHeader("RateLimit-Remaining", Long.toString(d.remaining()))
                .putHeader("RateLimit-Reset", Long.toString(d.resetSeconds()));
        if (d.allowed()) {
            return null;
        }
        String message = d.usageLimit()
                ? "USAGE LIMIT: Hourly usage limit of " + d.quota() + " actions reached. Requests may resume at "
                + RESUME.format(d.resumeAt()) + "."
                : "RATE LIMIT: You must wait " + d.waitSeconds() + " seconds.";
        return Response.status(409).type("text/plain; charset=utf-8").entity(message)
                .header("Retry-After", Long.toString(d.waitSeconds())).build();
    }

    /** The token parameter (any case of its name) or an Authorization: Bearer header. */
    static String token(ContainerRequestContext context) {
        for (var e : context.getUriInfo().getQueryParameters().entrySet()) {
            if (e.getKey().equalsIgnoreCase("token") && !e.getValue().isEmpty() && !e.getValue().get(0).isBlank()) {
                return e.getValue().get(0);
            }
        }
        String authorization = context.getHeaderString("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return null;
    }
}
