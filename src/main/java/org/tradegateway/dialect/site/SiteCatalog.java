package org.tradegateway.dialect.site;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.TreeSet;
import org.tradegateway.config.CensusConfig;
import org.tradegateway.config.LimitsConfig;
import org.tradegateway.core.QueryFailure;
import org.tradegateway.data.DataChanges;
import org.tradegateway.data.DatabaseGuard;
import org.tradegateway.data.ReleaseRepository;
import org.tradegateway.data.ReleaseRepository.Release;
import org.tradegateway.http.RouteRequests;
import org.tradegateway.limits.LimitHandler;
import org.tradegateway.service.Holdings;
import org.tradegateway.service.Holdings.Dataset;

/**
 * {@code GET /site/catalog.json}: the loaded datasets (source, name, version, licence, revisions, years,
 * frequencies, reporters and records, from provenance), the loaded periods by frequency, the Census API's
 * reporter and its loaded months, and the limits a guest meets. Kept as written until PostgreSQL announces a
 * change of the data (while the gateway is not listening for changes, written anew on each request).
 */
@ApplicationScoped
public class SiteCatalog {
    private final ReleaseRepository releases;
    private final DatabaseGuard guard;
    private final LimitsConfig limits;
    private final CensusConfig census;
    private final DataChanges changes;
    private final SiteDialect dialect;
    /** The last catalog written and the count of data changes it was read at (kept while nothing changed). */
    private volatile Kept kept;

    private record Kept(long generation, String body) {
    }

    public SiteCatalog(ReleaseRepository releases, DatabaseGuard guard, LimitsConfig limits, CensusConfig census,
                       DataChanges changes, SiteDialect dialect) {
        this.dialect = dialect;
        this.changes = changes;
        this.releases = releases;
        this.guard = guard;
        this.limits = limits;
        this.census = census;
    }

    void install(@Observes Router router) {
        router.route("/site/catalog.json").order(LimitHandler.ORDER + 100).handler(this::handle);
    }

    private void handle(RoutingContext routing) {
        if (!RouteRequests.readOnly(routing)) {
            return;
        }
        long generation = changes.generation();
        Kept last = kept;
        if (last != null && last.generation() == generation && changes.listening()) {
            send(routing, last.body());
            return;
        }
        releases.find(null, null, null, 1_000_000).subscribe().with(found -> {
            String body = catalog(found).toString();
            kept = new Kept(generation, body);
            send(routing, body);
        }, failure -> {
                    Throwable translated = guard.translate(failure);
                    if (translated instanceof QueryFailure refused) {
                        RouteRequests.send(routing, dialect.refuse(refused, name -> null));
                    } else {
                        routing.fail(failure);
                    }
                });
    }

    private static void send(RoutingContext routing, String body) {
        routing.response().setStatusCode(200).putHeader("Content-Type", SiteDialect.JSON)
                .putHeader("Cache-Control", "no-cache").end(body);
    }

    ObjectNode catalog(List<Release> found) {
        ObjectNode root = SiteDialect.MAPPER.createObjectNode();
        ArrayNode datasets = root.putArray("datasets");
        for (Dataset d : Holdings.of(found)) {
            Release r = d.first();
            ObjectNode o = datasets.addObject().put("name", r.datasetName()).put("source", r.source())
                    .put("version", r.sourceVersion()).put("licence", r.licence())
                    .put("type", r.type() == 'S' ? "services" : "goods").put("frequency", d.frequencyWords())
                    .put("yearRange", d.yearRange()).put("reporters", d.reporters().size())
                    .put("records", d.records()).put("published", r.published() == null ? null
                            : r.published().toString())
                    .put("imported", r.imported() == null ? null : r.imported().toString());
            d.revisions().forEach(o.putArray("revisions")::add);
            d.years().forEach(o.putArray("years")::add);
        }
        TreeSet<Integer> annual = new TreeSet<>();
        TreeSet<Integer> monthly = new TreeSet<>();
        TreeSet<String> revisions = new TreeSet<>();
        TreeSet<Integer> censusMonths = new TreeSet<>();
        for (Release r : found) {
            if (r.type() != 'C') {
                continue;
            }
            (r.freq() == 'M' ? monthly : annual).add(r.period());
            revisions.add(r.px());
            if (r.freq() == 'M' && r.reporter() == census.reporter()) {
                censusMonths.add(r.period());
            }
        }
        ObjectNode periods = root.putObject("periods");
        annual.descendingSet().forEach(periods.putArray("annual")::add);
        monthly.descendingSet().forEach(periods.putArray("monthly")::add);
        revisions.forEach(root.putArray("revisions")::add);
        ObjectNode c = root.putObject("census").put("reporter", census.reporter());
        censusMonths.descendingSet().forEach(c.putArray("months")::add);
        root.putObject("guestLimits").put("enabled", limits.enabled()).put("perSecond", limits.perSecond())
                .put("perWindow", limits.guestQuota()).put("window", limits.window().toString())
                .put("maxRecords", limits.guestMaxRecords());
        return root;
    }
}
