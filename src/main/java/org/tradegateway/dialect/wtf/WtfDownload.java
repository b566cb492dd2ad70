package org.tradegateway.dialect.wtf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tradegateway.core.QueryFailure;
import org.tradegateway.http.RouteRequests;
import org.tradegateway.output.Excerpt;

/**
 * {@code /api/download?type=country|bilateral|product|rankings&slug=&filter=exports|imports&format=csv|json|xlsx
 * &year=}: the records of a view as a file, with its name in {@code Content-Disposition}: a country's partners, a
 * pair's chapters in one direction, a product's exporters or importers, the ranking of exporters or importers.
 * CSV has a header of the record keys (RFC 4180, UTF-8, CRLF); JSON holds the records and {@code _meta}; XLSX has
 * the records and a sheet about their source ({@link WtfWorkbook}).
 */
@ApplicationScoped
public class WtfDownload {
    private final WtfViews views;
    private final WtfScopes scopes;
    private final WtfPairs pairs;
    private final WtfRoute route;

    public WtfDownload(WtfViews views, WtfScopes scopes, WtfPairs pairs, WtfRoute route) {
        this.views = views;
        this.scopes = scopes;
        this.pairs = pairs;
        this.route = route;
    }

    void install(@Observes Router router) {
        router.route("/api/download").order(WtfRoute.ORDER).handler(this::handle);
    }

    private void handle(RoutingContext routing) {
        if (!RouteRequests.readOnly(routing)) {
            return;
        }
        String type = param(routing, "type", "country");
        String slug = param(routing, "slug", "");
        String filter = param(routing, "filter", "exports");
        String format = param(routing, "format", "csv");
        String year = routing.request().getParam("year");
        scopes.scope(routing.request().getParam("hs")).flatMap(scope -> {
            if (!filter.equals("exports") && !filter.equals("imports")) {
                throw QueryFailure.invalid("filter '" + Excerpt.of(filter, 20) + "' is not exports or imports");
            }
            if (!format.equals("csv") && !format.equals("json") && !format.equals("xlsx")) {
                throw QueryFailure.invalid("format '" + Excerpt.of(format, 20) + "' is not csv, json or xlsx");
            }
            int y = WtfRoute.loadedOrLatest(scope, year);
            boolean out = filter.equals("exports");
            Uni<ObjectNode> view = switch (type) {
                case "country" -> views.profile(scope, y, route.area(scope, slug));
                case "bilateral" -> {
                    int[] ab = route.pair(scope, slug);
                    yield pairs.bilateral(scope, y, ab[0], ab[1]);
                }
                case "product" -> route.product(scope, slug, y);
                case "rankings" -> views.rankings(scope, y);
                default -> throw QueryFailure.invalid("type '" + Excerpt.of(type, 20)
                        + "' is not country, bilateral, product or rankings");
            };
            return view.map(body -> {
                JsonNode records = switch (type) {
                    case "country" -> body.get(out ? "full_exports" : "full_imports");
                    case "bilateral" -> body.at(out ? "/a_to_b/top_products" : "/b_to_a/top_products");
                    case "product" -> body.get(out ? "exporters" : "importers");
                    default -> body.get(out ? "top_exporters" : "top_importers");
                };
                String name = "wtf-" + type + (slug.isEmpty() ? "" : "-" + WtfCountries.slug(slug)) + "-" + y + "-"
                        + filter + "." + format;
                return new File(name, records, body.get("_meta"));
            });
        }).subscribe().with(file -> send(routing, file), failure -> route.failed(routing, failure));
    }

    private record File(String name, JsonNode records, JsonNode meta) {
    }

    private static void send(RoutingContext routing, File file) {
        var response = routing.response().setStatusCode(200)
                .putHeader("Content-Disposition", "attachment; filename=\"" + file.name() + "\"");
        if (file.name().endsWith(".xlsx")) {
            response.setChunked(true).putHeader("Content-Type", XLSX);
            try {
                WtfWorkbook.write(response, file.records(), file.meta());
                response.end();
            } catch (java.io.IOException | RuntimeException e) {
                response.reset(); // a cut workbook must not look complete
            }
            return;
        }
        boolean csv = file.name().endsWith(".csv");
        response.putHeader("Content-Type", csv ? "text/csv; charset=utf-8" : WtfDialect.JSON)
                .end(csv ? csv(file.records()) : json(file.records(), file.meta()));
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static String param(RoutingContext routing, String name, String fallback) {
        String value = routing.request().getParam(name);
        return value == null || value.isBlank() ? fallback : value.trim().toLowerCase(Locale.ROOT);
    }

    /** The records with a header of their keys; values quoted where they must be. */
    static String csv(JsonNode records) {
        StringBuilder out = new StringBuilder(4096);
        List<String> keys = new ArrayList<>();
        if (records.size() > 0) {
            records.get(0).fieldNames().forEachRemaining(keys::add);
        }
        out.append(String.join(",", keys)).append("\r\n");
        for (JsonNode r : records) {
            for (int i = 0; i < keys.size(); i++) {
                JsonNode v = r.get(keys.get(i));
                out.append(i == 0 ? "" : ",").append(v == null || v.isNull() ? "" : field(v.asText()));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static String json(JsonNode records, JsonNode meta) {
        ObjectNode body = WtfViews.JSON.createObjectNode();
        body.set("records", records);
        body.set("_meta", meta);
        return body.toString();
    }
}
