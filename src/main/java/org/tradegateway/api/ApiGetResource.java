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
import org.jboss.resteasy.reactive.RestMulti;
import org.tradegateway.config.ApiConfig;
import org.tradegateway.query.OutputFormat;
import org.tradegateway.query.QueryParser;
import org.tradegateway.query.ValidationFailure;
import org.tradegateway.refs.ReferenceData;
import org.tradegateway.service.Answer;
import org.tradegateway.service.AnswerService;

/** {@code GET /api/get}: the legacy data query, answered as JSON or CSV, validation failures with HTTP 200. */
@Path("/api/get")
public class ApiGetResource {
    private final AnswerService answers;
    private final QueryParser parser = new QueryParser(ReferenceData.get());
    private final int maxRecords;

    public ApiGetResource(AnswerService answers, ApiConfig config) {
        this.answers = answers;
        this.maxRecords = config.maxRecords();
    }

    @GET
    public RestMulti<Buffer> get(@Context UriInfo uri) {
        Map<String, String> params = new HashMap<>();
        uri.getQueryParameters().forEach((name, values) ->
                params.putIfAbsent(name.toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.get(0)));
        OutputFormat format = "csv".equalsIgnoreCase(params.getOrDefault("fmt", "").trim()) ? OutputFormat.CSV
                : OutputFormat.JSON;
        Uni<Answer> answer = Uni.createFrom().item(() -> parser.parse(params, maxRecords))
                .flatMap(answers::prepare)
                .onFailure(ValidationFailure.class)
                .recoverWithItem(failure -> Answer.failure(format, (ValidationFailure) failure));
        return RestMulti.fromUniResponse(answer, Answer::body,
                a -> Map.of("Content-Type", List.of(a.contentType())), a -> 200);
    }
}
