package org.tradegateway.api;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestMulti;
import org.tradegateway.config.BulkConfig;
import org.tradegateway.data.AvailabilityRepository;
import org.tradegateway.data.AvailabilityRepository.Availability;
import org.tradegateway.data.AvailabilityRepository.Filter;
import org.tradegateway.limits.Caller;
import org.tradegateway.limits.LimitHandler;
import org.tradegateway.output.BulkFiles;
import org.tradegateway.output.Json;
import org.tradegateway.refs.Classification;
import org.tradegateway.service.BulkService;

/**
 * {@code GET /api/get/bulk/{type}/{freq}/{ps}/{r}/{px}}: one bulk file as a ZIP, for authenticated callers (or
 * everyone when trade.bulk.open is set); others get the upstream 409.
 */
@Path("/api/get/bulk")
public class BulkDownloadResource {
    static final String REFUSED = "Either a usage limit is hit or no authorisation code used.";
    private final BulkService bulk;
    private final boolean open;

    public BulkDownloadResource(BulkService bulk, BulkConfig config) {
        this.bulk = bulk;
        this.open = config.open();
    }

    @GET
    @Path("/{type}/{freq}/{ps}/{r}/{px}")
    public RestMulti<Buffer> download(@PathParam("type") String type, @PathParam("freq") String freq,
                                      @PathParam("ps") String ps, @PathParam("r") String r,
                                      @PathParam("px") String px, @Context RoutingContext routing) {
        Uni<Download> download;
        Caller caller = LimitHandler.caller(routing);
        if (!open && (caller == null || !caller.authenticated())) {
            download = Uni.createFrom().item(Download.text(409, REFUSED));
        } else {
            try {
                Character t = RequestParams.letter(type, "CS", "type");
                Character f = RequestParams.letter(freq, "AM", "freq");
                Integer period = RequestParams.number(ps, 6, "ps");
                Integer reporter = RequestParams.number(r, 5, "r");
                Classification cls = Classification.parse(px).orElseThrow(
                        () -> new IllegalArgumentException("px '" + px + "' is not a known classification"));
                if (t == null || f == null || period == null) {
                    throw new IllegalArgumentException("type, freq and ps are required");
                }
                download = bulk.file(t, f, period, reporter, cls).map(file -> file.map(Download::zip)
                        .orElseGet(() -> Download.text(404, "No bulk file for " + String.join("/", type, freq, ps, r,
                                px))));
            } catch (IllegalArgumentException e) {
                download = Uni.createFrom().item(Download.text(400, e.getMessage()));
            }
        }
        return RestMulti.fromUniResponse(download, Download::body, Download::headers, Download::status);
    }

    /** A download answer: status, headers and bytes. */
    record Download(int status, Map<String, List<String>> headers, io.smallrye.mutiny.Multi<Buffer> body) {
        static Download text(int status, String message) {
            return new Download(status, Map.of("Content-Type", List.of("text/plain; charset=utf-8")),
                    io.smallrye.mutiny.Multi.createFrom().item(Buffer.buffer(message + "\n")));
        }

        static Download zip(BulkService.BulkFile file) {
            String zipName = file.name().replaceFirst("\\.csv$", ".zip");
            return new Download(200, Map.of("Content-Type", List.of("application/zip"), "Content-Disposition",
                    List.of("attachment; filename=\"" + zipName + "\"")), file.zip());
        }
    }
}
