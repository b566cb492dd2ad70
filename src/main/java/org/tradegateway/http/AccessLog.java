package org.tradegateway.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.tradegateway.limits.Caller;
import org.tradegateway.limits.LimitHandler;

/**
 * One log line per API request once its last byte is sent: client IP, kind of caller, status, validation code,
 * records, milliseconds. The query string is never logged, so no token is.
 */
@ApplicationScoped
public class AccessLog {
    /** Before every other route of the gateway's, so that every request is timed. */
    static final int ORDER = -1000;
    public static final String VALIDATION = "trade.validation";
    public static final String RECORDS = "trade.records";
    private static final Logger LOG = Logger.getLogger("org.tradegateway.access");

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(rc -> {
            String path = rc.request().path();
            if (path.startsWith("/api/") || path.startsWith("/admin/")
                    || path.regionMatches(true, 0, "/data/cache/", 0, 12) || path.startsWith("/data/v1/")
                    || path.startsWith("/public/v1/") || path.startsWith("/files/v1/")
                    || path.startsWith("/data/timeseries/") || path.startsWith("/bulk/v1/")) {
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
        Caller caller = LimitHandler.caller(rc);
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
}
