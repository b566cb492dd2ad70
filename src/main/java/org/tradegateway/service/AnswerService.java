package org.tradegateway.service;

import static org.tradegateway.service.QueryPlanner.PROBE_ROWS;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.tradegateway.config.ApiConfig;
import org.tradegateway.core.FactRecord;
import org.tradegateway.core.TradeQuery;
import org.tradegateway.data.AvailabilityCache;
import org.tradegateway.data.FactQuery;
import org.tradegateway.data.RecordMapper;
import org.tradegateway.data.ReferenceDirectory;
import org.tradegateway.data.TradeRepository;
import org.tradegateway.output.RowEncoder;
import org.tradegateway.output.Utf8Builder;

/**
 * Prepares the answer of a {@link TradeQuery}, in the encoding a dialect chose. A complete answer kept in memory
 * for the same query is served as it is while the loaded data has not changed ({@link AnswerCache}). Otherwise it
 * plans the slices on the cached availability, then reads the first rows and the data version in one statement:
 * most answers are complete at that point. A larger answer is one statement read through a cursor, its total
 * counted in the same pass; validation and counting always happen before the first byte.
 */
@ApplicationScoped
public class AnswerService {
    private final TradeRepository repository;
    private final AvailabilityCache availability;
    private final ReferenceDirectory references;
    private final ZoneId zone;
    private final AnswerMetrics metrics;
    private final HeavyAnswers heavy;
    private final AnswerCache cache;

    public AnswerService(TradeRepository repository, AvailabilityCache availability, ReferenceDirectory references,
                         ApiConfig config, AnswerMetrics metrics, HeavyAnswers heavy, AnswerCache cache) {
        this.heavy = heavy;
        this.repository = repository;
        this.availability = availability;
        this.references = references;
        this.zone = ZoneId.of(config.timezone());
        this.metrics = metrics;
        this.cache = cache;
    }

    /** One request being answered: its query and encoding, when it arrived, its record counter, its cache ticket. */
    private record Request(TradeQuery query, RowEncoder.Choice encoding, OffsetDateTime start, AtomicLong records,
                           AnswerCache.Ticket ticket) {
    }

    /** Prepares the answer of a query in a dialect's encoding; {@code records} counts the records as they stream. */
    public Uni<Answer> prepare(TradeQuery query, RowEncoder.Choice encoding, AtomicLong records) {
        long started = System.nanoTime();
        Request request = new Request(query, encoding, OffsetDateTime.now(zone), records, cache.ticket());
        AnswerCache.Kept kept = cache.get(request.ticket(), encoding, query);
        Uni<Answer> answer = kept != null ? Uni.createFrom().item(() -> fromMemory(request, kept))
                : availability.current().flatMap(snapshot -> answer(request, snapshot, true));
        return answer.invoke(ignored -> metrics.prepared(Duration.ofNanos(System.nanoTime() - started)));
    }

    private Uni<Answer> answer(Request request, AvailabilityCache.Snapshot snapshot, boolean mayRetry) {
        TradeQuery query = request.query();
        Optional<FactQuery> plan = QueryPlanner.plan(snapshot, query);
        if (plan.isEmpty()) {
            // nothing loaded for it in this snapshot: make sure the snapshot is current before saying so
            return availability.version().flatMap(version -> version.equals(snapshot.version()) || !mayRetry
                    ? Uni.createFrom().item(empty(request))
                    : availability.reload().flatMap(fresh -> answer(request, fresh, false)));
        }
        FactQuery factQuery = plan.get();
        if (QueryPlanner.likelyLarge(query)) {
            return streamed(request, factQuery, snapshot, mayRetry);
        }
        OffsetDateTime countStart = OffsetDateTime.now(zone);
        // an answer of at most PROBE_ROWS records is one statement that reads them with the count of every match
        // (500 sent of 2,680); a larger limit first reads PROBE_ROWS + 1 rows, and more go through a cursor. A read
        // replica may answer when it has replayed the snapshot's version, the retry reads the primary
        boolean counted = query.limit() >= 1 && query.limit() <= PROBE_ROWS;
        return repository.probe(factQuery, counted ? query.limit() : PROBE_ROWS + 1, counted,
                mayRetry ? snapshot.version() : null).flatMap(first -> {
            if (!first.dataVersion().equals(snapshot.version()) && mayRetry) {
                return availability.reload().flatMap(fresh -> answer(request, fresh, false));
            }
            if (!counted && first.rows().size() > PROBE_ROWS) {
                return streamed(request, factQuery, snapshot, mayRetry);
            }
            int total = counted ? (int) first.total() : first.rows().size();
            List<Row> sent = first.rows().size() > query.limit() ? first.rows().subList(0, query.limit())
                    : first.rows();
            return references.at(first.dataVersion()).map(current -> complete(request, sent, total, countStart,
                    new RecordMapper(references.shipped(), current)));
        });
    }

