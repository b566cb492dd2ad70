package org.tradegateway.dialect.wtf;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.tradegateway.core.QueryFailure;
import org.tradegateway.data.DatabaseGuard;
import org.tradegateway.data.ReleaseRepository;
import org.tradegateway.data.ReleaseRepository.Release;
import org.tradegateway.http.RouteRequests;
import org.tradegateway.service.Holdings;
import org.tradegateway.service.Holdings.Dataset;

/**
 * {@code /llms.txt} and {@code /llms-full.txt}: what this gateway holds (each loaded dataset with its source,
 * version, licence, frequency, revisions and years, from provenance), how to cite it, the endpoints of every API
 * it serves, and (in the full text) the caveats. Written anew from the loaded data on each request.
 */
@ApplicationScoped
public class WtfText {
    private final ReleaseRepository releases;
    private final DatabaseGuard guard;

    public WtfText(ReleaseRepository releases, DatabaseGuard guard) {
        this.releases = releases;
        this.guard = guard;
    }

    void install(@Observes Router router) {
        router.route("/llms.txt").order(WtfRoute.ORDER).handler(routing -> handle(routing, false));
        router.route("/llms-full.txt").order(WtfRoute.ORDER).handler(routing -> handle(routing, true));
    }

    private void handle(RoutingContext routing, boolean full) {
        if (!RouteRequests.readOnly(routing)) {
            return;
        }
        releases.find(null, null, null, 1_000_000).subscribe().with(found -> {
            List<Dataset> held = Holdings.of(found);
            routing.response().setStatusCode(200).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end(text(held, full));
        }, failure -> {
            Throwable translated = guard.translate(failure);
            if (translated instanceof QueryFailure refused) {
                RouteRequests.send(routing, WtfDialect.refusal(refused));
            } else {
                routing.fail(failure);
            }
        });
    }

    private static String text(List<Dataset> held, boolean full) {
        StringBuilder t = new StringBuilder(4096);
        t.append("# Trade Gateway\n\n");
        t.append("> International merchandise trade statistics served from this gateway's own PostgreSQL store, in the")
                .append(" shapes of several public APIs: the legacy UN Comtrade API, Comtrade+ v1, the U.S. Census")
                .append(" International Trade API and the World Trade Flows views. The numbers are those of the")
                .append(" datasets listed below, as this gateway's operator loaded them.\n\n");
        t.append("## Data held\n\n");
        if (held.isEmpty()) {
            t.append("- Nothing is loaded yet.\n");
        }
        for (Dataset h : held) {
            Release r = h.first();
            t.append("- ").append(r.datasetName()).append(" (source: ").append(r.source())
                    .append(r.sourceVersion().isEmpty() ? "" : ", version " + r.sourceVersion()).append("): ")
                    .append(h.frequencyWords())
                    .append(", ").append(h.yearRange()).append(", classification ")
                    .append(String.join(", ", h.revisions())).append(", ").append(h.reporters().size())
                    .append(" reporters. Licence: ")
                    .append(r.licence().isEmpty() ? "as its source's terms" : r.licence())
                    .append(".\n");
        }
        t.append("\n## How to cite\n\n");
        t.append("- Name this gateway as the immediate source (its address), with the date of access.\n");
        boolean baci = held.stream().anyMatch(h -> h.first().source().equals("baci"));
        if (baci) {
            t.append("- CEPII BACI (Etalab Open Licence 2.0) as the underlying database: Gaulier, G. and Zignago, S.")
                    .append(" (2010). BACI: International Trade Database at the Product-Level. The 1994-2007 Version.")
                    .append(" CEPII Working Paper, N°2010-23.\n");
        }
        if (held.stream().anyMatch(h -> h.first().source().startsWith("comtrade")
                || h.first().source().startsWith("legacy"))) {
            t.append("- UN Comtrade (United Nations Statistics Division) for data loaded from Comtrade files or")
                    .append(" answers, under UN Comtrade's terms of use.\n");
        }
        if (held.stream().anyMatch(h -> h.first().source().equals("census"))) {
            t.append("- U.S. Census Bureau, International Trade API (public domain) for saved Census answers.\n");
        }
        if (held.stream().anyMatch(h -> h.first().source().equals("synthetic"))) {
            t.append("- Datasets whose source is \"synthetic\" are generated demo data, not statistics: do not cite")
                    .append(" them as facts.\n");
        }
        t.append("\n## Endpoints\n\n");
        for (String[] e : ENDPOINTS) {
            t.append("- `").append(e[0]).append("`: ").append(e[1]).append('\n');
        }
        if (full) {
            t.append("\n## Caveats\n\n");
            t.append("1. Annual and monthly data as loaded, not real-time: the latest period is the latest one the")
                    .append(" operator loaded (see Data held); an \"as of today\" claim from these numbers is")
                    .append(" wrong.\n");
            t.append("2. Merchandise goods only unless a services classification (EB02) is listed: do not infer a")
                    .append(" total trade balance from goods alone.\n");
            t.append("3. Values are current US dollars, not adjusted for inflation: differences between distant years")
                    .append(" are not real growth.\n");
            t.append("4. BACI-like data is reconciled from both sides' declarations (mirror data), so a flow can")
                    .append(" differ from what one country's customs office published. Records derived this way say so")
                    .append(" (Comtrade+ isReported false).\n");
            t.append("5. Classifications: each record is in the HS revision (or other classification) it was loaded")
                    .append(" in, unless its dataset is a conversion (named <dataset>-as-H0 and so on, its version")
                    .append(" naming the UNSD table): then it was converted to an earlier HS revision, to SITC or to")
                    .append(" BEC, each product to the table's one target, and a product split by the target is not")
                    .append(" divided (Comtrade+ isOriginalClassification false). Products a table has no target for")
                    .append(" count in the totals of SITC and BEC conversions, in no code.\n");
            t.append("6. The Census API's layout does not make the numbers Census figures: they are the loaded")
                    .append(" datasets'.\n");
            t.append("\n## Units\n\n- Values in whole US dollars (BACI's thousands multiplied by 1000); quantities in")
                    .append(" the record's unit (BACI: kilograms); shares in the World Trade Flows views are")
                    .append(" fractions of 0 to 1.\n");
        }
        return t.toString();
    }


