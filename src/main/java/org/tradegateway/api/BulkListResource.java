package org.tradegateway.api;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestMulti;
import org.tradegateway.config.BulkConfig;
import org.tradegateway.data.AvailabilityRepository;
import org.tradegateway.data.AvailabilityRepository.Availability;
import org.tradegateway.data.AvailabilityRepository.Filter;
import org.tradegateway.output.BulkFiles;
import org.tradegateway.output.Json;
import org.tradegateway.output.Utf8Builder;
import org.tradegateway.refs.Classification;
import org.tradegateway.service.BulkService;

/** {@code GET /api/refs/da/bulk}: the bulk files there are, one per loaded reporter and period. */
@Path("/api/refs/da/bulk")
public class BulkListResource {
    private final AvailabilityRepository availability;

    public BulkListResource(AvailabilityRepository availability) {
        this.availability = availability;
    }

    @GET
    public Uni<Response> list(@QueryParam("type") String type, @QueryParam("freq") String freq,
                              @QueryParam("r") String r, @QueryParam("ps") String ps, @QueryParam("px") String px) {
        Filter filter;
        try {
            filter = new Filter(RequestParams.letter(type, "CS", "type"), RequestParams.letter(freq, "AM", "freq"),
                    RequestParams.classification(px), RequestParams.number(r, 5, "r"), RequestParams.number(ps, 6, "ps"));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(RequestParams.badRequest(e));
        }
        LocalDate today = LocalDate.now();
        return availability.find(filter).map(rows -> {
            Utf8Builder sb = new Utf8Builder(rows.size() * 300).append('[');
            for (int i = 0; i < rows.size(); i++) {
                Availability a = rows.get(i);
                if (i > 0) {
                    sb.append(',');
                }
                String reporter = Integer.toString(a.reporter());
                sb.append("{\"type\":\"").append(a.type()).append("\",\"freq\":\"").append(a.freq())
                        .append("\",\"px\":\"").append(a.px()).append("\",\"r\":\"").append(reporter)
                        .append("\",\"ps\":\"").append(a.period()).append("\",\"name\":");
                Json.string(sb, BulkFiles.name(a.type(), reporter, a.period(), a.freq(), a.px(), a.published(), today));
                sb.append(",\"publicationDate\":\"").append(a.published().toString())
                        .append("T00:00:00\",\"extractDate\":\"").append(today.toString())
                        .append("T00:00:00\",\"downloadUri\":");
                Json.string(sb, BulkFiles.downloadUri(a.type(), a.freq(), a.period(), reporter, a.px()));
                sb.append('}');
            }
            return Response.ok(sb.append(']').toString()).type("application/json; charset=utf-8").build();
        });
    }
}
