package org.tradegateway.dialect.wtf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tradegateway.core.QueryFailure;
import org.tradegateway.data.DatabaseGuard;
import org.tradegateway.http.RouteRequests;
import org.tradegateway.ingest.FileDigest;
import org.tradegateway.limits.LimitHandler;

/**
 * The routes of the World Trade Flows views. Every answer has an ETag from the data version and the revision, and
 * a request that already holds it gets 304; an unknown country or year is 404 with a JSON body naming what exists.
 * A view rendered once for a data version is sent as stored after that ({@link WtfDocuments}).
 */
@ApplicationScoped
public class WtfRoute {
    static final int ORDER = LimitHandler.ORDER + 100;
    private static final Pattern PROFILE = Pattern.compile("/data/yearly/(\\d{4})/countries/([^/]+)\\.json");
    private static final Pattern PAIR = Pattern.compile("/data/yearly/(\\d{4})/bilateral/([^/]+)\\.json");
    private static final Pattern YEARLY = Pattern.compile("/data/yearly/(\\d{4})/(rankings|global-totals)\\.json");
    private static final Pattern HISTORY = Pattern.compile("/data/historical/([^/]+)\\.json");
    private static final Pattern PRODUCT = Pattern.compile("/data/products/([^/]+)\\.json");
    private static final Pattern PAIR_PRODUCT =
            Pattern.compile("/data/bilateral-products/([^/]+)-(\\d{2}|\\d{4}|\\d{6})\\.json");
    private final WtfViews views;
    private final WtfScopes scopes;
    private final WtfPairs pairs;
    private final WtfProducts products;
    private final DatabaseGuard guard;
    private final org.tradegateway.data.ReferenceDirectory references;
    private final WtfDocuments documents;

    public WtfRoute(WtfViews views, WtfScopes scopes, WtfPairs pairs, WtfProducts products, DatabaseGuard guard,
                    org.tradegateway.data.ReferenceDirectory references, WtfDocuments documents) {
        this.documents = documents;
        this.scopes = scopes;
        this.pairs = pairs;
        this.products = products;
        this.views = views;
        this.guard = guard;
        this.references = references;
    }

    /** {@code year=}: four digits, else 400. */
    static int year(String text) {
        if (!text.trim().matches("\\d{4}")) {
            throw QueryFailure.invalid("year '" + org.tradegateway.output.Excerpt.of(text, 20) + "' is not a year");
        }
        return Integer.parseInt(text.trim());
    }

    void install(@Observes Router router) {
        router.route("/data/countries.json").order(ORDER).handler(this::handle);
        router.route("/data/yearly/*").order(ORDER).handler(this::handle);
        router.route("/data/historical/*").order(ORDER).handler(this::handle);
        router.route("/data/products/*").order(ORDER).handler(this::handle);
        router.route("/data/bilateral-products/*").order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext routing) {
        String path = routing.request().path();
        Function<WtfScopes.Scope, Uni<ObjectNode>> view = view(path, routing);
        if (view == null) {
            routing.next();
            return;
        }
        if (!RouteRequests.readOnly(routing)) {
            return;
        }
        if (!documents.kept(routing.request())) {
            render(routing, view, false);
            return;
        }
        if (routing.request().getHeader("If-None-Match") == null) {
            sendStored(routing, view);
            return;
        }
        // a revalidation: the ETag follows from the data version, so one that matches needs no body read
        scopes.scope(routing.request().getParam("hs")).subscribe().with(scope -> {
            if (!notModified(routing, scope, true)) {
                sendStored(routing, view);
            }
        }, failure -> failed(routing, failure));
    }

    /** Sends the view as stored at the current data version, or renders (and stores) it when it is not. */
    private void sendStored(RoutingContext routing, Function<WtfScopes.Scope, Uni<ObjectNode>> view) {
        documents.find(routing.request().uri()).subscribe().with(found -> {
            if (found.stored()) {
                try {
                    WtfDocuments.send(routing, found.etag(), found.body().getDelegate(), true);
                } catch (IllegalStateException damaged) { // not gzip as stored: rendered, as if not stored
                    render(routing, view, false);
                }
            } else {
                render(routing, view, true);
            }
        }, failure -> failed(routing, failure));
    }