    /**
     * Every record of a query, at most its limit, mapped and in memory: for a dialect that reshapes an answer before
     * writing it (sums over groups of partners, values to date). Read like an answer: up to {@link #PROBE_ROWS} in
     * one statement, more through a cursor that holds a place among the heavy answers until the last row is read.
     */
    public Uni<List<FactRecord>> collect(TradeQuery query) {
        return availability.current().flatMap(snapshot -> collect(query, snapshot, true));
    }

    private Uni<List<FactRecord>> collect(TradeQuery query, AvailabilityCache.Snapshot snapshot, boolean mayRetry) {
        Optional<FactQuery> plan = QueryPlanner.plan(snapshot, query);
        if (plan.isEmpty()) {
            return availability.version().flatMap(version -> version.equals(snapshot.version()) || !mayRetry
                    ? Uni.createFrom().item(List.<FactRecord>of())
                    : availability.reload().flatMap(fresh -> collect(query, fresh, false)));
        }
        FactQuery factQuery = plan.get();
        if (QueryPlanner.likelyLarge(query)) {
            return collectLarge(query, factQuery, snapshot, mayRetry);
        }
        return repository.probe(factQuery, PROBE_ROWS + 1, false, mayRetry ? snapshot.version() : null)
                .flatMap(first -> {
                    if (!first.dataVersion().equals(snapshot.version()) && mayRetry) {
                        return availability.reload().flatMap(fresh -> collect(query, fresh, false));
                    }
                    if (first.rows().size() > PROBE_ROWS && query.limit() > PROBE_ROWS) {
                        return collectLarge(query, factQuery, snapshot, mayRetry);
                    }
                    List<Row> rows = first.rows().size() > query.limit() ? first.rows().subList(0, query.limit())
                            : first.rows();
                    return references.at(first.dataVersion()).map(current -> mapped(rows,
                            new RecordMapper(references.shipped(), current)));
                });
    }

    private Uni<List<FactRecord>> collectLarge(TradeQuery query, FactQuery factQuery,
                                               AvailabilityCache.Snapshot snapshot, boolean mayRetry) {
        return heavy.acquire().flatMap(place -> repository.open(factQuery, query.limit(),
                        mayRetry ? snapshot.version() : null)
                .onFailure().invoke(place::release).onCancellation().invoke(place::release)
                .flatMap(rows -> {
                    Runnable end = () -> {
                        rows.close();
                        place.release();
                    };
                    if (rows.first().isEmpty() || !rows.version().equals(snapshot.version())) {
                        end.run();
                        return !mayRetry ? Uni.createFrom().item(List.<FactRecord>of())
                                : availability.reload().flatMap(fresh -> collect(query, fresh, false));
                    }
                    return references.at(rows.version()).flatMap(current -> {
                        RecordMapper mapper = new RecordMapper(references.shipped(), current);
                        return rows.all().map(chunk -> mapped(chunk, mapper))
                                .collect().in(() -> new ArrayList<FactRecord>(), List::addAll);
                    }).map(records -> (List<FactRecord>) records).eventually(end);
                }));
    }

    private List<FactRecord> mapped(List<Row> rows, RecordMapper mapper) {
        metrics.records(rows.size());
        List<FactRecord> records = new ArrayList<>(rows.size());
        rows.forEach(row -> records.add(mapper.map(row)));
        return records;
    }

    /**
     * A large answer: one statement through a cursor reads the rows with the data version, its first rows before
     * the first byte, the rest as the client takes them; when the encoding reports the number of every matching
     * record, a count runs beside it on a connection of its own and the head waits for it. The answer holds a place
     * among the heavy answers, and its connection, until it ends however it ends.
     */
    private Uni<Answer> streamed(Request request, FactQuery factQuery, AvailabilityCache.Snapshot snapshot,
                                 boolean mayRetry) {
        TradeQuery query = request.query();
        String version = mayRetry ? snapshot.version() : null;
        return heavy.acquire().flatMap(place -> {
            OffsetDateTime countStart = OffsetDateTime.now(zone);
            // started now, so that it runs while the cursor's statement sorts; if the answer fails first, the count
            // still ends on its own (and gives its connection back)
            CompletableFuture<TradeRepository.Count> counting = request.encoding().needsTotal()
                    ? repository.count(factQuery, version).subscribeAsCompletionStage() : null;
            return repository.open(factQuery, query.limit(), version)
                    .onFailure().invoke(place::release).onCancellation().invoke(place::release)
                    .flatMap(rows -> {
                        Runnable end = () -> {
                            rows.close();
                            place.release();
                        };
                        if (rows.first().isEmpty() || !rows.version().equals(snapshot.version())) {
                            // nothing matched, or an import or a drop came in between: plan again on a fresh copy
                            end.run();
                            return !mayRetry ? Uni.createFrom().item(empty(request))
                                    : availability.reload().flatMap(fresh -> answer(request, fresh, false));
                        }
                        Uni<Long> total = counting == null ? Uni.createFrom().item((long) rows.first().size())
                                : Uni.createFrom().completionStage(counting).map(count ->
                                        count.dataVersion().equals(rows.version()) || !mayRetry ? count.total() : -1);
                        return total.onFailure().invoke(end).onCancellation().invoke(end).flatMap(all -> {
                            if (all < 0) {
                                // the data changed between the two statements: answer again on a fresh copy
                                end.run();
                                return availability.reload().flatMap(fresh -> answer(request, fresh, false));
                            }
                            return references.at(rows.version()).map(current -> encode(request, all, countStart,
                                    new RecordMapper(references.shipped(), current), rows.all()).holding(end))
                                    .onFailure().invoke(end);
                        });
                    });
        });
    }

