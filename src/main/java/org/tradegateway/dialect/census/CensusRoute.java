package org.tradegateway.dialect.census;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.tradegateway.config.CensusConfig;
import org.tradegateway.core.CommoditySelection;
import org.tradegateway.core.FactRecord;
import org.tradegateway.core.Frequency;
import org.tradegateway.core.PeriodSelection;
import org.tradegateway.core.QueryFailure;
import org.tradegateway.core.Selection;
import org.tradegateway.core.TradeQuery;
import org.tradegateway.core.TradeType;
import org.tradegateway.data.ReferenceDirectory;
import org.tradegateway.data.ReleaseRepository;
import org.tradegateway.dialect.census.CensusVariables.Dataset;
import org.tradegateway.dialect.census.CensusVariables.Variable;
import org.tradegateway.http.AccessLog;
import org.tradegateway.http.RouteRequests;
import org.tradegateway.limits.LimitHandler;
import org.tradegateway.refs.Classification;
import org.tradegateway.refs.ScheduleC;
import org.tradegateway.refs.CommodityCatalog;
import org.tradegateway.service.AnswerMetrics;
import org.tradegateway.service.AnswerService;

/**
 * {@code GET /data/timeseries/intltrade/{exports|imports}/hs} and its discovery files: the Census International
 * Trade API over the gateway's monthly records of one reporter ({@code TRADE_CENSUS_REPORTER}, the United States
 * by default). The records are read through the shared answer pipeline, then added up per Schedule C country,
 * grouping and month ({@link CensusTable}). A valid query that matches nothing is 204 with no body, as upstream.
 */
@ApplicationScoped
public class CensusRoute {
    /** After the limits, as the other dialects' routes. */
    static final int ORDER = LimitHandler.ORDER + 100;
    private static final String JSON = "application/json;charset=utf-8";
    /** Ranges longer than this read every loaded month and keep those asked for. */
    private static final int MAX_LISTED_MONTHS = 600;
    private final AnswerService answers;
    private final ReleaseRepository releases;
    private final AnswerMetrics metrics;
    private final ScheduleC countries = ScheduleC.shipped();
    private final CommodityCatalog catalog;
    private final ReferenceDirectory references;
    private final int reporter;
    private final int maxRecords;

    public CensusRoute(AnswerService answers, ReleaseRepository releases, AnswerMetrics metrics,
                       ReferenceDirectory references, CensusConfig config) {
        this.answers = answers;
        this.releases = releases;
        this.metrics = metrics;
        this.references = references;
        this.catalog = new CommodityCatalog(references.shipped());
        this.reporter = config.reporter();
        this.maxRecords = config.maxRecords();
    }

    void install(@Observes Router router) {
        router.route(CensusDialect.PREFIX + "*").order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext routing) {
        String rest = routing.request().path().substring(CensusDialect.PREFIX.length());
        int slash = rest.indexOf('/');
        Dataset dataset = slash < 0 ? null : Dataset.of(rest.substring(0, slash));
        String tail = slash < 0 ? "" : rest.substring(slash + 1);
        if (dataset == null || !tail.startsWith("hs")) {
            routing.next();
            return;
        }
        if (!RouteRequests.readOnly(routing)) {
            return;
        }
        String base = base(routing);
        switch (tail) {
            case "hs" -> data(routing, dataset);
            case "hs.json" -> releases.find('C', 'M', null, 100_000).subscribe().with(found -> {
                List<ReleaseRepository.Release> own = found.stream().filter(r -> r.reporter() == reporter).toList();
                String name = references.shipped().area(reporter).map(a -> a.name()).orElse("area " + reporter);
                send(routing, 200, JSON, CensusDocuments.dataset(dataset, base,
                        reporter == 842 ? "U.S." : name, own));
            }, failure -> refuse(routing, failure));
            case "hs/variables.json" -> send(routing, 200, JSON, CensusDocuments.variables(dataset));
            case "hs/examples.json" -> send(routing, 200, JSON, CensusDocuments.examples(dataset, base));
            default -> {
                Variable v = tail.startsWith("hs/variables/") && tail.endsWith(".json") ? dataset.variables.get(
                        tail.substring("hs/variables/".length(), tail.length() - ".json".length())) : null;
                if (v == null) {
                    routing.next();
                } else {
                    send(routing, 200, JSON, CensusDocuments.variable(v));
                }
            }
        }
    }

