package org.tradegateway.dialect.legacy;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.tradegateway.config.BulkConfig;
import org.tradegateway.core.QueryFailure;
import org.tradegateway.data.DatabaseGuard;
import org.tradegateway.dialect.legacy.BulkService.BulkFile;
import org.tradegateway.http.AnswerResponse;
import org.tradegateway.http.ConditionalGet;
import org.tradegateway.http.RouteRequests;
import org.tradegateway.http.Streams;
import org.tradegateway.ingest.FileDigest;
import org.tradegateway.limits.Caller;
import org.tradegateway.limits.LimitHandler;
import org.tradegateway.output.Excerpt;
import org.tradegateway.refs.Classification;

/**
 * {@code GET /api/get/bulk/{type}/{freq}/{ps}/{r}/{px}}: one bulk file as a ZIP, for authenticated callers (or
 * everyone when trade.bulk.open is set); others get the upstream 409. A measured file is sent with its
 * Content-Length and an ETag that changes with its bytes ({@code If-None-Match} gets 304); one not measured yet
 * is sent chunked and measured on the way.
 */
@ApplicationScoped
public class BulkDownloadRoute {
    static final String REFUSED = "Either a usage limit is hit or no authorisation code used.";
    private static final Logger LOG = Logger.getLogger(BulkDownloadRoute.class);
    private final BulkService bulk;
    private final BulkSizes sizes;
    private final DatabaseGuard guard;
    private final Streams streams;
    private final boolean open;

    public BulkDownloadRoute(BulkService bulk, BulkSizes sizes, DatabaseGuard guard, Streams streams,
                             BulkConfig config) {
        this.bulk = bulk;
        this.sizes = sizes;
        this.guard = guard;
        this.streams = streams;
        this.open = config.open();
    }

    void install(@Observes Router router) {
        router.routeWithRegex("/api/get/bulk/([^/]+)/([^/]+)/([^/]+)/([^/]+)/([^/]+)").order(ApiGetRoute.ORDER)
                .handler(this::handle);
    }

    private void handle(RoutingContext routing) {
        if (!RouteRequests.readOnly(routing)) {
            return;
        }
        Caller caller = LimitHandler.caller(routing);
        if (!open && (caller == null || !caller.authenticated())) {
            text(routing, 409, REFUSED);
            return;
        }
        String type = routing.pathParam("param0");
        String freq = routing.pathParam("param1");
        String ps = routing.pathParam("param2");
        String r = routing.pathParam("param3");
        String px = routing.pathParam("param4");
        Uni<Optional<BulkFile>> file;
        try {
            Character t = RequestParams.type(type);
            Character f = RequestParams.freq(freq);
            Integer period = RequestParams.number(ps, 6, "ps");
            Integer reporter = RequestParams.number(r, 5, "r");
            Classification cls = Classification.parse(px).orElseThrow(() -> new IllegalArgumentException(
                    "px '" + RequestParams.quote(px) + "' is not a known classification"));
            if (t == null || f == null || period == null) {
                throw new IllegalArgumentException("type, freq and ps are required");
            }
            file = bulk.file(t, f, period, reporter, cls);
        } catch (IllegalArgumentException e) {
            text(routing, 400, e.getMessage());
            return;
        }
        Context context = Vertx.currentContext();
        file.flatMap(found -> found.isEmpty() ? Uni.createFrom().nullItem()
                        : sizes.known().map(known -> new Sending(found.get(), known)))
                .subscribe().with(sending -> context.runOnContext(v -> {
                    if (sending == null) {
                        text(routing, 404, "No bulk file for " + Excerpt.of(String.join("/", type, freq, ps, r, px),
                                60));
                    } else {
                        send(routing, sending);
                    }
                }), failure -> context.runOnContext(v -> failed(routing, failure)));
    }

    /** A file about to be sent, with the sizes known when it was asked for. */
    private record Sending(BulkFile file, BulkSizes.Known known) {
        Long size() {
            return known.sizes().get(file.key());
        }

        String etag() {
            return "\"" + FileDigest.sha256(known.fingerprint() + "|" + file.key()).substring(0, 32) + "\"";
        }
    }

    private void send(RoutingContext routing, Sending sending) {
        BulkFile file = sending.file();
        String etag = sending.etag();
        Long size = sending.size();
        routing.response().putHeader("Content-Type", "application/zip")
                .putHeader("Content-Disposition", "attachment; filename=\"" + file.zipName() + "\"");
        if (size != null) {
            routing.response().putHeader("ETag", etag);
            String match = routing.request().getHeader("If-None-Match");
            if (match != null && ConditionalGet.matches(match, etag)) {
                routing.response().setStatusCode(304).end();
                return;
            }
        }
        if (routing.request().method() == HttpMethod.HEAD && size != null) {
            routing.response().putHeader("Content-Length", Long.toString(size)).end();
            return;
        }
        String fingerprint = sending.known().fingerprint();
        AnswerResponse.stream(routing, file.zip(), size == null ? -1 : size, streams.settings(), (bytes, outcome) -> {
            Uni<Void> after = null;
            if (size == null && outcome == AnswerResponse.Outcome.COMPLETE) {
                after = sizes.sent(fingerprint, file.key(), bytes);
            } else if (outcome == AnswerResponse.Outcome.WRONG_LENGTH) {
                after = sizes.wrong(fingerprint, file.key());
            }
            if (after != null) {
                after.subscribe().with(ok -> { }, e -> LOG.debugf("bulk size not recorded: %s", e));
            }
        });
    }

    /** An outage becomes the shared failure handler's 503 with Retry-After; anything else its 500. */
    private void failed(RoutingContext routing, Throwable failure) {
        Throwable translated = guard.translate(failure);
        routing.fail(translated instanceof QueryFailure ? translated : failure);
    }

    private static void text(RoutingContext routing, int status, String message) {
        routing.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8")
                .end(message + "\n");
    }
}