    /**
     * Renders a view from the stored records and sends it; kept, also stores its gzip for the next requests and
     * sends that to a client that takes it, so that both answers of one view are the same whoever rendered it.
     */
    private void render(RoutingContext routing, Function<WtfScopes.Scope, Uni<ObjectNode>> view, boolean kept) {
        String uri = routing.request().uri();
        scopes.scope(routing.request().getParam("hs")).flatMap(scope -> notModified(routing, scope, kept)
                ? Uni.createFrom().<Rendered>nullItem()
                : view.apply(scope).map(body -> new Rendered(scope.version(), etag(scope, uri),
                        body.toString().getBytes(StandardCharsets.UTF_8)))).subscribe().with(rendered -> {
            if (rendered == null) { // answered 304: the client holds the ETag
                return;
            }
            byte[] json = rendered.json();
            documents.rendered();
            if (kept) {
                byte[] gzipped = WtfDocuments.gzip(json);
                documents.store(rendered.version(), uri, rendered.etag(), gzipped);
                if (WtfDocuments.takesGzip(routing.request())) {
                    WtfDocuments.send(routing, rendered.etag(), Buffer.buffer(gzipped), true);
                    return;
                }
            }
            WtfDocuments.send(routing, rendered.etag(), Buffer.buffer(json), false);
        }, failure -> failed(routing, failure));
    }

    /** Answers 304 when the request holds the view's ETag at this scope's data version; whether it did. */
    private static boolean notModified(RoutingContext routing, WtfScopes.Scope scope, boolean kept) {
        String etag = etag(scope, routing.request().uri());
        if (!WtfDocuments.matches(routing, etag)) {
            return false;
        }
        WtfDocuments.send(routing, etag, null, kept);
        return true;
    }

    /** A view's ETag: of the data version, the revision and the address, whoever renders or stores it. */
    private static String etag(WtfScopes.Scope scope, String uri) {
        return "\"" + FileDigest.sha256(scope.version() + "|" + scope.px() + "|" + uri).substring(0, 32) + "\"";
    }

    private record Rendered(String version, String etag, byte[] json) {
    }

