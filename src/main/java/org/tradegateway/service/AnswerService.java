package org.tradegateway.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
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
import org.tradegateway.query.OutputFormat;
import org.tradegateway.query.TradeQuery;
import org.tradegateway.refs.ReferenceData;

/**
 * Prepares an /api/get answer. It plans the slices on the cached availability, then reads the first rows and
 * the data version in one statement: most answers are complete at that point. A larger answer is counted and
 * then streamed through a cursor; validation and counting always happen before the first byte.
 */
@ApplicationScoped
public class AnswerService {
    /** Answers up to this many rows are read in one statement, without a separate count or a cursor. */
    static final int PROBE_ROWS = 1000;
    private static final int ROWS_PER_CHUNK = 256;
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

    public Uni<Answer> prepare(TradeQuery query) {
        return prepare(query, new java.util.concurrent.atomic.AtomicLong());
    }

    /** Prepares the answer; {@code records} counts the records as they stream. */
    public Uni<Answer> prepare(TradeQuery query, java.util.concurrent.atomic.AtomicLong records) {
        OffsetDateTime requestStart = OffsetDateTime.now(zone);
        long start = System.nanoTime();
        return availability.current().flatMap(snapshot -> answer(query, snapshot, requestStart, true, records))
                .invoke(answer -> {
                    metrics.prepared(java.time.Duration.ofNanos(System.nanoTime() - start));
                    metrics.answered("/api/get", org.tradegateway.query.ValidationStatus.OK);
                });
    }

    private Uni<Answer> answer(TradeQuery query, AvailabilityCache.Snapshot snapshot, OffsetDateTime requestStart,
                               boolean mayRetry, java.util.concurrent.atomic.AtomicLong records) {
        List<Slice> slices = SlicePlanner.plan(TradeRepository.available(snapshot, query), query.periods());
        if (slices.isEmpty()) {
            // nothing loaded for it in this snapshot: make sure the snapshot is current before saying so
            return availability.version().flatMap(version -> version.equals(snapshot.version()) || !mayRetry
                    ? Uni.createFrom().item(empty(query, requestStart, records))
                    : availability.reload().flatMap(fresh -> answer(query, fresh, requestStart, false, records)));
        }
        FactQuery factQuery = FactQuery.of(query, slices);
        int probe = Math.min(query.max(), PROBE_ROWS);
        OffsetDateTime countStart = OffsetDateTime.now(zone);
        return repository.probe(factQuery, probe + 1).flatMap(first -> {
            if (!first.dataVersion().equals(snapshot.version()) && mayRetry) {
                return availability.reload().flatMap(fresh -> answer(query, fresh, requestStart, false, records));
            }
            return labels.at(first.dataVersion()).flatMap(current -> {
                RecordMapper mapper = new RecordMapper(ReferenceData.get(), current);
                List<Row> rows = first.rows();
                if (rows.size() <= probe) {
                    return Uni.createFrom().item(encode(query, rows.size(), countStart, OffsetDateTime.now(zone),
                            requestStart, mapper, Multi.createFrom().item(rows), records));
                }
                // counted and perhaps streamed: this holds a place among the heavy answers until it ends
                return heavy.acquire().flatMap(place -> repository.count(factQuery).map(total -> {
                    Multi<List<Row>> chunks = query.max() <= probe
                            ? Multi.createFrom().item(rows.subList(0, query.max()))
                            : repository.rows(factQuery, query.max()).group().intoLists().of(ROWS_PER_CHUNK);
                    Answer answer = encode(query, total, countStart, OffsetDateTime.now(zone), requestStart, mapper,
                            chunks, records);
                    return answer.holding(place);
                }).onFailure().invoke(place::release).onCancellation().invoke(place::release));
            });
        });
    }

    private Answer empty(TradeQuery query, OffsetDateTime requestStart, java.util.concurrent.atomic.AtomicLong records) {
        OffsetDateTime now = OffsetDateTime.now(zone);
        return encode(query, 0, requestStart, now, requestStart, null, Multi.createFrom().empty(), records);
    }

    private Answer encode(TradeQuery query, long total, OffsetDateTime countStart, OffsetDateTime countEnd,
                          OffsetDateTime requestStart, RecordMapper mapper, Multi<List<Row>> chunks,
                          java.util.concurrent.atomic.AtomicLong records) {
        if (query.format() == OutputFormat.CSV) {
            CsvAnswerWriter csv = new CsvAnswerWriter(query.heading(), query.imtsOriginal());
            if (total == 0) {
                return Answer.of(OutputFormat.CSV, csv.noData());
            }
            return Answer.of(OutputFormat.CSV, Multi.createBy().concatenating().streams(
                    Multi.createFrom().item(Buffer.buffer(csv.header())),
                    chunks.map(rows -> {
                        metrics.records(rows.size());
                        records.addAndGet(rows.size());
                        StringBuilder sb = new StringBuilder(rows.size() * 300);
                        rows.forEach(row -> csv.row(sb, mapper.map(row)));
                        return Buffer.buffer(sb.toString());
                    })));
        }
        JsonAnswerWriter json = new JsonAnswerWriter();
        return Answer.of(OutputFormat.JSON, Multi.createBy().concatenating().streams(
                Multi.createFrom().item(Buffer.buffer(json.head(total, countStart, countEnd, requestStart))),
                chunks.map(rows -> {
                    metrics.records(rows.size());
                    records.addAndGet(rows.size());
                    StringBuilder sb = new StringBuilder(rows.size() * 700);
                    rows.forEach(row -> json.row(sb, mapper.map(row)));
                    return Buffer.buffer(sb.toString());
                }),
                Multi.createFrom().item(Buffer.buffer(json.tail()))));
    }
}
