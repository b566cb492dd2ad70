package org.tradegateway.dialect.plus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import org.tradegateway.core.Frequency;
import org.tradegateway.core.Period;
import org.tradegateway.core.QueryFailure;
import org.tradegateway.core.TradeType;
import org.tradegateway.data.AvailabilityRepository.Availability;
import org.tradegateway.refs.Classification;

/**
 * {@code GET /bulk/v1/get/{typeCode}/{freqCode}/{clCode}} (an account's key): the bulk files of what is loaded,
 * one per reporter, period and classification revision, in the envelope with upstream's fields; {@code fileUrl}
 * is an absolute URL of the file on this gateway ({@link PlusBulkRoute}). {@code fileSize} is an estimate in
 * upstream's "183.34 KB" form (the file is compressed while it is sent, so its exact size is known only then).
 */
@Path("/")
public class PlusBulkResource {
    /** Compressed bytes per record in the estimate of {@code fileSize} (15.6 to 17.7 measured on the demo data). */
    static final int BYTES_PER_RECORD = 18;
    private final PlusBulk bulk;

    public PlusBulkResource(PlusBulk bulk) {
        this.bulk = bulk;
    }

    /**
     * The listing, and {@code getClassic}: the same files as classic ones ({@code fileUrl} under
     * {@code /bulk/v1/fileClassic/}). Upstream's classic files hold the records without the extended breakdown
     * (second partner, customs procedure, mode of transport): what the gateway stores in any case.
     */
    @GET
    @Path("bulk/v1/{listing: get|getClassic}/{type}/{freq}/{cl}")
    public Uni<Response> files(@PathParam("listing") String listing, @PathParam("type") String type,
                               @PathParam("freq") String freq, @PathParam("cl") String cl,
                               @QueryParam("reporterCode") String reporters, @QueryParam("period") String periods,
                               @QueryParam("publishedDateFrom") String publishedFrom,
                               @QueryParam("publishedDateTo") String publishedTo, @Context UriInfo uri,
                               @Context RoutingContext routing) {
        return listing(listing.equals("getClassic") ? "/bulk/v1/fileClassic/" : "/bulk/v1/file/", type, freq, cl,
                reporters, periods, publishedFrom, publishedTo, uri, routing);
    }

    private Uni<Response> listing(String fileRoute, String type, String freq, String cl, String reporters,
                                  String periods, String publishedFrom, String publishedTo, UriInfo uri,
                                  RoutingContext routing) {
        if (!PlusResponses.keyed(routing)) {
            return Uni.createFrom().item(PlusResponses.missingKey());
        }
        long started = System.nanoTime();
        TradeType t;
        Frequency f;
        Classification px;
        Set<Integer> wantedReporters;
        Set<Integer> wantedPeriods;
        LocalDate from;
        LocalDate to;
        try {
            t = PlusParser.type(type);
            f = PlusParser.frequency(freq);
            px = PlusParser.classification(cl.toUpperCase(Locale.ROOT), t);
            wantedReporters = PlusAvailabilityResource.numbers(reporters, "reporterCode");
            wantedPeriods = PlusAvailabilityResource.numbers(periods, "period");
            from = date(publishedFrom, "publishedDateFrom");
            to = date(publishedTo, "publishedDateTo");
        } catch (QueryFailure refused) {
            return Uni.createFrom().item(PlusResponses.refused(refused));
        }
        String base = uri.getBaseUri().toString().replaceAll("/$", "");
        return bulk.files(t, f, px).map(rows -> {
            ArrayNode data = PlusResponses.JSON.createArrayNode();
            for (Availability a : PlusBulk.matching(rows, wantedReporters, wantedPeriods)) {
                if ((from == null || !a.published().isBefore(from)) && (to == null || !a.published().isAfter(to))) {
                    data.add(record(a, base + fileRoute));
                }
            }
            return PlusResponses.envelope(started, data);
        });
    }

    private static ObjectNode record(Availability a, String files) {
        String key = PlusBulk.rowKey(a);
        ObjectNode r = PlusResponses.JSON.createObjectNode();
        r.put("fileUrl", files + a.reporter() + "/" + key);
        r.put("fileSize", size(a.records() * BYTES_PER_RECORD));
        r.put("isOriginalClassification", a.original());
        r.put("reporterCode", a.reporter());
        r.put("freqCode", String.valueOf(a.freq()));
        r.put("typeCode", String.valueOf(a.type()));
        r.put("classificationCode", PlusNames.classificationCode(a.px()));
        r.put("refPeriodId", Period.isMonth(a.period()) ? a.period() : a.period() * 100 + 1);
        r.put("period", a.period());
        r.put("publicationDate", a.published() + "T00:00:00Z");
        r.put("partitionKey", Integer.toString(a.reporter()));
        r.put("rowKey", key);
        LocalDate imported = a.imported() == null ? a.published() : a.imported();
        r.put("timestamp", imported + "T00:00:00+00:00");
        r.put("eTag", "W/\"datetime'" + imported + "T00%3A00%3A00Z'\"");
        return r;
    }

    /** Upstream's form: "183.34 KB", "8.48 MB". */
    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.2f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.2f MB", bytes / (1024.0 * 1024.0));
    }

    private static LocalDate date(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw QueryFailure.invalid(name + " '" + raw + "' is not a date (YYYY-MM-DD).");
        }
    }
}
