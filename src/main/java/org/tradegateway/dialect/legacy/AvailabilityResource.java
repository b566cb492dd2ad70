package org.tradegateway.dialect.legacy;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.tradegateway.data.AvailabilityRepository.Filter;
import org.tradegateway.data.AvailabilityRepository;

/** {@code GET /api/refs/da/view}: what is loaded, per reporter and period, as a bare JSON array or CSV. */
@Path("/api/refs/da/view")
public class AvailabilityResource {
    private final AvailabilityRepository repository;

    public AvailabilityResource(AvailabilityRepository repository) {
        this.repository = repository;
    }

    @GET
    public Uni<Response> view(@QueryParam("type") String type, @QueryParam("freq") String freq,
                              @QueryParam("r") String r, @QueryParam("ps") String ps, @QueryParam("px") String px,
                              @QueryParam("fmt") String fmt) {
        Filter filter;
        try {
            filter = new Filter(RequestParams.type(type), RequestParams.freq(freq), RequestParams.classification(px),
                    RequestParams.number(r, 5, "r"), RequestParams.number(ps, 6, "ps"));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(RequestParams.badRequest(e));
        }
        boolean csv = "csv".equalsIgnoreCase(fmt == null ? "" : fmt.trim());
        // px=HS (as reported): the classifications the data came in; no px: everything, conversions as isOriginal 0
        boolean asReported = px != null && org.tradegateway.refs.Classification.parse(px.trim())
                .map(org.tradegateway.refs.Classification::asReported).orElse(false);
        return repository.find(filter).map(found -> found.stream().filter(a -> a.original() || !asReported).toList())
                .map(rows -> csv
                ? Response.ok(AvailabilityWriter.csv(rows)).type("text/csv; charset=utf-8").build()
                : Response.ok(AvailabilityWriter.json(rows)).type("application/json; charset=utf-8").build());
    }
}
