package org.tradegateway.api;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestMulti;
import org.tradegateway.config.LimitsConfig;
import org.tradegateway.limits.Caller;
import org.tradegateway.limits.CurrentCaller;
import org.tradegateway.query.OutputFormat;
import org.tradegateway.query.QueryParser;
import org.tradegateway.query.ValidationFailure;
import org.tradegateway.refs.ReferenceData;
import org.tradegateway.service.Answer;
import org.tradegateway.service.AnswerMetrics;
import org.tradegateway.service.AnswerService;

/** {@code GET /api/get}: the legacy data query, answered as JSON or CSV, validation failures with HTTP 200. */
@Path("/api/get")
public class ApiGetResource {
    private final AnswerService answers;
    private final QueryParser parser = new QueryParser(ReferenceData.get());
    private final int guestMaxRecords;
    private final CurrentCaller caller;
    private final AnswerMetrics metrics;

    public ApiGetResource(AnswerService answers, LimitsConfig limits, CurrentCaller caller, AnswerMetrics metrics) {
        this.answers = answers;
        this.metrics = metrics;
        this.guestMaxRecords = limits.guestMaxRecords();
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Query trade records", description = "The legacy UN Comtrade query. Parameter names and"
            + " special values are case-insensitive, comma lists may be %2C-encoded, unknown parameters are ignored."
            + " Validation failures are answered with HTTP 200 and a validation block (5002, 5003, 5004).")
    @Parameter(name = "r", in = ParameterIn.QUERY, description = "Reporter area codes (up to 5) or all",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "0"), example = "842")
    @Parameter(name = "p", in = ParameterIn.QUERY, description = "Partner area codes (up to 5), 0 = World, or all",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "all"), example = "156")
    @Parameter(name = "ps", in = ParameterIn.QUERY, description = "Periods YYYY or YYYYMM (up to 5), now, recent or"
            + " all", schema = @Schema(type = SchemaType.STRING, defaultValue = "now"), example = "2020")
    @Parameter(name = "px", in = ParameterIn.QUERY, description = "Classification: HS (as reported), H0..H6, ST,"
            + " S1..S4, BEC, EB02", schema = @Schema(type = SchemaType.STRING, defaultValue = "HS"), example = "HS")
    @Parameter(name = "rg", in = ParameterIn.QUERY, description = "Trade regimes 1 Import, 2 Export, 3 re-Export,"
            + " 4 re-Import, or all", schema = @Schema(type = SchemaType.STRING, defaultValue = "all"), example = "2")
    @Parameter(name = "cc", in = ParameterIn.QUERY, description = "Commodity codes (up to 20), TOTAL, AG1..AG6 or"
            + " ALL", schema = @Schema(type = SchemaType.STRING, defaultValue = "AG2"), example = "TOTAL")
    @Parameter(name = "fmt", in = ParameterIn.QUERY, description = "json or csv",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "json"), example = "csv")
    @Parameter(name = "max", in = ParameterIn.QUERY, description = "Most records in the answer (guests up to 100000, accounts up to their own ceiling)",
            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "500"), example = "50000")
    @Parameter(name = "type", in = ParameterIn.QUERY, description = "C goods, S services",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "C"), example = "C")
    @Parameter(name = "freq", in = ParameterIn.QUERY, description = "A annual, M monthly",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "A"), example = "A")
    @Parameter(name = "head", in = ParameterIn.QUERY, description = "CSV header: H human-readable, M JSON names",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "H"), example = "H")
    @Parameter(name = "IMTS", in = ParameterIn.QUERY, description = "2010 (35 columns) or orig (22-column CSV)",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "2010"), example = "orig")
    @Parameter(name = "token", in = ParameterIn.QUERY, description = "Authorization code of an account",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "Records, or a validation failure",
            content = {@Content(mediaType = "application/json"), @Content(mediaType = "text/csv")})
    @APIResponse(responseCode = "414", description = "URL longer than 4,096 characters")
    @APIResponse(responseCode = "503", description = "The database is unavailable or too many large answers are"
            + " being served: a validation block (status 5005) or the CSV failure row, with Retry-After")
    public RestMulti<Buffer> get(@Context UriInfo uri, @Context io.vertx.ext.web.RoutingContext routing) {
        Map<String, String> params = new HashMap<>();
        uri.getQueryParameters().forEach((name, values) ->
                params.putIfAbsent(name.toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.get(0)));
        OutputFormat format = OutputFormat.forRefusal(params.get("fmt"));
        Caller who = caller.get();
        int cap = who == null ? guestMaxRecords : who.maxRecords();
        AtomicLong logged = routing == null ? null : routing.get(AccessLog.RECORDS);
        AtomicLong records = logged == null ? new AtomicLong() : logged;
        Uni<Answer> answer = Uni.createFrom().item(() -> parser.parse(params, cap))
                .flatMap(query -> answers.prepare(query, records))
                .invoke(a -> note(routing, "0"))
                .onFailure(ValidationFailure.class)
                .recoverWithItem(failure -> {
                    note(routing, Integer.toString(((ValidationFailure) failure).status().value()));
                    metrics.answered("/api/get", ((ValidationFailure) failure).status());
                    return Answer.failure(format, (ValidationFailure) failure);
                });
        if (routing != null) {
            // a heavy answer gives its place back when the exchange ends, even if its body was never pulled
            answer = answer.invoke(a -> {
                if (a.onEnd() != null) {
                    routing.addEndHandler(ended -> a.release());
                }
            });
        }
        return RestMulti.fromUniResponse(answer, Answer::body, ApiGetResource::headers, Answer::status);
    }

    private static Map<String, List<String>> headers(Answer answer) {
        Map<String, List<String>> headers = new HashMap<>(4);
        headers.put("Content-Type", List.of(answer.contentType()));
        if (answer.retryAfterSeconds() > 0) {
            headers.put("Retry-After", List.of(Long.toString(answer.retryAfterSeconds())));
        }
        return headers;
    }

    private static void note(io.vertx.ext.web.RoutingContext routing, String validation) {
        if (routing != null) {
            routing.put(AccessLog.VALIDATION, validation);
        }
    }
}