    private static final List<String[]> ENDPOINTS = List.of(
            new String[] {"/", "the web interface: data selection, charts, country and pair pages"},
            new String[] {"/site/catalog.json", "what this gateway holds (datasets, periods) and the guest limits"},
            new String[] {"/api/get?r=&p=&ps=&px=&rg=&cc=&fmt=&max=",
                "the legacy UN Comtrade query (JSON, CSV, or XLSX: the gateway's own)"},
            new String[] {"/api/refs/da/view, /api/refs/da/bulk, /api/get/bulk/...",
                "legacy data availability and bulk files"},
            new String[] {"/Data/cache/{reporterAreas|partnerAreas|classificationHS|...}.json",
                "legacy reference lists"},
            new String[] {"/data/v1/get/{type}/{freq}/{cl} (a key), /public/v1/preview/...",
                "Comtrade+ v1 data, with getDa, getMetadata, getLiveUpdate"},
            new String[] {"/bulk/v1/get/{type}/{freq}/{cl} and /bulk/v1/file/...", "Comtrade+ bulk files (a key)"},
            new String[] {"/files/v1/app/reference/ListofReferences.json", "Comtrade+ reference files"},
            new String[] {"/data/timeseries/intltrade/{exports|imports}/hs?get=...&time=",
                "the U.S. Census International Trade API (monthly); variables.json lists its variables"},
            new String[] {"/data/countries.json", "World Trade Flows: countries with slugs"},
            new String[] {"/data/yearly/{year}/countries/{slug}.json", "World Trade Flows: a country's profile"},
            new String[] {"/data/yearly/{year}/bilateral/{a}-{b}.json", "World Trade Flows: any pair of countries"},
            new String[] {"/data/yearly/{year}/rankings.json, /data/yearly/{year}/global-totals.json",
                "World Trade Flows: rankings and world totals"},
            new String[] {"/data/historical/{slug}.json", "World Trade Flows: a country's yearly series"},
            new String[] {"/data/bilateral-products/{a}-{b}-{hs}.json",
                "World Trade Flows: one product (HS chapter, heading or line) between two countries"},
            new String[] {"/q/openapi, /q/swagger-ui", "the OpenAPI description"});
}
