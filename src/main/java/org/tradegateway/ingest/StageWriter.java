package org.tradegateway.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streams an import's rows with COPY, checking each value. Complete records go to the staging table (text format);
 * directed flows go straight into their period's new trade_flow partition (binary format) while their aggregates are
 * added up in memory ({@link FlowTotals}). Sources call {@link #flow} or {@link #record}, never both.
 */
public final class StageWriter implements AutoCloseable {

    /** Called by the loader at each part boundary with the periods that part contained. */
    public interface PartHandler {
        void partLoaded(Set<Integer> periods, boolean unsorted, Map<Integer, FlowTotals> totals) throws SQLException;
    }

    /** Where a period's flows are copied to; the loader creates the partition on first use. */
    public interface FlowTarget {
        String copySql(int period) throws SQLException;
    }

    static final String RECORD_COLUMNS = "dataset_id, period, type, freq, px, reporter, flow, partner, partner2,"
            + " customs, mot, commodity, aggr_level, is_leaf, qt_code, qt_alt_code, trade_quantity, alt_quantity,"
            + " net_weight, gross_weight, trade_value, cif_value, fob_value, est_code";
    static final String RECORD_COPY = "COPY stage_fact (" + RECORD_COLUMNS + ") FROM STDIN";
    static final String FLOW_COLUMNS = "dataset_id, period, px, exporter, importer, product, value, kg";

    private final CopyManager copyManager;
    private final int datasetId;
    private final String flowPx;
    private final FlowTarget flowTarget;
    private final PartHandler handler;
    private final Progress progress;
    private final StringBuilder line = new StringBuilder(256);
    private final Set<Integer> periods = new TreeSet<>();
    private final Map<Integer, FlowTotals> totals = new HashMap<>();
    /** The totals of the period of the last flow, and that period: most flows are of the same period as the last. */
    private FlowTotals periodTotals;
    private int totalsPeriod;
    /** The period last added to {@link #periods}. */
    private int countedPeriod = Integer.MIN_VALUE;
    private final Map<Integer, String[]> discoveredAreas = new LinkedHashMap<>();
    private final Map<Integer, String[]> areaNames = new LinkedHashMap<>();
    private final Map<String, String[]> commodityLabels = new LinkedHashMap<>();
    private Writer out;
    private CopyBinary flowsOut;
    private int copyPeriod = Integer.MIN_VALUE;
    private long rows;
    private boolean unsorted;
    private int lastPeriod = -1;
    private int lastExporter;
    private int lastImporter;
    private String lastProduct = "";

    StageWriter(CopyManager copyManager, int datasetId, String flowPx, FlowTarget flowTarget, PartHandler handler,
                Progress progress) {
        this.copyManager = copyManager;
        this.datasetId = datasetId;
        this.flowPx = flowPx;
        this.flowTarget = flowTarget;
        this.handler = handler;
        this.progress = progress;
    }

    public Progress progress() {
        return progress;
    }

    public long rows() {
        return rows;
    }

    /** The COPY of the records into the staging table, opened on first use. */
    private Writer records() throws IOException {
        if (out == null) {
            try {
                out = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(copyManager.copyIn(RECORD_COPY),
                        1 << 16), StandardCharsets.UTF_8), 1 << 16);
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }
        return out;
    }

    /** The COPY of a period's flows into its new partition, in binary: no number for PostgreSQL to parse. */
    private CopyBinary flows(int period) throws IOException {
        if (flowsOut == null || period != copyPeriod) {
            finishCopy();
            try {
                flowsOut = new CopyBinary(new PGCopyOutputStream(copyManager.copyIn(flowTarget.copySql(period)), 1));
                copyPeriod = period;
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }
        return flowsOut;
    }

    /** One directed flow: exporter to importer, HS6 product, value in USD, quantity in kg (NaN when none). */
    public void flow(int period, int exporter, int importer, String product, double valueUsd, double kg)
            throws IOException {
        checkArea(exporter, "exporter");
        checkArea(importer, "importer");
        if (exporter == importer) {
            throw new MalformedInputException("exporter and importer are the same area (" + exporter + ")");
        }
        checkPeriod(period);
        trackOrder(period, exporter, importer, product);
        CopyBinary copy = flows(period);
        try {
            copy.flow(datasetId, period, flowPx, exporter, importer, product, valueUsd, kg);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (periodTotals == null || period != totalsPeriod) {
            periodTotals = totals.get(period);
            if (periodTotals == null) {
                periodTotals = new FlowTotals(datasetId, period, flowPx);
                totals.put(period, periodTotals);
                if (unsorted) {
                    periodTotals.sums().abandon();
                }
            }
            totalsPeriod = period;
        }
        periodTotals.add(exporter, importer, product, valueUsd, kg);
        counted(period);
    }

    /**
     * BACI files come sorted by (t, i, j, k), so a repeated flow is caught at its line; input in another order is
     * caught by the unique index of its partition.
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
        if (order < 0 && !unsorted) {
            unsorted = true;
            // a pair may come back later: its bilateral sums are computed in SQL after the copy instead
            totals.values().forEach(t -> t.sums().abandon());
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
        checkPeriod(r.period);
        line.setLength(0);
        CopyText.record(line, datasetId, r);
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
                handler.partLoaded(Set.copyOf(periods), unsorted, Map.copyOf(totals));
            } catch (SQLException e) {
                throw new IOException(e);
            }
            periods.clear();
            countedPeriod = Integer.MIN_VALUE;
            closeTotals();
        }
        unsorted = false;
        lastPeriod = -1;
    }

    private void finishCopy() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
        if (flowsOut != null) {
            flowsOut.close();
            flowsOut = null;
            copyPeriod = Integer.MIN_VALUE;
        }
    }

    private static void checkPeriod(int period) {
        if (period < 1900 || period > 999912 || (period > 9999 && period < 190001)) {
            throw new MalformedInputException("period " + period + " is neither a year nor YYYYMM");
        }
    }

    private void emit(int period) throws IOException {
        line.append('\n');
        records().append(line);
        counted(period);
    }

    private void counted(int period) {
        if (period != countedPeriod) {
            periods.add(period);
            countedPeriod = period;
        }
        rows++;
        progress.advance(rows, -1);
    }

    private static void checkArea(int code, String what) {
        if (code < 0 || code > Short.MAX_VALUE) {
            throw new MalformedInputException(what + " code " + code + " is out of range");
        }
    }

    private void closeTotals() {
        totals.values().forEach(FlowTotals::close);
        totals.clear();
        periodTotals = null;
    }

    @Override
    public void close() throws IOException {
        try {
            finishCopy();
        } finally {
            closeTotals();
        }
    }
}
