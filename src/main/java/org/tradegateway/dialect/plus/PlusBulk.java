package org.tradegateway.dialect.plus;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.tradegateway.core.CommoditySelection;
import org.tradegateway.core.FactRecord;
import org.tradegateway.core.Frequency;
import org.tradegateway.core.Period;
import org.tradegateway.core.PeriodSelection;
import org.tradegateway.core.Selection;
import org.tradegateway.core.TradeQuery;
import org.tradegateway.core.TradeType;
import org.tradegateway.data.AvailabilityCache;
import org.tradegateway.data.AvailabilityRepository;
import org.tradegateway.data.AvailabilityRepository.Availability;
import org.tradegateway.data.FactQuery;
import org.tradegateway.data.RecordMapper;
import org.tradegateway.data.ReferenceDirectory;
import org.tradegateway.data.TradeRepository;
import org.tradegateway.ingest.FileDigest;
import org.tradegateway.output.Utf8Builder;
import org.tradegateway.refs.Classification;
import org.tradegateway.service.QueryPlanner;

/**
 * Comtrade+ bulk files: one per loaded (type, frequency, classification, reporter, period), every record of it as
 * a gzip-compressed tab-separated file with upstream's 34 bulk columns, compressed chunk by chunk while the rows
 * stream from the cursor. A file is named by its {@code rowKey}: a digest of what it holds and of when that was
 * imported, so a re-import gives the file a new key.
 */
@ApplicationScoped
public class PlusBulk {
    /** The bulk columns, upstream's order; all but the first are fields of the data record too. */
    static final List<String> COLUMNS = List.of("datasetCode", "typeCode", "freqCode", "refPeriodId", "refYear",
            "refMonth", "period", "reporterCode", "flowCode", "partnerCode", "partner2Code",
            "classificationSearchCode", "classificationCode", "isOriginalClassification", "cmdCode", "customsCode",
            "mosCode", "motCode", "qtyUnitCode", "qty", "isQtyEstimated", "altQtyUnitCode", "altQty",
            "isAltQtyEstimated", "netWgt", "isNetWgtEstimated", "grossWgt", "isGrossWgtEstimated", "cifvalue",
            "fobvalue", "primaryValue", "legacyEstimationFlag", "isReported", "isAggregate");
    private static final int[] FIELD = new int[COLUMNS.size()];

    static {
        for (int i = 1; i < COLUMNS.size(); i++) {
            FIELD[i] = PlusFields.NAMES.indexOf(COLUMNS.get(i));
            if (FIELD[i] < 0) {
                throw new IllegalStateException("no data field " + COLUMNS.get(i));
            }
        }
    }

    private final AvailabilityRepository listing;
    private final AvailabilityCache availability;
    private final TradeRepository repository;
    private final ReferenceDirectory references;

    public PlusBulk(AvailabilityRepository listing, AvailabilityCache availability, TradeRepository repository,
                    ReferenceDirectory references) {
        this.listing = listing;
        this.availability = availability;
        this.repository = repository;
        this.references = references;
    }

    /** The files of one type, frequency and classification (each revision it stands for), in key order. */
    Uni<List<Availability>> files(TradeType type, Frequency freq, Classification px) {
        return listing.find(new AvailabilityRepository.Filter(type.code(), freq.code(),
                org.tradegateway.data.SlicePlanner.revisions(px), null, null));
    }

    /** The file a download names, if it is still loaded as it was listed. */
    Uni<Optional<Availability>> file(int reporter, String rowKey) {
        return listing.find(new AvailabilityRepository.Filter(null, null, null, reporter, null))
                .map(rows -> rows.stream().filter(a -> rowKey(a).equals(rowKey)).findFirst());
    }

    static String rowKey(Availability a) {
        return FileDigest.sha256(a.type() + "/" + a.freq() + "/" + a.px() + "/" + a.reporter() + "/" + a.period()
                + "/" + a.records() + "/" + a.imported());
    }

    /** The name upstream gives the file: C/A/32/C_A_32_196201_S1_O.txt.gz (O: in its original classification). */
    static String fileName(Availability a) {
        int refPeriod = Period.isMonth(a.period()) ? a.period() : a.period() * 100 + 1;
        String r = String.format(Locale.ROOT, "%03d", a.reporter());
        return a.type() + "/" + a.freq() + "/" + r + "/" + a.type() + "_" + a.freq() + "_" + r + "_" + refPeriod
                + "_" + a.px() + "_O.txt.gz";
    }

