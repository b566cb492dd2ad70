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
import org.tradegateway.data.LabelDirectory;
import org.tradegateway.data.FactQuery;
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
 * Prepares an /api/get answer: plans the slices, counts the matching records (all before the first byte), then
 * hands back a stream that reads rows through a cursor and encodes them in chunks.
 */
@ApplicationScoped
public class AnswerService {
    private static final int ROWS_PER_CHUNK = 256;
    private final TradeRepository repository;
    private final LabelDirectory labels;
    private final ZoneId zone;

    public AnswerService(TradeRepository repository, LabelDirectory labels, ApiConfig config) {
        this.repository = repository;
        this.labels = labels;
        this.zone = ZoneId.of(config.timezone());
    }

    public Uni<Answer> prepare(TradeQuery query) {
        OffsetDateTime requestStart = OffsetDateTime.now(zone);
        return repository.available(query).flatMap(available -> {
            List<Slice> slices = SlicePlanner.plan(available, query.periods());
            if (slices.isEmpty()) {
                OffsetDateTime now = OffsetDateTime.now(zone);
                return Uni.createFrom().item(encode(query, null, 0, requestStart, now, requestStart, null));
            }
            FactQuery factQuery = FactQuery.of(query, slices);
            OffsetDateTime countStart = OffsetDateTime.now(zone);
            return repository.count(factQuery).flatMap(count -> labels.at(count.dataVersion()).map(current ->
                    encode(query, factQuery, count.total(), countStart, OffsetDateTime.now(zone), requestStart,
                            new RecordMapper(ReferenceData.get(), current))));
        });
    }

    private Answer encode(TradeQuery query, FactQuery factQuery, long total, OffsetDateTime countStart,
                          OffsetDateTime countEnd, OffsetDateTime requestStart, RecordMapper mapper) {
        Multi<List<Row>> chunks = total == 0 ? Multi.createFrom().empty()
                : repository.rows(factQuery, query.max()).group().intoLists().of(ROWS_PER_CHUNK);
        if (query.format() == OutputFormat.CSV) {
            CsvAnswerWriter csv = new CsvAnswerWriter(query.heading(), query.imtsOriginal());
            if (total == 0) {
                return Answer.of(OutputFormat.CSV, csv.noData());
            }
            return new Answer(OutputFormat.CSV.contentType(), Multi.createBy().concatenating().streams(
                    Multi.createFrom().item(Buffer.buffer(csv.header())),
                    chunks.map(rows -> {
                        StringBuilder sb = new StringBuilder(rows.size() * 300);
                        rows.forEach(row -> csv.row(sb, mapper.map(row)));
                        return Buffer.buffer(sb.toString());
                    })));
        }
        JsonAnswerWriter json = new JsonAnswerWriter();
        return new Answer(OutputFormat.JSON.contentType(), Multi.createBy().concatenating().streams(
                Multi.createFrom().item(Buffer.buffer(json.head(total, countStart, countEnd, requestStart))),
                chunks.map(rows -> {
                    StringBuilder sb = new StringBuilder(rows.size() * 700);
                    rows.forEach(row -> json.row(sb, mapper.map(row)));
                    return Buffer.buffer(sb.toString());
                }),
                Multi.createFrom().item(Buffer.buffer(json.tail()))));
    }
}
