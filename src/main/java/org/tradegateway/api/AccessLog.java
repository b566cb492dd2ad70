package org.tradegateway.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.tradegateway.limits.Caller;

/**
 * One log line per API request once its last byte is sent: client IP, kind of caller, status, validation code,
 * records, milliseconds. The query string is never logged, so no token is.
 */
@ApplicationScoped
public class AccessLog {
    static final String CALLER = "trade.caller";
    static final String VALIDATION = "trade.validation";
    static final String RECORDS = "trade.records";
    private static final Logger LOG = Logger.getLogger("org.tradegateway.access");

    void install(@Observes Router router) {
        router.route().order(-1000).handler(rc -> {
            String path = rc.request().path();
            if (path.startsWith("/api/") || path.startsWith("/admin/")
                    || path.regionMatches(true, 0, "/data/cache/", 0, 12)) {
                long start = System.nanoTime();
                rc.put(RECORDS, new AtomicLong());
                rc.addBodyEndHandler(v -> write(rc, path, start));
            }
            rc.next();
        });
    }

    private static void write(RoutingContext rc, String path, long start) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        Caller caller = rc.get(CALLER);
        Object validation = rc.get(VALIDATION);
        AtomicLong records = rc.get(RECORDS);
        StringBuilder line = new StringBuilder(96)
                .append(rc.request().remoteAddress() == null ? "-" : rc.request().remoteAddress().hostAddress())
                .append(' ').append(caller == null ? "-" : caller.kind().name().toLowerCase(java.util.Locale.ROOT))
                .append(' ').append(rc.request().method().name()).append(' ').append(path)
                .append(' ').append(rc.response().getStatusCode())
                .append(" validation=").append(validation == null ? "-" : validation)
                .append(" records=").append(records == null ? 0 : records.get())
                .append(' ').append((System.nanoTime() - start) / 1_000_000).append("ms");
        LOG.info(line);
    }

    /** Remembers facts of the current request for its log line. */
    public static void note(RoutingContext rc, Caller caller) {
        if (rc != null) {
            rc.put(CALLER, caller);
        }
    }
}
