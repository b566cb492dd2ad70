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
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.tradegateway.core.Frequency;
import org.tradegateway.core.QueryFailure;
import org.tradegateway.core.TradeType;
import org.tradegateway.data.AvailabilityRepository.Availability;
import org.tradegateway.data.AvailabilityRepository;
import org.tradegateway.data.ReferenceDirectory;
import org.tradegateway.data.SlicePlanner;
import org.tradegateway.refs.Area;
import org.tradegateway.refs.Classification;

/**
 * {@code GET /public/v1/getDa/{typeCode}/{freqCode}/{clCode}} (no key) and {@code /data/v1/getDa/...} (a key):
 * what is loaded, one record per reporter, period and classification revision, in the envelope, with upstream's
 * fields. {@code datasetCode} and {@code datasetChecksum} are the gateway's own (stable while the data is).
 */
@Path("/")
public class PlusAvailabilityResource {
    private static final ObjectMapper JSON = PlusResponses.JSON;
    private final AvailabilityRepository repository;
    private final ReferenceDirectory references;

    public PlusAvailabilityResource(AvailabilityRepository repository, ReferenceDirectory references) {
        this.repository = repository;
        this.references = references;
    }

    @GET
    @Path("public/v1/getDa/{type}/{freq}/{cl}")
    public Uni<Response> open(@PathParam("type") String type, @PathParam("freq") String freq,
                              @PathParam("cl") String cl, @QueryParam("reporterCode") String reporters,
                              @QueryParam("period") String periods) {
        return availability(type, freq, cl, reporters, periods);
    }

    @GET
    @Path("data/v1/getDa/{type}/{freq}/{cl}")
    public Uni<Response> keyed(@PathParam("type") String type, @PathParam("freq") String freq,
                               @PathParam("cl") String cl, @QueryParam("reporterCode") String reporters,
                               @QueryParam("period") String periods, @Context RoutingContext routing) {
        if (!PlusResponses.keyed(routing)) {
            return Uni.createFrom().item(PlusResponses.missingKey());
        }
        return availability(type, freq, cl, reporters, periods);
    }

    private Uni<Response> availability(String type, String freq, String cl, String reporters, String periods) {
        long started = System.nanoTime();
        String searchCode = cl.toUpperCase(Locale.ROOT);
        AvailabilityRepository.Filter filter;
        Set<Integer> wantedReporters;
        Set<Integer> wantedPeriods;
        boolean asReported;
        try {
            TradeType t = PlusParser.type(type);
            Frequency f = PlusParser.frequency(freq);
            Classification px = PlusParser.classification(searchCode, t);
            wantedReporters = numbers(reporters, "reporterCode");
            wantedPeriods = numbers(periods, "period");
            filter = new AvailabilityRepository.Filter(t.code(), f.code(), SlicePlanner.revisions(px), null, null);
            asReported = px.asReported();
        } catch (QueryFailure refused) {
            return Uni.createFrom().item(PlusResponses.refused(refused));
        }
        return repository.find(filter).map(rows -> {
            ArrayNode data = JSON.createArrayNode();
            for (Availability a : rows) {
                // as reported (HS): the classifications the data came in, not conversions
                if ((a.original() || !asReported)
                        && (wantedReporters == null || wantedReporters.contains(a.reporter()))
                        && (wantedPeriods == null || wantedPeriods.contains(a.period()))) {
                    data.add(record(a, searchCode));
                }
            }
            return PlusResponses.envelope(started, data);
        });
    }

    private ObjectNode record(Availability a, String searchCode) {
        Area area = references.shipped().area(a.reporter()).orElse(null);
        ObjectNode r = JSON.createObjectNode();
        r.put("datasetCode", datasetCode(a.type(), a.freq(), a.px(), a.reporter(), a.period()));
        r.put("typeCode", String.valueOf(a.type())).put("freqCode", String.valueOf(a.freq()));
        r.put("period", a.period()).put("reporterCode", a.reporter());
        r.put("reporterISO", area == null ? null : area.iso3());
        r.put("reporterDesc", a.reporterName().isEmpty() && area != null ? area.name() : a.reporterName());
        r.put("classificationCode", PlusNames.classificationCode(a.px())).put("classificationSearchCode", searchCode);
        r.put("isOriginalClassification", a.original());
        r.put("isExtendedFlowCode", false).put("isExtendedPartnerCode", false).put("isExtendedPartner2Code", false)
                .put("isExtendedCmdCode", false).put("isExtendedCustomsCode", false).put("isExtendedMotCode", false);
        r.put("totalRecords", a.records());
        r.put("datasetChecksum", Objects.hash(a.type(), a.freq(), a.px(), a.reporter(), a.period(), a.records(),
                a.imported()));
        r.put("firstReleased", released(a.published()));
        r.put("lastReleased", released(a.imported() == null ? a.published() : a.imported()));
        return r;
    }

    /** The gateway's number for one loaded reporter-period and revision, stable while it stays loaded. */
    static long datasetCode(char type, char freq, String px, int reporter, int period) {
        return Math.abs((long) Objects.hash(type, freq, px, reporter, period));
    }

    private static String released(LocalDate date) {
        return date == null ? null : date + "T00:00:00.0000000";
    }

    static Set<Integer> numbers(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Set<Integer> codes = new TreeSet<>();
        for (String item : PlusParser.list(raw)) {
            try {
                codes.add(Integer.parseInt(item));
            } catch (NumberFormatException e) {
                throw QueryFailure.invalid(name + " '" + item + "' is not a number.");
            }
        }
        return codes;
    }
}
