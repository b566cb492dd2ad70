package org.tradegateway.dialect.wtf;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import org.jboss.logging.Logger;
import org.tradegateway.config.ViewsConfig;
import org.tradegateway.data.AvailabilityCache;
import org.tradegateway.data.DatabaseGuard;
import org.tradegateway.http.ConditionalGet;

/**
 * The views as they are sent, gzip-compressed, kept in PostgreSQL by request and data version
 * ({@code view_document}): the first request for a view after an import renders it from the stored records and
 * stores it; the next ones, from any gateway on the same database, read it back as one row in the statement that
 * reads the data version, as the site serves static files, and send the gzip as it is to clients that take it.
 * Requests whose query holds anything but a canonical {@code hs} and {@code year} are rendered each time, so that
 * no caller can make the table grow with made-up addresses; at most {@code trade.views.stored-max} views of one
 * data version are stored by one gateway. Also how a view is sent, stored or just rendered: the gzip to a client
 * that takes it (an ETag of its own, marked {@code -gzip}), else the JSON; either ETag gets 304.
 */
@ApplicationScoped
public class WtfDocuments {
    private static final Logger LOG = Logger.getLogger(WtfDocuments.class);
    static final String FIND_SQL = "SELECT d.etag, d.body FROM (" + AvailabilityCache.VERSION_SQL
            + ") v(version) LEFT JOIN view_document d ON d.uri = $1 AND d.version = v.version";
    /**
     * Stored only while its version is still the current one, and the pruning keeps the current version's rows: a
     * view rendered just before an import committed is neither stored nor a reason to delete the newer ones.
     */
    private static final String STORE_SQL = "INSERT INTO view_document (uri, version, etag, body)"
            + " SELECT $1::text, $2::text, $3::text, $4::bytea WHERE $2::text = (" + AvailabilityCache.VERSION_SQL
            + ") ON CONFLICT DO NOTHING";
    private static final String PRUNE_SQL = "DELETE FROM view_document WHERE version <> ("
            + AvailabilityCache.VERSION_SQL + ")";
    private static final Pattern CANONICAL_QUERY = Pattern.compile("((hs=H[0-6]|year=\\d{4})(&|$))*");
    private final Pool pool;
    private final DatabaseGuard guard;
    private final boolean enabled;
    private final int max;
    private final Counter read;
    private final Counter rendered;
    /** The data version this gateway last stored views of, and how many of them. */
    private final AtomicReference<String> storing = new AtomicReference<>("");
    private final AtomicInteger stored = new AtomicInteger();
    private volatile boolean complained;

    @Inject
    public WtfDocuments(Pool pool, DatabaseGuard guard, MeterRegistry meters, ViewsConfig config) {
        this(pool, guard, meters, config.stored(), config.storedMax());
    }

    /** {@code enabled}: views are stored; {@code max}: at most this many per data version. */
    public WtfDocuments(Pool pool, DatabaseGuard guard, MeterRegistry meters, boolean enabled, int max) {
        this.pool = pool;
        this.guard = guard;
        this.enabled = enabled;
        this.max = max;
        this.read = Counter.builder("trade.views.documents").tag("from", "stored")
                .description("World Trade Flows views sent as stored").register(meters);
        this.rendered = Counter.builder("trade.views.documents").tag("from", "rendered")
                .description("World Trade Flows views rendered from the records").register(meters);
    }

    /** A view as stored at the current data version (etag and body null when it is not). */
    record Found(String etag, Buffer body) {
        boolean stored() {
            return body != null;
        }
    }

    /** The gzip of a view, as stored (compressed once, when it is stored, instead of PostgreSQL on each read). */
    static byte[] gzip(byte[] json) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream(json.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(sink)) {
            gzip.write(json);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return sink.toByteArray();
    }

    /**
     * A stored view as JSON, for a client that does not take gzip: inflated in one call into an array of the size the
     * gzip's trailer gives (a stream would inflate it in 512-byte steps, at half the speed).
     */
    static io.vertx.core.buffer.Buffer gunzip(io.vertx.core.buffer.Buffer gzipped) {
        int header = 10; // as GZIPOutputStream writes it: no name, comment or extra field
        int length = gzipped.length();
        if (length < header + 8 || gzipped.getByte(0) != (byte) 0x1f || gzipped.getByte(1) != (byte) 0x8b
                || gzipped.getByte(3) != 0) {
            throw new IllegalStateException("a stored view is not gzip as the gateway writes it");
        }
        byte[] json = new byte[gzipped.getIntLE(length - 4)];
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(gzipped.getByteBuf().nioBuffer(header, length - header - 8));
            if (inflater.inflate(json) != json.length || !inflater.finished()) {
                throw new IllegalStateException("a stored view's gzip is cut short");
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("a stored view's gzip is damaged", e);
        } finally {
            inflater.end();
        }
        return io.vertx.core.buffer.Buffer.buffer(json);
    }

