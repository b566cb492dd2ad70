package org.tradegateway.dialect.legacy;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
import org.tradegateway.service.Answer;
import org.tradegateway.service.AnswerMetrics;
import org.tradegateway.service.AnswerService;

/**
 * {@code GET /api/get} (and {@code /api/get/plus}, the legacy web interface's name for it): the legacy data query,
 * answered as JSON, CSV or XLSX, validation failures with HTTP 200.
 *
 * <p>A route of the HTTP server rather than a JAX-RS resource: the answer's bytes go to the socket as they are
 * (a complete answer in one write with its Content-Length, a large one chunk by chunk as the client takes them),
 * without a message body writer copying each chunk. Its OpenAPI description is in {@code META-INF/openapi.yaml}.
 */
@ApplicationScoped
public class ApiGetRoute {
    /** After the limits ({@link LimitHandler#ORDER}), before the JAX-RS resources. */
    static final int ORDER = LimitHandler.ORDER + 100;
    private final AnswerService answers;
    private final QueryParser parser;
    private final int guestMaxRecords;
    private final AnswerMetrics metrics;
    private final Streams streams;
    private final ReferenceDirectory references;

    public ApiGetRoute(AnswerService answers, LimitsConfig limits, AnswerMetrics metrics, Streams streams,
                       ReferenceDirectory references) {
        this.references = references;
        this.parser = new QueryParser(references.shipped());
        this.answers = answers;
        this.streams = streams;
        this.metrics = metrics;
        this.guestMaxRecords = limits.guestMaxRecords();
    }

    void install(@Observes Router router) {
        router.route("/api/get").order(ORDER).handler(this::handle);
        // the legacy web interface's variant, which scripts copied their URLs from: the same query and answer
        router.route("/api/get/plus").order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext routing) {
        if (!RouteRequests.readOnly(routing)) {
            return;
        }
        Map<String, String> params = RouteRequests.parameters(routing.request().params());
        OutputFormat format = OutputFormat.forRefusal(params.get("fmt"));
        Caller who = LimitHandler.caller(routing);
        int cap = who == null ? guestMaxRecords : who.maxRecords();
        AtomicLong logged = routing.get(AccessLog.RECORDS);
        AtomicLong records = logged == null ? new AtomicLong() : logged;
        Uni<Answer> answer = references.latest()
                .map(names -> parser.parse(params, cap, code -> names.area(code) != null))
                .flatMap(request -> answers.prepare(request.query(), request.encoding(), records))
                .invoke(a -> {
                    routing.put(AccessLog.VALIDATION, "0");
                    metrics.answered("/api/get", "0");
                    if ("xlsx".equalsIgnoreCase(params.get("fmt"))) {
                        routing.response().putHeader("Content-Disposition", "attachment; filename=\"comtrade.xlsx\"");
                    }
                })
                .onFailure(QueryFailure.class)
                .recoverWithItem(failure -> {
                    QueryFailure refused = (QueryFailure) failure;
                    String status = Integer.toString(LegacyFailures.status(refused).value());
                    routing.put(AccessLog.VALIDATION, status);
                    metrics.answered("/api/get", status);
                    return LegacyFailures.answer(format, refused);
                });
        answer.subscribe().with(a -> AnswerResponse.send(routing, a, streams.settings()), routing::fail);
    }

}