    /** The answer when nothing matches, as the encoding writes it. */
    private Answer empty(Request request) {
        OffsetDateTime now = OffsetDateTime.now(zone);
        RowEncoder encoder = request.encoding().create();
        return Answer.of(request.encoding().contentType(), Buffer.buffer(Unpooled.wrappedBuffer(
                encoder.empty(new RowEncoder.Timing(0, request.start(), request.start(), now)))));
    }

    /**
     * An answer whose rows are all read: written at once and sent in one piece with its length; kept in memory
     * when it is small enough, its records as encoded.
     */
    private Answer complete(Request request, List<Row> rows, int total, OffsetDateTime countStart,
                            RecordMapper mapper) {
        counted(request, rows.size());
        RowEncoder encoder = request.encoding().create();
        if (request.encoding().inOrder()) {
            RowEncoder.Timing timing = new RowEncoder.Timing(total, request.start(), countStart,
                    OffsetDateTime.now(zone));
            if (total == 0) {
                return Answer.of(request.encoding().contentType(), Buffer.buffer(encoder.empty(timing)));
            }
            Utf8Builder all = new Utf8Builder(4096 + rows.size() * encoder.rowBytes());
            all.append(encoder.head(timing));
            rows.forEach(row -> encoder.row(all, mapper.map(row)));
            all.append(encoder.tail());
            return Answer.of(request.encoding().contentType(), Buffer.buffer(all.toByteBuf()));
        }
        Utf8Builder records = new Utf8Builder(256 + rows.size() * encoder.rowBytes());
        rows.forEach(row -> encoder.row(records, mapper.map(row)));
        byte[] kept = cache.accepts(request.ticket(), records.length()) ? records.toBytes() : null;
        if (kept != null) {
            cache.put(request.ticket(), request.encoding(), request.query(), kept, rows.size(), total);
        }
        ByteBuf body = kept != null ? Unpooled.wrappedBuffer(kept) : records.toByteBuf();
        return whole(request, encoder, body, total, countStart, OffsetDateTime.now(zone));
    }

    /** A kept answer, with this request's timestamps (its count took no time). */
    private Answer fromMemory(Request request, AnswerCache.Kept kept) {
        counted(request, kept.rows());
        OffsetDateTime now = OffsetDateTime.now(zone);
        return whole(request, request.encoding().create(), Unpooled.wrappedBuffer(kept.records()), kept.total(), now,
                now);
    }

    /** The whole answer around its encoded records: between the head and the tail, or the empty answer. */
    private Answer whole(Request request, RowEncoder encoder, ByteBuf records, long total, OffsetDateTime countStart,
                         OffsetDateTime countEnd) {
        RowEncoder.Timing timing = new RowEncoder.Timing(total, request.start(), countStart, countEnd);
        ByteBuf body = total == 0 ? Unpooled.wrappedBuffer(encoder.empty(timing)) : Unpooled.wrappedBuffer(
                Unpooled.wrappedBuffer(encoder.head(timing)), records, Unpooled.wrappedBuffer(encoder.tail()));
        return Answer.of(request.encoding().contentType(), Buffer.buffer(body));
    }

    private void counted(Request request, int rows) {
        metrics.records(rows);
        request.records().addAndGet(rows);
    }

    /** A large answer: its head, then its rows as the cursor reads them, then its tail. */
    private Answer encode(Request request, long total, OffsetDateTime countStart, RecordMapper mapper,
                          Multi<List<Row>> chunks) {
        RowEncoder encoder = request.encoding().create();
        RowEncoder.Timing timing = new RowEncoder.Timing(total, request.start(), countStart, OffsetDateTime.now(zone));
        return Answer.of(request.encoding().contentType(), Multi.createBy().concatenating().streams(
                Multi.createFrom().item(Buffer.buffer(Unpooled.wrappedBuffer(encoder.head(timing)))),
                chunks.map(rows -> {
                    counted(request, rows.size());
                    Utf8Builder sb = new Utf8Builder(rows.size() * encoder.rowBytes());
                    rows.forEach(row -> encoder.row(sb, mapper.map(row)));
                    return sb.toBuffer();
                }),
                // the tail is written after the last row (an encoder may depend on the order)
                Multi.createFrom().item(() -> Buffer.buffer(Unpooled.wrappedBuffer(encoder.tail())))));
    }
}