    /** The file's bytes, read only once they are pulled; empty when its data is no longer planned. */
    Uni<Optional<Multi<Buffer>>> gzip(Availability a) {
        Classification px = Classification.parse(a.px()).orElseThrow();
        TradeQuery query = new TradeQuery(TradeType.ofCode(a.type()), Frequency.ofCode(a.freq()), px,
                Selection.of(List.of(a.reporter())), Selection.everything(),
                new PeriodSelection(PeriodSelection.Kind.LIST, List.of(a.period())), Selection.everything(),
                new CommoditySelection(true, List.of(), List.of(), List.of()), Integer.MAX_VALUE);
        PlusEncoding encoding = new PlusEncoding(true, false, false, a.type(), a.freq(), a.px());
        String datasetCode = Long.toString(PlusAvailabilityResource.datasetCode(a.type(), a.freq(), a.px(),
                a.reporter(), a.period()));
        return availability.reload().flatMap(snapshot -> {
            Optional<FactQuery> plan = QueryPlanner.plan(snapshot, query);
            if (plan.isEmpty()) {
                return Uni.createFrom().item(Optional.<Multi<Buffer>>empty());
            }
            return references.at(snapshot.version()).map(current -> {
                RecordMapper mapper = new RecordMapper(references.shipped(), current);
                Multi<List<Row>> chunks = repository.rows(plan.get(), Integer.MAX_VALUE);
                return Optional.of(compressed(chunks.map(rows -> {
                    Utf8Builder sb = new Utf8Builder(rows.size() * 160);
                    rows.forEach(row -> line(sb, datasetCode, encoding, mapper.map(row)));
                    return sb.toBytes();
                })));
            });
        });
    }

    /** One tab-separated line: nulls empty, booleans 1 and 0 as in upstream's bulk files. */
    private static void line(Utf8Builder sb, String datasetCode, PlusEncoding encoding, FactRecord r) {
        Object[] values = PlusFields.values(encoding, PlusNames.SHIPPED, r);
        sb.append(datasetCode);
        for (int i = 1; i < FIELD.length; i++) {
            sb.append('\t');
            Object v = values[FIELD[i]];
            if (v instanceof Boolean b) {
                sb.append(b ? '1' : '0');
            } else if (v instanceof Double d) {
                org.tradegateway.output.Numbers.append(sb, d);
            } else if (v != null) {
                sb.append(v.toString());
            }
        }
        sb.append('\n');
    }

    private static Multi<Buffer> compressed(Multi<byte[]> lines) {
        return Multi.createFrom().deferred(() -> {
            ByteArrayOutputStream sink = new ByteArrayOutputStream(1 << 16);
            GZIPOutputStream gzip = gzip(sink);
            byte[] header = (String.join("\t", COLUMNS) + "\n").getBytes(StandardCharsets.UTF_8);
            return Multi.createBy().concatenating().streams(
                    Multi.createFrom().item(() -> step(sink, () -> gzip.write(header))),
                    lines.map(bytes -> step(sink, () -> gzip.write(bytes))),
                    Multi.createFrom().item(() -> step(sink, gzip::finish)));
        });
    }

    private static GZIPOutputStream gzip(ByteArrayOutputStream sink) {
        try {
            return new GZIPOutputStream(sink, 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Step {
        void run() throws IOException;
    }

    /** Runs one step and hands on the compressed bytes it produced so far. */
    private static Buffer step(ByteArrayOutputStream sink, Step step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Buffer out = Buffer.buffer(sink.toByteArray());
        sink.reset();
        return out;
    }

    /** All the files' records, for the listing. */
    static List<Availability> matching(List<Availability> rows, java.util.Set<Integer> reporters,
                                       java.util.Set<Integer> periods) {
        List<Availability> out = new ArrayList<>();
        for (Availability a : rows) {
            if ((reporters == null || reporters.contains(a.reporter()))
                    && (periods == null || periods.contains(a.period()))) {
                out.add(a);
            }
        }
        return out;
    }
}
