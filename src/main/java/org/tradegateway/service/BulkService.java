package org.tradegateway.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.tradegateway.data.AvailabilityCache;
import org.tradegateway.data.FactQuery;
import org.tradegateway.data.LabelDirectory;
import org.tradegateway.data.RecordMapper;
import org.tradegateway.data.Slice;
import org.tradegateway.data.SlicePlanner;
import org.tradegateway.data.TradeRepository;
import org.tradegateway.output.BulkFiles;
import org.tradegateway.output.CsvAnswerWriter;
import org.tradegateway.output.Utf8Builder;
import org.tradegateway.query.CommoditySelection;
import org.tradegateway.query.Heading;
import org.tradegateway.query.OutputFormat;
import org.tradegateway.query.PeriodSelection;
import org.tradegateway.query.Selection;
import org.tradegateway.query.TradeQuery;
import org.tradegateway.refs.Classification;
import org.tradegateway.refs.ReferenceData;

/**
 * Bulk files: every record of one (type, frequency, period, reporter or all, classification) as a ZIP holding one
 * UTF-8 CSV with a byte-order mark in the legacy bulk layout, compressed chunk by chunk while the rows stream from
 * the cursor, so that neither memory nor disk holds the whole file.
 */
@ApplicationScoped
public class BulkService {
    private final TradeRepository repository;
    private final AvailabilityCache availability;
    private final LabelDirectory labels;

    public BulkService(TradeRepository repository, AvailabilityCache availability, LabelDirectory labels) {
        this.repository = repository;
        this.availability = availability;
        this.labels = labels;
    }

    /** A bulk file ready to stream: its name and its bytes. */
    public record BulkFile(String name, Multi<Buffer> zip) {
    }

    /** The file, or empty when nothing is loaded for it. */
    public Uni<Optional<BulkFile>> file(char type, char freq, int period, Integer reporter, Classification px) {
        List<Integer> periods = freq == 'M' && period <= 9999
                ? java.util.stream.IntStream.rangeClosed(1, 12).map(m -> period * 100 + m).boxed().toList()
                : List.of(period);
        TradeQuery query = new TradeQuery(type, freq, px,
                reporter == null ? Selection.everything() : Selection.of(List.of(reporter)), Selection.everything(),
                new PeriodSelection(PeriodSelection.Kind.LIST, periods), Selection.everything(),
                new CommoditySelection(true, List.of(), List.of(), List.of()), OutputFormat.CSV, Integer.MAX_VALUE,
                Heading.H, true);
        return availability.reload().flatMap(snapshot -> {
            List<Slice> slices = SlicePlanner.plan(TradeRepository.available(snapshot, query), query.periods());
            if (slices.isEmpty()) {
                return Uni.createFrom().item(Optional.<BulkFile>empty());
            }
            return labels.at(snapshot.version()).map(current -> {
                String name = BulkFiles.name(type, reporter == null ? "all" : reporter.toString(), period, freq,
                        px.name(), LocalDate.now(), LocalDate.now());
                RecordMapper mapper = new RecordMapper(ReferenceData.get(), current);
                Multi<List<Row>> chunks = repository.rows(FactQuery.of(query, slices), Integer.MAX_VALUE);
                return Optional.of(new BulkFile(name, zip(name, type == 'S', mapper, chunks)));
            });
        });
    }

    private static Multi<Buffer> zip(String name, boolean services, RecordMapper mapper, Multi<List<Row>> chunks) {
        CsvAnswerWriter csv = CsvAnswerWriter.bulk(services);
        ByteArrayOutputStream sink = new ByteArrayOutputStream(1 << 16);
        ZipOutputStream zip = new ZipOutputStream(sink, StandardCharsets.UTF_8);
        return Multi.createBy().concatenating().streams(
                Multi.createFrom().item(() -> write(zip, sink, z -> {
                    z.putNextEntry(new ZipEntry(name));
                    z.write("\uFEFF".getBytes(StandardCharsets.UTF_8));
                    z.write(csv.header().getBytes(StandardCharsets.UTF_8));
                })),
                chunks.map(rows -> write(zip, sink, z -> {
                    Utf8Builder sb = new Utf8Builder(rows.size() * 200);
                    rows.forEach(row -> csv.row(sb, mapper.map(row)));
                    sb.writeTo(z);
                })),
                Multi.createFrom().item(() -> write(zip, sink, z -> {
                    z.closeEntry();
                    z.finish();
                })));
    }

    private interface ZipStep {
        void apply(ZipOutputStream zip) throws IOException;
    }

    /** Runs one step and hands on whatever compressed bytes it produced. */
    private static Buffer write(ZipOutputStream zip, ByteArrayOutputStream sink, ZipStep step) {
        try {
            step.apply(zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Buffer out = Buffer.buffer(sink.toByteArray());
        sink.reset();
        return out;
    }
}
