package org.tradegateway.dialect.legacy;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.tradegateway.config.BulkConfig;
import org.tradegateway.data.AvailabilityRepository.Filter;
import org.tradegateway.data.AvailabilityRepository;
import org.tradegateway.data.BulkSizeRepository.FileKey;

/**
 * {@code GET /api/refs/da/bulk}: the bulk files there are, one per loaded reporter and period, each with the exact
 * size its download sends. Files not yet measured are measured before the answer, for at most
 * {@code trade.bulk.listing-wait}; past it the answer is 503 with Retry-After and how many are ready.
 */
@Path("/api/refs/da/bulk")
public class BulkListResource {
    private static final long RETRY_AFTER_SECONDS = 10;
    private final AvailabilityRepository availability;
    private final BulkSizes sizes;
    private final long waitNanos;

    public BulkListResource(AvailabilityRepository availability, BulkSizes sizes, BulkConfig config) {
        this.availability = availability;
        this.sizes = sizes;
        this.waitNanos = config.listingWait().toNanos();
    }

    @GET
    public Uni<Response> list(@QueryParam("type") String type, @QueryParam("freq") String freq,
                              @QueryParam("r") String r, @QueryParam("ps") String ps, @QueryParam("px") String px) {
        Filter filter;
        try {
            filter = new Filter(RequestParams.type(type), RequestParams.freq(freq), RequestParams.classification(px),
                    RequestParams.number(r, 5, "r"), RequestParams.number(ps, 6, "ps"));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(RequestParams.badRequest(e));
        }
        long deadline = System.nanoTime() + waitNanos;
        return availability.find(filter).flatMap(rows -> {
            List<FileKey> keys = rows.stream().map(FileKey::of).toList();
            return sizes.sizes(keys, deadline).map(known -> {
                long ready = keys.stream().filter(known.sizes()::containsKey).count();
                if (ready < keys.size()) {
                    return Response.status(503).header("Retry-After", RETRY_AFTER_SECONDS)
                            .type("text/plain; charset=utf-8").entity("The bulk files are being prepared: " + ready
                                    + " of " + keys.size() + " ready. Please retry later.\n").build();
                }
                return Response.ok(BulkListWriter.json(rows, a -> known.sizes().get(FileKey.of(a))))
                        .type("application/json; charset=utf-8").build();
            });
        });
    }
}
