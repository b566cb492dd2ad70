package org.tradegateway.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.tradegateway.core.Flow;
import org.tradegateway.core.Period;
import org.tradegateway.refs.Classification;
import org.tradegateway.refs.Commodity;
import org.tradegateway.refs.ReferenceData;

/**
 * Comtrade+ bulk "final" CSV ({@code dataset_code,type_code,freq_code,...,primary_value,...}; snake_case or
 * camelCase headers, plain or gzipped). Flows M, X, RM, RX become legacy regimes 1, 2, 4, 3; other flows (DX,
 * FM, processing) have no legacy code and are skipped. Totals of customs (C00), transport (0) and second partner
 * (0) become the legacy empty values.
 */
public final class ComtradePlusSource extends FileSource {
    private final ReferenceData refs = ReferenceData.get();
    private long skippedFlows;

    public ComtradePlusSource(Path file) {
        super(file);
    }

    public long skippedFlows() {
        return skippedFlows;
    }

    @Override
    public DatasetInfo dataset() {
        return new DatasetInfo("comtrade-plus-bulk", file.getFileName().toString(), "", "UN Comtrade", false, null);
    }

    @Override
    public Shape shape() {
        return Shape.RECORDS;
    }

    @Override
    public void writeTo(StageWriter writer) throws IOException {
        String name = file.getFileName().toString();
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = name.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            char delimiter = name.toLowerCase(Locale.ROOT).contains(".txt") ? '\t' : ',';
            CsvReader csv = new CsvReader(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16),
                    delimiter);
            String[] header = csv.next(name);
            if (header == null) {
                throw new MalformedInputException(name + ":1: the file is empty");
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                columns.put(LegacyField.normalize(header[i]), i);
            }
            for (String required : new String[] {"period", "reportercode", "flowcode", "partnercode", "cmdcode",
                    "classificationcode", "primaryvalue"}) {
                if (!columns.containsKey(required)) {
                    throw new MalformedInputException(name + ":1: wrong header: no column " + required
                            + " (found " + MalformedInputException.quote(String.join(",", header)) + ")");
                }
            }
            FactRow row = new FactRow();
            String[] fields;
            while ((fields = csv.next(name)) != null) {
                try {
                    if (fields.length != header.length) {
                        throw new MalformedInputException("expected " + header.length + " fields, found "
                                + fields.length);
                    }
                    if (map(fields, columns, row)) {
                        writer.record(row);
                    }
                } catch (MalformedInputException e) {
                    throw new MalformedInputException(name + ":" + csv.recordLine() + ": " + e.getMessage());
                }
            }
        }
    }

    private boolean map(String[] f, Map<String, Integer> c, FactRow row) {
        row.clear();
        Flow flow = Flow.ofPlusCode(get(f, c, "flowcode")).orElse(null);
        if (flow == null) {
            skippedFlows++;
            return false;
        }
        row.flow = flow.code();
        String cl = get(f, c, "classificationcode");
        Classification px = Classification.parse(cl).filter(Classification::isStoredRevision).orElseThrow(
                () -> new MalformedInputException("classification_code '" + MalformedInputException.quote(cl) + "' is not H0..H6, S1..S4, BEC or EB02"));
        row.px = px.name();
        row.type = px.type();
        row.period = Numbers.integer(get(f, c, "period"), "period");
        row.freq = Period.frequency(row.period).code();
        row.reporter = Numbers.integer(get(f, c, "reportercode"), "reporter_code");
        row.partner = Numbers.integer(get(f, c, "partnercode"), "partner_code");
        Integer partner2 = Numbers.integerOrNull(get(f, c, "partner2code"), "partner2_code");
        row.partner2 = partner2 == null || partner2 == 0 ? null : partner2;
        String customs = get(f, c, "customscode");
        row.customs = customs.equalsIgnoreCase("C00") ? "" : customs;
        String mot = get(f, c, "motcode");
        row.mot = mot.equals("0") ? "" : mot;
        row.commodity = get(f, c, "cmdcode");
        Commodity known = refs.commodity(px, row.commodity).orElse(null);
        Integer level = Numbers.integerOrNull(get(f, c, "aggrlevel"), "aggr_level");
        row.aggrLevel = level != null ? level : known != null ? known.aggrLevel()
                : row.commodity.equals("TOTAL") ? 0 : row.commodity.length();
        String leaf = get(f, c, "isleaf");
        row.leaf = leaf.isEmpty() ? known != null && known.leaf() : leaf.equals("1") || leaf.equalsIgnoreCase("true");
        Integer qt = Numbers.integerOrNull(get(f, c, "qtyunitcode"), "qty_unit_code");
        row.qtCode = qt == null || qt < 1 ? 1 : qt;
        Integer alt = Numbers.integerOrNull(get(f, c, "altqtyunitcode"), "alt_qty_unit_code");
        row.qtAltCode = alt == null || alt < 1 ? null : alt;
        row.tradeQuantity = Numbers.decimalOrNull(get(f, c, "qty"), "qty");
        row.altQuantity = Numbers.decimalOrNull(get(f, c, "altqty"), "alt_qty");
        row.netWeight = Numbers.decimalOrNull(get(f, c, "netwgt"), "net_wgt");
        row.grossWeight = Numbers.decimalOrNull(get(f, c, "grosswgt"), "gross_wgt");
        row.tradeValue = Numbers.decimal(get(f, c, "primaryvalue"), "primary_value");
        row.cifValue = Numbers.decimalOrNull(get(f, c, "cifvalue"), "cifvalue");
        row.fobValue = Numbers.decimalOrNull(get(f, c, "fobvalue"), "fobvalue");
        Integer est = Numbers.integerOrNull(get(f, c, "legacyestimationflag"), "legacy_estimation_flag");
        row.estCode = est == null ? 0 : est;
        return true;
    }

    private static String get(String[] fields, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null ? "" : fields[i].trim();
    }
}
