package org.tradegateway.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.tradegateway.config.ApiConfig;
import org.tradegateway.data.AvailabilityCache;
import org.tradegateway.data.FactQuery;
import org.tradegateway.data.LabelDirectory;
import org.tradegateway.data.RecordMapper;
import org.tradegateway.data.Slice;
import org.tradegateway.data.SlicePlanner;
import org.tradegateway.data.TradeRepository;
import org.tradegateway.output.CsvAnswerWriter;
import org.tradegateway.output.JsonAnswerWriter;
import org.tradegateway.output.Utf8Builder;
import org.tradegateway.query.OutputFormat;
import org.tradegateway.query.TradeQuery;
import org.tradegateway.refs.ReferenceData;

/**
 * Prepares an /api/get answer. It plans the slices on the cached availability, then reads the first rows and
 * the data version in one statement: most answers are complete at that point. A larger answer is one statement
 * read through a cursor, its total counted in the same pass; validation and counting always happen before the
 * first byte.
 */
@ApplicationScoped
public class AnswerService {
    /** Answers up to this many rows are read in one statement, without a separate count or a cursor. */
    static final int PROBE_ROWS = 1000;
    private final TradeRepository repository;
    private final AvailabilityCache availability;
    private final LabelDirectory labels;
    private final ZoneId zone;
    private final AnswerMetrics metrics;
    private final HeavyAnswers heavy;

    public AnswerService(TradeRepository repository, AvailabilityCache availability, LabelDirectory labels,
                         ApiConfig config, AnswerMetrics metrics, HeavyAnswers heavy) {
        this.heavy = heavy;
        this.repository = repository;
        this.availability = availability;
        this.labels = labels;
        this.zone = ZoneId.of(config.timezone());
        this.metrics = metrics;
    }

    /** Prepares the answer; {@code records} counts the records as they stream. */
    public Uni<Answer> prepare(TradeQuery query, AtomicLong records) {
        OffsetDateTime requestStart = OffsetDateTime.now(zone);
        long start = System.nanoTime();
        return availability.current().flatMap(snapshot -> answer(query, snapshot, requestStart, true, records))
                .invoke(answer -> {
                    metrics.prepared(java.time.Duration.ofNanos(System.nanoTime() - start));
                    metrics.answered("/api/get", org.tradegateway.query.ValidationStatus.OK);
                });
    }

    private Uni<Answer> answer(TradeQuery query, AvailabilityCache.Snapshot snapshot, OffsetDateTime requestStart,
                               boolean mayRetry, AtomicLong records) {
        List<Slice> slices = SlicePlanner.plan(TradeRepository.available(snapshot, query), query.periods());
        if (slices.isEmpty()) {
            // nothing loaded for it in this snapshot: make sure the snapshot is current before saying so
            return availability.version().flatMap(version -> version.equals(snapshot.version()) || !mayRetry
                    ? Uni.createFrom().item(empty(query, requestStart))
                    : availability.reload().flatMap(fresh -> answer(query, fresh, requestStart, false, records)));
        }
        FactQuery factQuery = FactQuery.of(query, slices);
        if (likelyLarge(query)) {
            return streamed(query, factQuery, snapshot, requestStart, mayRetry, records);
        }
        int probe = Math.min(query.max(), PROBE_ROWS);
        OffsetDateTime countStart = OffsetDateTime.now(zone);
        return repository.probe(factQuery, probe + 1).flatMap(first -> {
            if (!first.dataVersion().equals(snapshot.version()) && mayRetry) {
                return availability.reload().flatMap(fresh -> answer(query, fresh, requestStart, false, records));
            }
            if (first.rows().size() > probe) {
                return streamed(query, factQuery, snapshot, requestStart, mayRetry, records);
            }
            return labels.at(first.dataVersion()).map(current -> complete(query, first.rows(), countStart,
                    OffsetDateTime.now(zone), requestStart, new RecordMapper(ReferenceData.get(), current), records));
        });
    }

    /**
     * Whether an answer will most likely be large (every reporter or every partner, below the total), so that it
     * goes straight to a cursor instead of first reading its first rows in a statement of their own.
     */
    static boolean likelyLarge(TradeQuery query) {
        boolean totalOnly = !query.commodities().all() && query.commodities().allLevels().equals(List.of(0));
        return query.max() > PROBE_ROWS && !totalOnly && (query.reporters().all() || query.partners().all());
    }