    /** The view a path asks for, or null when the path is not one of them. */
    private Function<WtfScopes.Scope, Uni<ObjectNode>> view(String path, RoutingContext routing) {
        if (path.equals("/data/countries.json")) {
            return views::countryList;
        }
        Matcher m = PROFILE.matcher(path);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            String slug = m.group(2);
            return scope -> views.profile(scope, loaded(scope, year), area(scope, slug));
        }
        m = PAIR.matcher(path);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            String pair = m.group(2);
            return scope -> {
                int[] ab = pair(scope, pair);
                return pairs.bilateral(scope, loaded(scope, year), ab[0], ab[1]);
            };
        }
        m = YEARLY.matcher(path);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            boolean rankings = m.group(2).equals("rankings");
            return scope -> rankings ? views.rankings(scope, loaded(scope, year))
                    : views.globalTotals(scope, loaded(scope, year));
        }
        m = PRODUCT.matcher(path);
        if (m.matches()) {
            String slug = m.group(1);
            String year = routing.request().getParam("year");
            return scope -> slug.equals("_index")
                    ? products.productIndex(scope, references.shipped().tree(scope.px()))
                    : product(scope, slug, loadedOrLatest(scope, year));
        }
        m = PAIR_PRODUCT.matcher(path);
        if (m.matches()) {
            String pair = m.group(1);
            String code = m.group(2);
            String year = routing.request().getParam("year");
            return scope -> {
                int[] ab = pair(scope, pair);
                org.tradegateway.refs.CommodityList tree = references.shipped().tree(scope.px());
                return pairs.bilateralProduct(scope, loadedOrLatest(scope, year), ab[0], ab[1], tree,
                        productIndex(scope, tree, code, code));
            };
        }
        m = HISTORY.matcher(path);
        if (m.matches()) {
            String slug = m.group(1);
            return scope -> views.historical(scope, area(scope, slug));
        }
        return null;
    }

    /** A product hub by its slug or code, in a loaded year; else 404. */
    Uni<ObjectNode> product(WtfScopes.Scope scope, String slug, int year) {
        org.tradegateway.refs.CommodityList tree = references.shipped().tree(scope.px());
        String code = WtfRecords.productCode(slug);
        int i = productIndex(scope, tree, code, slug);
        return products.product(scope, year, code, tree.description(i));
    }

    /** Where a code is in the revision's tree; else 404 naming what was asked for. */
    private static int productIndex(WtfScopes.Scope scope, org.tradegateway.refs.CommodityList tree, String code,
                                    String asked) {
        int i = code == null ? -1 : tree.indexOf(code);
        if (i < 0) {
            throw new NotFound("no product '" + org.tradegateway.output.Excerpt.of(asked, 60) + "' in " + scope.px()
                    + "; see /data/products/_index.json", scope);
        }
        return i;
    }

    /** The {@code year} parameter, a loaded year (else 404); without one, the latest loaded. */
    static int loadedOrLatest(WtfScopes.Scope scope, String year) {
        return loaded(scope, year == null ? scope.years().isEmpty() ? 0 : scope.years().last() : year(year));
    }

    /** A year not loaded in the revision is 404 naming the loaded years. */
    static int loaded(WtfScopes.Scope scope, int year) {
        if (!scope.years().contains(year)) {
            throw new NotFound("no data for " + year + " in " + scope.px() + "; loaded years: " + scope.years(),
                    scope);
        }
        return year;
    }

    /** A slug (or lower-case ISO3) of an area with data in the revision, else 404. */
    int area(WtfScopes.Scope scope, String slug) {
        Integer code = views.countries().find(slug);
        if (code == null || !scope.reporters().contains(code)) {
            throw new NotFound("no country '" + org.tradegateway.output.Excerpt.of(slug, 60) + "' with data in "
                    + scope.px() + "; see /data/countries.json", scope);
        }
        return code;
    }

    /** "japan-usa", "south-korea-united-states": the split where both sides are countries. */
    int[] pair(WtfScopes.Scope scope, String pair) {
        for (int i = pair.indexOf('-'); i > 0; i = pair.indexOf('-', i + 1)) {
            Integer a = views.countries().find(pair.substring(0, i));
            Integer b = views.countries().find(pair.substring(i + 1));
            if (a != null && b != null && scope.reporters().contains(a) && scope.reporters().contains(b)) {
                if (a.equals(b)) {
                    throw QueryFailure.invalid("a pair needs two countries, not " + pair);
                }
                return new int[] {a, b};
            }
        }
        throw new NotFound("no pair of countries with data named '" + org.tradegateway.output.Excerpt.of(pair, 80)
                + "'; see /data/countries.json for the slugs", scope);
    }

    /** An unknown country or year: 404, naming where the countries are and the loaded years. */
    static final class NotFound extends RuntimeException {
        final WtfScopes.Scope scope;

        NotFound(String message, WtfScopes.Scope scope) {
            super(message, null, false, false);
            this.scope = scope;
        }
    }

    void failed(RoutingContext routing, Throwable failure) {
        if (failure instanceof NotFound missing) {
            ObjectNode body = WtfViews.JSON.createObjectNode().put("error", "not found")
                    .put("message", missing.getMessage()).put("countries", "/data/countries.json")
                    .put("hs_revision", missing.scope.px().name());
            missing.scope.years().forEach(body.withArray("years")::add);
            routing.response().setStatusCode(404).putHeader("Content-Type", WtfDialect.JSON).end(body.toString());
            return;
        }
        Throwable translated = guard.translate(failure);
        if (translated instanceof QueryFailure refused) {
            RouteRequests.send(routing, WtfDialect.refusal(refused));
        } else {
            routing.fail(failure);
        }
    }
}