    /** Counts a view rendered from the records, stored or not. */
    void rendered() {
        rendered.increment();
    }

    /** Whether a request takes a gzip body. */
    static boolean takesGzip(HttpServerRequest request) {
        String accepted = request.getHeader("Accept-Encoding");
        return accepted != null && takesGzip(accepted);
    }

    /**
     * Whether an {@code Accept-Encoding} value takes gzip (RFC 9110): gzip (or x-gzip) named with a quality above 0,
     * or, where it is not named, {@code *} so named. {@code gzip;q=0, *} refuses it.
     */
    static boolean takesGzip(String accepted) {
        Boolean gzip = null;
        Boolean any = null;
        for (String entry : accepted.split(",")) {
            String[] parts = entry.split(";");
            String coding = parts[0].trim().toLowerCase(Locale.ROOT);
            boolean wanted = true;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    wanted = quality(parameter.substring(2)) > 0;
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = wanted;
            } else if (coding.equals("*")) {
                any = wanted;
            }
        }
        return gzip != null ? gzip : Boolean.TRUE.equals(any);
    }

    /** A quality value, 0 when it is not a number (an entry a client garbled is not taken as wanted). */
    private static double quality(String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Whether this request's view is kept: stored views are on and its query names only a revision and a year. */
    boolean kept(HttpServerRequest request) {
        String query = request.query();
        return enabled && (query == null || CANONICAL_QUERY.matcher(query).matches());
    }

    /** The view stored for this address at the current data version, if any. */
    Uni<Found> find(String uri) {
        return guard.call(() -> pool.preparedQuery(FIND_SQL).execute(Tuple.of(uri)).map(rows -> {
            Row row = rows.iterator().next();
            Buffer body = row.getBuffer(1);
            if (body != null) {
                read.increment();
            }
            return new Found(row.getString(0), body);
        }));
    }

    /**
     * Stores a view rendered at a data version (its gzip), in the background: the request does not wait, and a
     * failure (a read-only role, a database going away) only means the next request renders it again. The first view
     * stored of a newer version deletes those of the versions before.
     */
    void store(String version, String uri, String etag, byte[] gzipped) {
        String before = storing.get();
        boolean first = !before.equals(version) && storing.compareAndSet(before, version);
        if (first) {
            stored.set(0);
        }
        if (stored.incrementAndGet() > max) {
            return;
        }
        Uni<?> prune = first ? pool.query(PRUNE_SQL).execute() : Uni.createFrom().nullItem();
        prune.chain(() -> pool.preparedQuery(STORE_SQL)
                        .execute(Tuple.of(uri, version, etag, io.vertx.core.buffer.Buffer.buffer(gzipped))))
                .subscribe().with(done -> complained = false, failure -> {
                    if (!complained) {
                        complained = true;
                        LOG.warnf("a World Trade Flows view was not stored (it is rendered again when asked): %s",
                                org.tradegateway.output.Excerpt.of(String.valueOf(failure.getMessage()), 200));
                    }
                });
    }

    /** The ETag of a view's gzip: its JSON's, marked, since the two bodies differ byte for byte. */
    private static String gzipTag(String etag) {
        return etag.substring(0, etag.length() - 1) + "-gzip\"";
    }

    /** Whether the request holds the view's ETag, of either body. */
    static boolean matches(RoutingContext routing, String etag) {
        String match = routing.request().getHeader("If-None-Match");
        return match != null && ConditionalGet.matches(match, etag, gzipTag(etag));
    }

    /** 304 when the request holds the ETag, else 200: a gzip body as it is to a client that takes it, else JSON. */
    static void send(RoutingContext routing, String etag, io.vertx.core.buffer.Buffer body, boolean gzipped) {
        boolean gzip = gzipped && takesGzip(routing.request());
        routing.response().putHeader("ETag", gzip ? gzipTag(etag) : etag).putHeader("Cache-Control", "no-cache")
                .putHeader("Vary", "Accept-Encoding");
        if (body == null || matches(routing, etag)) {
            routing.response().setStatusCode(304).end();
        } else if (gzip) {
            routing.response().setStatusCode(200).putHeader("Content-Type", WtfDialect.JSON)
                    .putHeader("Content-Encoding", "gzip").end(body);
        } else {
            routing.response().setStatusCode(200).putHeader("Content-Type", WtfDialect.JSON)
                    .end(gzipped ? gunzip(body) : body);
        }
    }
}
