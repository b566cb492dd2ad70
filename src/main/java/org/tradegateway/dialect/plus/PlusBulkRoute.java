package org.tradegateway.dialect.plus;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.tradegateway.core.QueryFailure;
import org.tradegateway.data.DatabaseGuard;
import org.tradegateway.http.AnswerResponse;
import org.tradegateway.http.RouteRequests;
import org.tradegateway.http.Streams;

/**
 * {@code GET /bulk/v1/file/{reporterCode}/{rowKey}} (an account's key): one bulk file of the listing, streamed as
 * upstream sends it: {@code Content-Type: application/TSV}, gzip bytes, and the file's name in
 * {@code Content-Disposition} (comtradr saves the file under it). {@code ?format=json}, which comtradr adds, changes
 * nothing. A key no longer listed (the data was dropped or imported again) is 404.
 */
@ApplicationScoped
public class PlusBulkRoute {
    private final PlusBulk bulk;
    private final Streams streams;
    private final DatabaseGuard guard;

    public PlusBulkRoute(PlusBulk bulk, Streams streams, DatabaseGuard guard) {
        this.bulk = bulk;
        this.streams = streams;
        this.guard = guard;
    }

    void install(@Observes Router router) {
        router.route("/bulk/v1/file/:reporter/:key").order(PlusRoute.ORDER).handler(this::handle);
        // the classic files are the same records: the stored ones are totals over the extended breakdown already
        router.route("/bulk/v1/fileClassic/:reporter/:key").order(PlusRoute.ORDER).handler(this::handle);
    }

    private void handle(RoutingContext routing) {
        if (!RouteRequests.readOnly(routing)) {
            return;
        }
        if (!PlusResponses.keyed(routing)) {
            PlusDialect.send(routing, PlusDialect.missingKey());
            return;
        }
        int reporter;
        try {
            reporter = Integer.parseInt(routing.pathParam("reporter"));
        } catch (NumberFormatException e) {
            PlusDialect.send(routing, PlusDialect.error(404, "No bulk file at this address.", 0));
            return;
        }
        String key = routing.pathParam("key");
        Context context = Vertx.currentContext();
        bulk.file(reporter, key).flatMap(found -> found.isEmpty()
                        ? io.smallrye.mutiny.Uni.createFrom().item(java.util.Optional.<Sending>empty())
                        : bulk.gzip(found.get()).map(body -> body.map(b -> new Sending(PlusBulk.fileName(found.get()),
                                b))))
                .subscribe().with(sending -> context.runOnContext(v -> {
                    if (sending.isEmpty()) {
                        PlusDialect.send(routing, PlusDialect.error(404, "No bulk file " + reporter + "/"
                                + org.tradegateway.output.Excerpt.of(key, 80) + ": it is not (or no longer) listed.",
                                0));
                        return;
                    }
                    routing.response().setStatusCode(200).putHeader("Content-Type", "application/TSV")
                            .putHeader("Content-Disposition", "attachment; filename=\"" + sending.get().name()
                                    + "\"");
                    AnswerResponse.stream(routing, sending.get().body(), -1, streams.settings(),
                            AnswerResponse.Ending.NONE);
                }), failure -> context.runOnContext(v -> {
                    Throwable translated = guard.translate(failure);
                    routing.fail(translated instanceof QueryFailure ? translated : failure);
                }));
    }

    private record Sending(String name, io.smallrye.mutiny.Multi<io.vertx.core.buffer.Buffer> body) {
    }
}