    /**
     * A large answer: one statement through a cursor reads the rows with the data version and, for JSON, the
     * total count; its first rows are read before the first byte, the rest as the client takes them. The answer
     * holds a place among the heavy answers, and its connection, until it ends however it ends.
     */
    private Uni<Answer> streamed(TradeQuery query, FactQuery factQuery, AvailabilityCache.Snapshot snapshot,
                                 OffsetDateTime requestStart, boolean mayRetry,
                                 AtomicLong records) {
        boolean withTotal = query.format() == OutputFormat.JSON;
        return heavy.acquire().flatMap(place -> {
            OffsetDateTime countStart = OffsetDateTime.now(zone);
            return repository.open(factQuery, query.max(), withTotal)
                    .onFailure().invoke(place::release).onCancellation().invoke(place::release)
                    .flatMap(rows -> {
                        Runnable end = () -> {
                            rows.close();
                            place.release();
                        };
                        if (rows.first().isEmpty() || !rows.version().equals(snapshot.version())) {
                            // nothing matched, or an import or a drop came in between: plan again on a fresh copy
                            end.run();
                            return !mayRetry ? Uni.createFrom().item(empty(query, requestStart))
                                    : availability.reload().flatMap(fresh -> answer(query, fresh, requestStart, false,
                                            records));
                        }
                        return labels.at(rows.version()).map(current -> encode(query, rows.total(), countStart,
                                OffsetDateTime.now(zone), requestStart, new RecordMapper(ReferenceData.get(), current),
                                rows.all(), records).holding(end)).onFailure().invoke(end);
                    });
        });
    }

    /** The answer when nothing matches: the header and the no-data row, or an empty dataset with a zero count. */
    private Answer empty(TradeQuery query, OffsetDateTime requestStart) {
        if (query.format() == OutputFormat.CSV) {
            return Answer.of(OutputFormat.CSV, new CsvAnswerWriter(query.heading(), query.imtsOriginal()).noData());
        }
        JsonAnswerWriter json = new JsonAnswerWriter();
        OffsetDateTime now = OffsetDateTime.now(zone);
        return Answer.of(OutputFormat.JSON, json.head(0, requestStart, now, requestStart) + json.tail());
    }

    /** An answer whose rows are all read: written at once, sent in one piece with its length. */
    private Answer complete(TradeQuery query, List<Row> rows, OffsetDateTime countStart, OffsetDateTime countEnd,
                            OffsetDateTime requestStart, RecordMapper mapper,
                            AtomicLong records) {
        metrics.records(rows.size());
        records.addAndGet(rows.size());
        Utf8Builder sb = new Utf8Builder(1024 + rows.size() * 700);
        if (query.format() == OutputFormat.CSV) {
            CsvAnswerWriter csv = new CsvAnswerWriter(query.heading(), query.imtsOriginal());
            if (rows.isEmpty()) {
                return Answer.of(OutputFormat.CSV, csv.noData());
            }
            sb.append(csv.header());
            rows.forEach(row -> csv.row(sb, mapper.map(row)));
        } else {
            JsonAnswerWriter json = new JsonAnswerWriter();
            sb.append(json.head(rows.size(), countStart, countEnd, requestStart));
            rows.forEach(row -> json.row(sb, mapper.map(row)));
            sb.append(json.tail());
        }
        return Answer.of(query.format(), sb.toBuffer());
    }

    /** A large answer: its head, then its rows as the cursor reads them, then its tail. */
    private Answer encode(TradeQuery query, long total, OffsetDateTime countStart, OffsetDateTime countEnd,
                          OffsetDateTime requestStart, RecordMapper mapper, Multi<List<Row>> chunks,
                          AtomicLong records) {
        if (query.format() == OutputFormat.CSV) {
            CsvAnswerWriter csv = new CsvAnswerWriter(query.heading(), query.imtsOriginal());
            return Answer.of(OutputFormat.CSV, Multi.createBy().concatenating().streams(
                    Multi.createFrom().item(Buffer.buffer(csv.header())),
                    chunks.map(rows -> {
                        metrics.records(rows.size());
                        records.addAndGet(rows.size());
                        Utf8Builder sb = new Utf8Builder(rows.size() * 300);
                        rows.forEach(row -> csv.row(sb, mapper.map(row)));
                        return sb.toBuffer();
                    })));
        }
        JsonAnswerWriter json = new JsonAnswerWriter();
        return Answer.of(OutputFormat.JSON, Multi.createBy().concatenating().streams(
                Multi.createFrom().item(Buffer.buffer(json.head(total, countStart, countEnd, requestStart))),
                chunks.map(rows -> {
                    metrics.records(rows.size());
                    records.addAndGet(rows.size());
                    Utf8Builder sb = new Utf8Builder(rows.size() * 700);
                    rows.forEach(row -> json.row(sb, mapper.map(row)));
                    return sb.toBuffer();
                }),
                Multi.createFrom().item(Buffer.buffer(json.tail()))));
    }
}
