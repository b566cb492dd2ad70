package org.tradegateway.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tradegateway.config.QueryConfig;
import org.tradegateway.core.TradeQuery;
import org.tradegateway.data.DataChanges;
import org.tradegateway.output.RowEncoder;

/**
 * Complete answers kept between requests, by encoding and query, least recently used first out, within a memory
 * budget. An answer is kept with the count of data changes ({@link DataChanges#generation()}) taken before it was
 * read, and served again only while that count has not moved and changes are being heard; so an import or a drop is
 * never answered from memory once PostgreSQL has announced it, and nothing is served from memory while the gateway
 * cannot hear the announcements. What is kept is the encoded records; each answer's timestamps are its own.
 */
@ApplicationScoped
public class AnswerCache {
    /**
     * A kept answer: the records as encoded (without what the encoding writes around them), how many, and how many
     * matched (more when the answer was cut at its limit).
     */
    public record Kept(long generation, byte[] records, int rows, int total) {
    }

    /** Where a request starts: the change count it will compare with, or none if nothing may be kept now. */
    public record Ticket(long generation, boolean usable) {
    }

    private static final int OVERHEAD = 256;
    private final DataChanges changes;
    private final long budget;
    private final long entryLimit;
    /** What an answer is kept by: its encoding and its query. */
    private record Key(RowEncoder.Choice encoding, TradeQuery query) {
    }

    private final LinkedHashMap<Key, Kept> kept = new LinkedHashMap<>(256, 0.75f, true);
    private long used;
    private final Counter hits;
    private final Counter misses;

    public AnswerCache(DataChanges changes, QueryConfig config, MeterRegistry registry) {
        this.changes = changes;
        this.budget = config.answerCache().asLongValue();
        this.entryLimit = budget / 16;
        this.hits = Counter.builder("trade.api.answer.cache").tag("result", "hit")
                .description("Answers served from memory, and those read from the database").register(registry);
        this.misses = Counter.builder("trade.api.answer.cache").tag("result", "miss").register(registry);
        Gauge.builder("trade.api.answer.cache.bytes", this, AnswerCache::bytes)
                .description("Memory held by kept answers").register(registry);
    }

    /** Taken before anything is read for a request. */
    public Ticket ticket() {
        return new Ticket(changes.generation(), budget > 0 && changes.listening());
    }

    /** The kept answer of a query, if it is still good. */
    public Kept get(Ticket ticket, RowEncoder.Choice encoding, TradeQuery query) {
        if (!ticket.usable()) {
            return null;
        }
        Key key = new Key(encoding, query);
        Kept found;
        synchronized (this) {
            found = kept.get(key);
            if (found != null && found.generation() != ticket.generation()) {
                remove(key);
                found = null;
            }
        }
        (found == null ? misses : hits).increment();
        return found;
    }

    /** Whether an answer of this many encoded bytes would be kept. */
    public boolean accepts(Ticket ticket, int bytes) {
        return ticket.usable() && bytes + OVERHEAD <= entryLimit;
    }

    /** Keeps an answer read after the ticket was taken, unless the data changed meanwhile or it is too large. */
    public void put(Ticket ticket, RowEncoder.Choice encoding, TradeQuery query, byte[] records, int rows,
                    int total) {
        if (!accepts(ticket, records.length) || !changes.listening() || changes.generation() != ticket.generation()) {
            return;
        }
        Key key = new Key(encoding, query);
        synchronized (this) {
            remove(key);
            kept.put(key, new Kept(ticket.generation(), records, rows, total));
            used += records.length + OVERHEAD;
            Iterator<Map.Entry<Key, Kept>> oldest = kept.entrySet().iterator();
            while (used > budget && oldest.hasNext()) {
                used -= oldest.next().getValue().records().length + OVERHEAD;
                oldest.remove();
            }
        }
    }

    synchronized long bytes() {
        return used;
    }

    private void remove(Key key) {
        Kept gone = kept.remove(key);
        if (gone != null) {
            used -= gone.records().length + OVERHEAD;
        }
    }
}
