package org.tradegateway.dialect.legacy;

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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.tradegateway.core.CommoditySelection;
import org.tradegateway.core.Frequency;
import org.tradegateway.core.Period;
import org.tradegateway.core.PeriodSelection;
import org.tradegateway.core.Selection;
import org.tradegateway.core.TradeQuery;
import org.tradegateway.core.TradeType;
import org.tradegateway.data.AvailabilityCache;
import org.tradegateway.data.AvailabilityRepository.Availability;
import org.tradegateway.data.AvailabilityRepository;
import org.tradegateway.data.BulkSizeRepository.FileKey;
import org.tradegateway.data.FactQuery;
import org.tradegateway.data.RecordMapper;
import org.tradegateway.data.ReferenceDirectory;
import org.tradegateway.data.Slice;
import org.tradegateway.data.SlicePlanner;
import org.tradegateway.data.TradeRepository;
import org.tradegateway.output.Utf8Builder;
import org.tradegateway.refs.Classification;
import org.tradegateway.service.QueryPlanner;

/**
 * Bulk files: every record of one (type, frequency, period, reporter or all, classification) as a ZIP holding one
 * UTF-8 CSV with a byte-order mark in the legacy bulk layout, compressed chunk by chunk while the rows stream from
 * the cursor, so that neither memory nor disk holds the whole file. The same data gives the same bytes (rows in
 * key order, the entry dated by the import, one compression level), which is what lets a size measured once
 * stand for every later download ({@link BulkSizes}).
 */
@ApplicationScoped
public class BulkService {
    /** Names the writer and the runtime that compresses; part of every size's fingerprint. */
    public static final String FORMAT = "bulk-zip-1/" + Runtime.version() + "/" + System.getProperty("java.vm.name");
    private final TradeRepository repository;
    private final AvailabilityCache availability;
    private final AvailabilityRepository listing;
    private final ReferenceDirectory references;

    public BulkService(TradeRepository repository, AvailabilityCache availability, AvailabilityRepository listing,
                       ReferenceDirectory references) {
        this.repository = repository;
        this.availability = availability;
        this.listing = listing;
        this.references = references;
    }

    /** A bulk file ready to stream: what it holds, its names and its bytes (read only once they are pulled). */
    public record BulkFile(FileKey key, String zipName, String csvName, Multi<Buffer> zip) {
    }

    /** The file, or empty when nothing is loaded for it. */
    public Uni<Optional<BulkFile>> file(char type, char freq, int period, Integer reporter, Classification px) {
        List<Integer> periods = freq == 'M' && !Period.isMonth(period)
                ? java.util.stream.IntStream.rangeClosed(1, 12).map(m -> Period.ofMonth(period, m)).boxed().toList()
                : List.of(period);
        TradeQuery query = new TradeQuery(TradeType.ofCode(type), Frequency.ofCode(freq), px,
                reporter == null ? Selection.everything() : Selection.of(List.of(reporter)), Selection.everything(),
                new PeriodSelection(PeriodSelection.Kind.LIST, periods), Selection.everything(),
                new CommoditySelection(true, List.of(), List.of(), List.of()), Integer.MAX_VALUE);
        AvailabilityRepository.Filter filter = new AvailabilityRepository.Filter(type, freq,
                SlicePlanner.revisions(px), reporter, periods.size() == 1 ? period : null);
        return availability.reload().flatMap(snapshot -> {
            Optional<FactQuery> plan = QueryPlanner.plan(snapshot, query);
            if (plan.isEmpty()) {
                return Uni.createFrom().item(Optional.<BulkFile>empty());
            }
            return listing.find(filter).flatMap(rows -> references.at(snapshot.version()).map(current -> {
                List<Availability> held = rows.stream().filter(a -> periods.contains(a.period())).toList();
                LocalDate published = held.stream().map(Availability::published).max(Comparator.naturalOrder())
                        .orElse(LocalDate.EPOCH);
                LocalDate extracted = held.stream().map(Availability::imported).max(Comparator.naturalOrder())
                        .orElse(published);
                String r = reporter == null ? "all" : reporter.toString();
                FileKey key = new FileKey(type, freq, px.name(),
                        reporter == null ? org.tradegateway.data.BulkSizeRepository.ALL_REPORTERS : reporter, period);
                String csvName = BulkFiles.csvName(type, r, period, freq, px.name(), published, extracted);
                RecordMapper mapper = new RecordMapper(references.shipped(), current);
                Multi<List<Row>> chunks = repository.rows(plan.get(), Integer.MAX_VALUE);
                return Optional.of(new BulkFile(key, BulkFiles.zipName(type, r, period, freq, px.name(), published,
                        extracted), csvName, zip(csvName, extracted, type == 'S', mapper, chunks)));
            }));
        });
    }

    /** The number of bytes the file's download sends, found by building it once without keeping its bytes. */
    public static Uni<Long> measure(BulkFile file) {
        return file.zip().collect().in(() -> new long[1], (total, chunk) -> total[0] += chunk.length())
                .map(total -> total[0]);
    }

    private static Multi<Buffer> zip(String name, LocalDate dated, boolean services, RecordMapper mapper,
                                     Multi<List<Row>> chunks) {
        CsvAnswerWriter csv = CsvAnswerWriter.bulk(services);
        return Multi.createFrom().deferred(() -> {
            ByteArrayOutputStream sink = new ByteArrayOutputStream(1 << 16);
            ZipOutputStream zip = new ZipOutputStream(sink, StandardCharsets.UTF_8);
            return Multi.createBy().concatenating().streams(
                    Multi.createFrom().item(() -> write(zip, sink, z -> {
                        ZipEntry entry = new ZipEntry(name);
                        entry.setTimeLocal(dated.atStartOfDay()); // the same bytes for the same data
                        z.putNextEntry(entry);
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
        });
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
