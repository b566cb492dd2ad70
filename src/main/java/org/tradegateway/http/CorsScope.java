package org.tradegateway.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import org.tradegateway.core.Dialect;

/**
 * Keeps cross-origin access to the public read endpoints (every dialect's, /Data/cache, the OpenAPI document): for
 * any other path (/admin, metrics, health, Swagger UI) the request's Origin is dropped before the CORS filter sees
 * it, so a browser gets no CORS headers and no preflight answer from them.
 */
@ApplicationScoped
public class CorsScope {
    /** Before the server's CORS filter. */
    static final int ORDER = AccessLog.ORDER - 10;
    private final List<Dialect> dialects;

    public CorsScope(Instance<Dialect> dialects) {
        this.dialects = dialects.stream().toList();
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::scope);
    }

    boolean publicRead(String path) {
        for (Dialect dialect : dialects) {
            if (dialect.serves(path)) {
                return true;
            }
        }
        return path.regionMatches(true, 0, "/data/cache/", 0, 12) || path.equals("/q/openapi")
                || path.startsWith("/q/openapi.");
    }

    private void scope(RoutingContext routing) {
        if (!publicRead(routing.request().path())) {
            routing.request().headers().remove("Origin");
        }
        routing.next();
    }
}
