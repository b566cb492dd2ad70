package org.tradegateway.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streams rows into the import's staging table with COPY (text format), checking each value fits its column.
 * Sources call {@link #flow} (directed HS6 flows) or {@link #record} (complete records), never both.
 */
public final class StageWriter implements AutoCloseable {

    /** Called by the loader at each part boundary with the periods that part contained. */
    public interface PartHandler {
        void partLoaded(Set<Integer> periods, boolean unsorted) throws SQLException;
    }

    static final String FLOW_COPY = "COPY stage_flow (period, exporter, importer, product, value, quantity)"
            + " FROM STDIN";
    static final String RECORD_COPY = "COPY stage_fact (dataset_id, period, type, freq, px, reporter, flow, partner,"
            + " partner2, customs, mot, commodity, aggr_level, is_leaf, qt_code, qt_alt_code, trade_quantity,"
            + " alt_quantity, net_weight, gross_weight, trade_value, cif_value, fob_value, est_code) FROM STDIN";

    private final CopyManager copyManager;
    private final String copySql;
    private final int datasetId;
    private final PartHandler handler;
    private final Progress progress;
    private final StringBuilder line = new StringBuilder(256);
    private final Set<Integer> periods = new TreeSet<>();
    private final Map<Integer, String[]> discoveredAreas = new LinkedHashMap<>();
    private final Map<Integer, String[]> areaNames = new LinkedHashMap<>();
    private final Map<String, String[]> commodityLabels = new LinkedHashMap<>();
    private Writer out;
    private long rows;
    private boolean unsorted;
    private int lastPeriod = -1;
    private int lastExporter;
    private int lastImporter;
    private String lastProduct = "";

    StageWriter(CopyManager copyManager, String copySql, int datasetId, PartHandler handler, Progress progress) {
        this.copyManager = copyManager;
        this.copySql = copySql;
        this.datasetId = datasetId;
        this.handler = handler;
        this.progress = progress;
    }

    public Progress progress() {
        return progress;
    }

    public long rows() {
        return rows;
    }

    private Writer out() throws IOException {
        if (out == null) {
            try {
                out = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(copyManager.copyIn(copySql),
                        1 << 16), StandardCharsets.UTF_8), 1 << 16);
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }
        return out;
    }

    /** One directed flow: exporter to importer, HS6 product, value in USD, quantity in kg (or null). */
    public void flow(int period, int exporter, int importer, String product, double valueUsd, Double kg)
            throws IOException {
        checkArea(exporter, "exporter");
        checkArea(importer, "importer");
        if (exporter == importer) {
            throw new MalformedInputException("exporter and importer are the same area (" + exporter + ")");
        }
        trackOrder(period, exporter, importer, product);
        line.setLength(0);
        line.append(period).append('\t').append(exporter).append('\t').append(importer).append('\t');
        code(product, "product", 12);
        line.append('\t');
        number(valueUsd);
        line.append('\t');
        number(kg);
        emit(period);
    }

    /**
     * BACI files come sorted by (t, i, j, k), so a repeated flow is caught at its line. Input in another order
     * is marked unsorted and checked for repeats in SQL once loaded.
     */
    private void trackOrder(int period, int exporter, int importer, String product) {
        int order = Integer.compare(period, lastPeriod);
        if (order == 0) {
            order = Integer.compare(exporter, lastExporter);
        }
        if (order == 0) {
            order = Integer.compare(importer, lastImporter);
        }
        if (order == 0) {
            order = product.compareTo(lastProduct);
        }
        if (order == 0) {
            throw new MalformedInputException("the flow " + period + " " + exporter + " to " + importer + " of "
                    + product + " appears twice");
        }
        if (order < 0) {
            unsorted = true;
        }
        lastPeriod = period;
        lastExporter = exporter;
        lastImporter = importer;
        lastProduct = product;
    }

    /** One complete record. */
    public void record(FactRow r) throws IOException {
        checkArea(r.reporter, "reporter");
        checkArea(r.partner, "partner");
        if (r.partner2 != null) {
            checkArea(r.partner2, "second partner");
        }
        if (r.flow < 1 || r.flow > 4) {
            throw new MalformedInputException("trade flow code " + r.flow + " is not 1 to 4");
        }
        line.setLength(0);
        line.append(datasetId).append('\t').append(r.period).append('\t').append(r.type).append('\t')
                .append(r.freq).append('\t');
        code(r.px, "classification", 4);
        line.append('\t').append(r.reporter).append('\t').append(r.flow).append('\t').append(r.partner).append('\t');
        line.append(r.partner2 == null ? "\\N" : r.partner2.toString()).append('\t');
        code(r.customs, "customs code", 8);
        line.append('\t');
        code(r.mot, "mode of transport", 8);
        line.append('\t');
        code(r.commodity, "commodity code", 12);
        line.append('\t').append(r.aggrLevel).append('\t').append(r.leaf ? 't' : 'f').append('\t')
                .append(r.qtCode).append('\t').append(r.qtAltCode == null ? "\\N" : r.qtAltCode.toString());
        for (Double d : new Double[] {r.tradeQuantity, r.altQuantity, r.netWeight, r.grossWeight}) {
            line.append('\t');
            number(d);
        }
        line.append('\t');
        number(r.tradeValue);
        line.append('\t');
        number(r.cifValue);
        line.append('\t');
        number(r.fobValue);
        line.append('\t').append(r.estCode);
        emit(r.period);
    }

    /** Remembers the name of an area code that the reference list may lack (added if missing). */
    public void area(int code, String name, String iso3) {
        if (name != null && !name.isBlank()) {
            discoveredAreas.putIfAbsent(code, new String[] {name.trim(), iso3 == null ? "" : iso3.trim()});
        }
    }

    /**
     * Records the name and ISO code that legacy data gives an area; they replace the reference list's, because
     * the legacy API is the source whose wording answers must repeat.
     */
    public void areaName(int code, String name, String iso3) {
        if (name != null && !name.isBlank()) {
            areaNames.put(code, new String[] {name.trim(), iso3 == null ? "" : iso3.trim()});
        }
    }

    /** Records the description that legacy data gives a commodity code. */
    public void commodityLabel(String px, String code, String description) {
        if (description != null && !description.isBlank()) {
            commodityLabels.put(px + "\t" + code, new String[] {px, code, description.trim()});
        }
    }

    Map<Integer, String[]> discoveredAreas() {
        return discoveredAreas;
    }

    Map<Integer, String[]> areaNames() {
        return areaNames;
    }

    Map<String, String[]> commodityLabels() {
        return commodityLabels;
    }

    /** Ends a part: what was written so far is turned into partitions before more is read. */
    public void endPart() throws IOException {
        finishCopy();
        if (!periods.isEmpty()) {
            try {
                handler.partLoaded(Set.copyOf(periods), unsorted);
            } catch (SQLException e) {
                throw new IOException(e);
            }
            periods.clear();
        }
        unsorted = false;
        lastPeriod = -1;
    }

    private void finishCopy() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    private void emit(int period) throws IOException {
        if (period < 1900 || period > 999912 || (period > 9999 && period < 190001)) {
            throw new MalformedInputException("period " + period + " is neither a year nor YYYYMM");
        }
        line.append('\n');
        out().append(line);
        periods.add(period);
        rows++;
        progress.advance(rows, -1);
    }

    private static void checkArea(int code, String what) {
        if (code < 0 || code > Short.MAX_VALUE) {
            throw new MalformedInputException(what + " code " + code + " is out of range");
        }
    }

    private void code(String value, String what, int maxLength) {
        if (value == null) {
            throw new MalformedInputException(what + " is missing");
        }
        if (value.length() > maxLength) {
            throw new MalformedInputException(what + " '" + value + "' is longer than " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < ' ' || c == '\\' || c == 127) {
                throw new MalformedInputException(what + " contains a control character or backslash");
            }
        }
        line.append(value);
    }

    private void number(Double d) {
        if (d == null) {
            line.append("\\N");
        } else {
            number(d.doubleValue());
        }
    }

    private void number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new MalformedInputException("a measure is not a finite number");
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            line.append((long) d);
        } else {
            line.append(d);
        }
    }

    @Override
    public void close() throws IOException {
        finishCopy();
    }
}
