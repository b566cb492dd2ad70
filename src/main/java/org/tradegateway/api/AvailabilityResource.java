package org.tradegateway.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.tradegateway.data.AvailabilityRepository;
import org.tradegateway.data.AvailabilityRepository.Filter;
import org.tradegateway.data.SlicePlanner;
import org.tradegateway.output.AvailabilityWriter;
import org.tradegateway.refs.Classification;

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
            filter = new Filter(letter(type, "CS", "type"), letter(freq, "AM", "freq"), classification(px),
                    number(r, 5, "r"), number(ps, 6, "ps"));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(Response.status(400).type("text/plain; charset=utf-8")
                    .entity(e.getMessage() + "\n").build());
        }
        boolean csv = "csv".equalsIgnoreCase(fmt == null ? "" : fmt.trim());
        return repository.find(filter).map(rows -> csv
                ? Response.ok(AvailabilityWriter.csv(rows)).type("text/csv; charset=utf-8").build()
                : Response.ok(AvailabilityWriter.json(rows)).type("application/json; charset=utf-8").build());
    }

    private static boolean any(String value) {
        return value == null || value.isBlank() || value.trim().equalsIgnoreCase("all")
                || value.trim().equalsIgnoreCase("any");
    }

    private static Character letter(String value, String allowed, String name) {
        if (any(value)) {
            return null;
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (v.length() != 1 || allowed.indexOf(v.charAt(0)) < 0) {
            throw new IllegalArgumentException(name + " must be one of " + String.join(", ", allowed.split(""))
                    + ", got '" + value + "'");
        }
        return v.charAt(0);
    }

    private static List<String> classification(String value) {
        if (any(value)) {
            return null;
        }
        Classification px = Classification.parse(value).orElseThrow(
                () -> new IllegalArgumentException("px '" + value + "' is not a known classification"));
        return SlicePlanner.revisions(px);
    }

    private static Integer number(String value, int digits, String name) {
        if (any(value)) {
            return null;
        }
        String v = value.trim();
        if (!v.matches("[0-9]{1," + digits + "}")) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
        }
        return Integer.valueOf(v);
    }
}
