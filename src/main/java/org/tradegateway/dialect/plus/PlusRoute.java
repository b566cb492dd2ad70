package org.tradegateway.dialect.plus;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.tradegateway.config.LimitsConfig;
import org.tradegateway.core.QueryFailure;
import org.tradegateway.data.ReferenceDirectory;
import org.tradegateway.http.AccessLog;
import org.tradegateway.http.AnswerResponse;
import org.tradegateway.http.RouteRequests;
import org.tradegateway.http.Streams;
import org.tradegateway.limits.Caller;
import org.tradegateway.limits.LimitHandler;
import org.tradegateway.output.RowEncoder;
import org.tradegateway.service.Answer;
import org.tradegateway.service.AnswerMetrics;
import org.tradegateway.service.AnswerService;

/**
 * {@code GET /data/v1/get/{typeCode}/{freqCode}/{clCode}} (an account's key) and
 * {@code GET /public/v1/preview/{typeCode}/{freqCode}/{clCode}} (no key, at most 500 records): the Comtrade+ v1
 * final data, from the same tables and through the same answer pipeline as the legacy {@code /api/get}.
 */
@ApplicationScoped
public class PlusRoute {
    /** After the limits, before the JAX-RS resources. */
    static final int ORDER = LimitHandler.ORDER + 100;
    static final int PREVIEW_MAX = 500;
    private final AnswerService answers;
    private final ReferenceDirectory references;
    private final PlusParser parser;
    private final AnswerMetrics metrics;
    private final Streams streams;
    private final int guestMaxRecords;

    public PlusRoute(AnswerService answers, ReferenceDirectory references, AnswerMetrics metrics, Streams streams,
                     LimitsConfig limits) {
        this.answers = answers;
        this.references = references;
        this.parser = new PlusParser(references.shipped());
        this.metrics = metrics;
        this.streams = streams;
        this.guestMaxRecords = limits.guestMaxRecords();
    }

    void install(@Observes Router router) {
        router.route("/data/v1/get/:type/:freq/:cl").order(ORDER).handler(routing -> handle(routing, false));
        router.route("/public/v1/preview/:type/:freq/:cl").order(ORDER).handler(routing -> handle(routing, true));
    }

    private void handle(RoutingContext routing, boolean preview) {
        if (!RouteRequests.readOnly(routing)) {
            return;
        }
        Caller who = LimitHandler.caller(routing);
        if (!preview && (who == null || !who.authenticated())) {
            PlusDialect.send(routing, PlusDialect.missingKey());
            return;
        }
        int cap = preview ? PREVIEW_MAX : who == null ? guestMaxRecords : who.maxRecords();
        Map<String, String> params = RouteRequests.parameters(routing.request().params());
        String endpoint = preview ? "/public/v1/preview" : "/data/v1/get";
        OffsetDateTime start = OffsetDateTime.now();
        AtomicLong logged = routing.get(AccessLog.RECORDS);
        AtomicLong records = logged == null ? new AtomicLong() : logged;
        Uni<Answer> answer = references.latest()
                .map(names -> parser.parse(routing.pathParam("type"), routing.pathParam("freq"),
                        routing.pathParam("cl"), params, cap, code -> names.area(code) != null))
                .flatMap(request -> answers.prepare(request.query(), request.encoding(), records))
                .invoke(a -> {
                    routing.put(AccessLog.VALIDATION, "0");
                    metrics.answered(endpoint, "0");
                })
                .onFailure(QueryFailure.class)
                .recoverWithItem(failure -> {
                    QueryFailure refused = (QueryFailure) failure;
                    routing.put(AccessLog.VALIDATION, refused.kind().name().toLowerCase(Locale.ROOT));
                    metrics.answered(endpoint, refused.kind().name().toLowerCase(Locale.ROOT));
                    var r = PlusDialect.refusal(refused, PlusJsonEncoder.elapsed(
                            new RowEncoder.Timing(0, start, start, OffsetDateTime.now())));
                    return Answer.whole(r.status(), r.contentType(), r.retryAfterSeconds(), Buffer.buffer(r.body()));
                });
        answer.subscribe().with(a -> AnswerResponse.send(routing, a, streams.settings()), routing::fail);
    }

}
