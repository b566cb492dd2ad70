package org.tradegateway.admin;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.tradegateway.config.AdminConfig;
import org.tradegateway.db.StartupProblem;
import org.tradegateway.limits.CredentialGuard;
import org.tradegateway.service.AnswerMetrics;

/**
 * The admin credential, checked for every {@code /admin} request before it reaches an endpoint: 401 without it,
 * and 429 with Retry-After for an address that keeps presenting wrong ones. A credential shorter than
 * {@link #MIN_LENGTH} characters stops the gateway at start.
 */
@ApplicationScoped
public class AdminAuthentication {
    static final int MIN_LENGTH = 32;
    private final byte[] credential;
    private final CredentialGuard guard;
    private final AnswerMetrics metrics;

    public AdminAuthentication(AdminConfig config, CredentialGuard guard, AnswerMetrics metrics) {
        this.credential = credential(config.token().orElse(null));
        this.guard = guard;
        this.metrics = metrics;
    }

    /** The credential's bytes, null when /admin is closed; a short one is refused. */
    public static byte[] credential(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        if (token.trim().length() < MIN_LENGTH) {
            throw new StartupProblem("TRADE_ADMIN_TOKEN must be at least " + MIN_LENGTH + " characters long (it has "
                    + token.trim().length() + "); make one with: openssl rand -hex 32");
        }
        return token.trim().getBytes(StandardCharsets.UTF_8);
    }

    void install(@Observes Router router) {
        router.route("/admin/*").order(org.tradegateway.limits.LimitHandler.ORDER).handler(this::handle);
    }

    private void handle(RoutingContext routing) {
        String ip = routing.request().remoteAddress() == null ? "unknown"
                : routing.request().remoteAddress().hostAddress();
        long blocked = guard.blockedSeconds(ip);
        if (blocked > 0) {
            metrics.refused("credentials");
            routing.response().setStatusCode(429).putHeader("Retry-After", Long.toString(blocked))
                    .putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("Too many wrong credentials from this address: retry in " + blocked + " seconds.\n");
            return;
        }
        if (allowed(routing.request().getHeader("Authorization"))) {
            routing.next();
            return;
        }
        if (credential != null) {
            guard.refused(ip);
        }
        routing.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer")
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .end(credential == null ? "The admin API is closed: set TRADE_ADMIN_TOKEN to open it.\n"
                        : "The admin credential is missing or wrong.\n");
    }

    private boolean allowed(String authorization) {
        if (credential == null || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(credential, authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8));
    }
}