    private void data(RoutingContext routing, Dataset dataset) {
        String endpoint = "/data/timeseries/intltrade/" + dataset.path + "/hs";
        AtomicLong logged = routing.get(AccessLog.RECORDS);
        CensusRequest request;
        try {
            String raw = routing.request().query();
            request = CensusRequest.parse(dataset, raw == null ? Map.of()
                    : new QueryStringDecoder(raw, StandardCharsets.UTF_8, false).parameters(), countries, catalog);
        } catch (QueryFailure failure) {
            refuse(routing, failure);
            metrics.answered(endpoint, failure.kind().name().toLowerCase(Locale.ROOT));
            return;
        }
        CensusRequest.Partners partners = request.partners();
        if (request.commodities().empty() || (!partners.all() && partners.areas().isEmpty() && !partners.world())) {
            noContent(routing);
            metrics.answered(endpoint, "0");
            return;
        }
        answers.collect(query(request)).subscribe().with(records -> {
            if (records.size() > maxRecords) {
                refuse(routing, QueryFailure.tooLarge("the query matches more than " + maxRecords + " stored records;"
                        + " narrow it with CTY_CODE, " + dataset.commodity + ", COMM_LVL or time"));
                metrics.answered(endpoint, "too_large");
                return;
            }
            if (logged != null) {
                logged.addAndGet(records.size());
            }
            List<String[]> rows = CensusTable.rows(request, countries, records);
            metrics.answered(endpoint, "0");
            routing.put(AccessLog.VALIDATION, "0");
            if (rows.size() == 1) {
                noContent(routing);
            } else {
                HttpServerResponse response = routing.response();
                response.setStatusCode(200).putHeader("Content-Type", JSON).end(CensusTable.json(rows).toBuffer());
            }
        }, failure -> {
            if (failure instanceof QueryFailure refused) {
                metrics.answered(endpoint, refused.kind().name().toLowerCase(Locale.ROOT));
            }
            refuse(routing, failure);
        });
    }

    /** The stored records a request needs: the reporter's flow of the dataset, in HS as reported, by month. */
    private TradeQuery query(CensusRequest request) {
        CensusRequest.Partners p = request.partners();
        Selection partners;
        if (p.all()) {
            partners = Selection.everything(); // the World partner (the total) comes with every partner
        } else {
            List<Integer> areas = new ArrayList<>(p.areas());
            if (p.world()) {
                areas.add(0);
            }
            partners = Selection.of(areas);
        }
        CensusRequest.Commodities c = request.commodities();
        List<String> codes = new ArrayList<>(c.codes());
        List<Integer> codeLevels = new ArrayList<>();
        if (c.total()) {
            codes.add("TOTAL");
            codeLevels.add(0);
        }
        c.codes().stream().map(String::length).distinct().forEach(codeLevels::add);
        CommoditySelection commodities = new CommoditySelection(false, c.levels(), codes, codeLevels);
        return new TradeQuery(TradeType.GOODS, Frequency.MONTHLY, Classification.HS, Selection.of(List.of(reporter)),
                partners, periods(request), Selection.of(List.of(request.dataset().flow.code())), commodities,
                maxRecords + 1);
    }

    /** The months to read: those asked for, from January when values to date are asked; every month when open. */
    private static PeriodSelection periods(CensusRequest request) {
        int from = request.fromMonth();
        int to = request.toMonth();
        if (from == CensusRequest.OPEN_FROM || to == CensusRequest.OPEN_TO) {
            return new PeriodSelection(PeriodSelection.Kind.ALL, List.of());
        }
        if (request.toDate()) {
            from = from / 100 * 100 + 1;
        }
        List<Integer> months = new ArrayList<>();
        for (int m = from; m <= to; m = m % 100 == 12 ? (m / 100 + 1) * 100 + 1 : m + 1) {
            months.add(m);
            if (months.size() > MAX_LISTED_MONTHS) {
                return new PeriodSelection(PeriodSelection.Kind.ALL, List.of());
            }
        }
        return new PeriodSelection(PeriodSelection.Kind.LIST, months);
    }

    private static String base(RoutingContext routing) {
        String uri = routing.request().absoluteURI();
        int path = uri.indexOf('/', uri.indexOf("//") + 2);
        return path < 0 ? uri : uri.substring(0, path);
    }

    private static void noContent(RoutingContext routing) {
        routing.response().setStatusCode(204).end();
    }

    private static void refuse(RoutingContext routing, Throwable failure) {
        if (failure instanceof QueryFailure refused) {
            routing.put(AccessLog.VALIDATION, refused.kind().name().toLowerCase(Locale.ROOT));
            CensusDialect.send(routing, CensusDialect.refusal(refused));
        } else {
            routing.fail(failure);
        }
    }

    private static void send(RoutingContext routing, int status, String type, String body) {
        routing.response().setStatusCode(status).putHeader("Content-Type", type).end(body);
    }
}
