package org.tradegateway.dialect.plus;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tradegateway.core.Frequency;
import org.tradegateway.core.QueryFailure;
import org.tradegateway.core.TradeType;
import org.tradegateway.data.ReleaseRepository.Release;
import org.tradegateway.data.ReleaseRepository;
import org.tradegateway.data.SlicePlanner;

/**
 * {@code getMetadata} (public and keyed) and {@code getLiveUpdate} (keyed): what was released into the store, from
 * the import records. Metadata gives each loaded reporter-period a {@code notes} list (comtradeapicall reads
 * {@code notes[*].datasetCode} and {@code publicationDate}) whose note names the dataset it came from; the live
 * update lists the newest imports.
 */
@Path("/")
public class PlusReleaseResource {
    static final int LIVE_UPDATES = 1000;
    private static final ObjectMapper JSON = PlusResponses.JSON;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy h:mm:ss a",
            Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final ReleaseRepository releases;

    public PlusReleaseResource(ReleaseRepository releases) {
        this.releases = releases;
    }

    @GET
    @Path("public/v1/getMetadata/{type}/{freq}/{cl}")
    public Uni<Response> metadata(@PathParam("type") String type, @PathParam("freq") String freq,
                                  @PathParam("cl") String cl, @QueryParam("reporterCode") String reporters,
                                  @QueryParam("period") String periods) {
        return metadataOf(type, freq, cl, reporters, periods);
    }

    @GET
    @Path("data/v1/getMetadata/{type}/{freq}/{cl}")
    public Uni<Response> keyedMetadata(@PathParam("type") String type, @PathParam("freq") String freq,
                                       @PathParam("cl") String cl, @QueryParam("reporterCode") String reporters,
                                       @QueryParam("period") String periods, @Context RoutingContext routing) {
        return PlusResponses.keyed(routing) ? metadataOf(type, freq, cl, reporters, periods)
                : Uni.createFrom().item(PlusResponses.missingKey());
    }

    @GET
    @Path("data/v1/getLiveUpdate")
    public Uni<Response> liveUpdate(@Context RoutingContext routing) {
        if (!PlusResponses.keyed(routing)) {
            return Uni.createFrom().item(PlusResponses.missingKey());
        }
        long started = System.nanoTime();
        return releases.find(null, null, null, LIVE_UPDATES).map(rows -> {
            ArrayNode data = JSON.createArrayNode();
            for (Release r : rows) {
                var utc = r.imported().withOffsetSameInstant(ZoneOffset.UTC);
                data.addObject().put("size", r.records()).put("startedAt", STAMP.format(utc))
                        .put("completedAt", STAMP.format(utc)).put("status", "Success")
                        .put("lastUpdated", DAY.format(utc)).put("queuedAt", DAY_TIME.format(utc))
                        .put("releaseStatus", "Released").put("reporterCode", r.reporter())
                        .put("freqCode", String.valueOf(r.freq())).put("typeCode", String.valueOf(r.type()))
                        .put("classificationCode", PlusNames.classificationCode(r.px())).put("period", r.period());
            }
            return PlusResponses.envelope(started, data);
        });
    }

    private Uni<Response> metadataOf(String type, String freq, String cl, String reporters, String periods) {
        long started = System.nanoTime();
        TradeType t;
        Frequency f;
        List<String> revisions;
        Set<Integer> wantedReporters;
        Set<Integer> wantedPeriods;
        try {
            t = PlusParser.type(type);
            f = PlusParser.frequency(freq);
            revisions = SlicePlanner.revisions(PlusParser.classification(cl.toUpperCase(Locale.ROOT), t));
            wantedReporters = PlusAvailabilityResource.numbers(reporters, "reporterCode");
            wantedPeriods = PlusAvailabilityResource.numbers(periods, "period");
        } catch (QueryFailure refused) {
            return Uni.createFrom().item(PlusResponses.refused(refused));
        }
        return releases.find(t.code(), f.code(), revisions, Integer.MAX_VALUE).map(rows -> {
            ArrayNode data = JSON.createArrayNode();
            for (Release r : rows) {
                if ((wantedReporters == null || wantedReporters.contains(r.reporter()))
                        && (wantedPeriods == null || wantedPeriods.contains(r.period()))) {
                    data.add(metadata(r));
                }
            }
            return PlusResponses.envelope(started, data);
        });
    }

    private static ObjectNode metadata(Release r) {
        long code = PlusAvailabilityResource.datasetCode(r.type(), r.freq(), r.px(), r.reporter(), r.period());
        ObjectNode m = JSON.createObjectNode();
        m.put("datasetCode", code).put("typeCode", String.valueOf(r.type())).put("freqCode", String.valueOf(r.freq()))
                .put("period", r.period()).put("reporterCode", r.reporter());
        ObjectNode note = m.putArray("notes").addObject();
        note.put("datasetCode", code).put("typeCode", String.valueOf(r.type()))
                .put("freqCode", String.valueOf(r.freq()))
                .put("period", r.period()).put("reporterCode", r.reporter())
                .put("classificationCode", PlusNames.classificationCode(r.px()))
                .put("currency", "USD")
                .put("publicationNote", "Loaded from " + r.datasetName() + " (" + r.source()
                        + (r.sourceVersion().isEmpty() ? "" : " " + r.sourceVersion())
                        + (r.licence().isEmpty() ? "" : "; " + r.licence()) + ")")
                .put("publicationDate", r.published() + "T00:00:00.000")
                .put("publicationDateShort", SHORT.format(r.published()));
        return m;
    }
}
