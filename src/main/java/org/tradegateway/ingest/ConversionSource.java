package org.tradegateway.ingest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tradegateway.refs.Classification;
import org.tradegateway.refs.Correspondence;

/**
 * A loaded flow dataset (BACI-like: directed HS6 flows) in an earlier HS revision, in SITC Rev.1-4 or in BEC
 * Rev.4, converted with the UNSD conversion table between the two (see {@link Correspondence#shipped}): each flow's
 * product goes to the table's one target code, and flows of one exporter, importer and period that meet in a
 * target are added up. A product the table does not list (the shipped tables miss monetary gold 710820, 711890
 * and 999999 of some revisions) is counted, and nothing is dropped, so the converted totals equal the source's: to
 * an earlier HS revision it is kept under its own code, which every revision has; to SITC or BEC, which have no
 * such code, it is kept without a code and counts in the totals (TOTAL records) only. The result is imported as a
 * dataset of its own ({@code <name>-as-S4}), with the source's provenance and licence, the table named in its
 * version, and every release marked as not in its original classification; the import then derives the
 * aggregates and the World partner as for any flows.
 *
 * <p>The source flows are read, period by period in (exporter, importer) order, through a connection of their
 * own: the import's connection is busy copying.
 */
public final class ConversionSource implements Conversion {
    private static final String FLOWS = "SELECT exporter, importer, product, value, kg FROM trade_flow"
            + " WHERE dataset_id = ? AND period = ? ORDER BY exporter, importer";
    private final Connection reader;
    private final int sourceId;
    private final DatasetInfo sourceInfo;
    private final String sourceHash;
    private final Correspondence table;
    private final List<Integer> periods;
    private long kept;
    private double keptValue;
    private long converted;

    /**
     * The flow dataset named {@code name} converted to {@code to}; refused with the reason when there is no such
     * dataset, it holds declared records or another revision than one, or no table leads from its revision to
     * {@code to}.
     */
    public ConversionSource(Connection reader, String name, Classification to) throws SQLException {
        this(reader, ConversionInput.read(reader, name), to);
    }

    ConversionSource(Connection reader, ConversionInput input, Classification to) {
        this.reader = reader;
        if (!input.flows()) {
            throw new ImportFailure("dataset '" + input.name() + "' holds declared records, not directed flows");
        }
        if (input.revisions().size() != 1) {
            throw new ImportFailure("dataset '" + input.name() + "' holds several revisions " + input.revisions());
        }
        Classification from = input.revisions().get(0);
        this.table = table(from, to);
        this.sourceId = input.id();
        this.sourceInfo = input.convertedInfo(to, from + " to " + to + " with UNSD " + table.name());
        this.sourceHash = input.contentHash();
        this.periods = input.periods();
    }

    /** The conversion from one to the other, or a refusal that says which conversions UNSD publishes. */
    static Correspondence table(Classification from, Classification to) {
        return Correspondence.shipped(from, to).orElseThrow(() -> new ImportFailure("no conversion table leads from "
                + from + " to " + to + ": UNSD converts from each HS revision to the earlier ones, to SITC and to"
                + " BEC only"));
    }

    public Correspondence table() {
        return table;
    }

    @Override
    public String tables() {
        return table.name();
    }

    @Override
    public int codes() {
        return table.size();
    }

    @Override
    public long kept() {
        return kept;
    }

    @Override
    public double keptValue() {
        return keptValue;
    }

    @Override
    public long converted() {
        return converted;
    }

    @Override
    public DatasetInfo dataset() {
        return sourceInfo;
    }

    @Override
    public Shape shape() {
        return Shape.FLOWS;
    }

    @Override
    public String flowClassification() {
        return table.to().name();
    }

    @Override
    public String contentHash() {
        return FileDigest.sha256(sourceHash + "/" + table.name());
    }

    @Override
    public void writeTo(StageWriter writer) throws IOException {
        try {
            reader.setAutoCommit(false); // a cursor: the flows of a period are read in pieces
            for (int period : periods) {
                convert(period, writer);
                writer.endPart();
            }
            reader.commit();
        } catch (SQLException e) {
            throw new IOException("reading the flows of dataset #" + sourceId + ": " + e.getMessage(), e);
        }
    }

    private void convert(int period, StageWriter writer) throws SQLException, IOException {
        try (PreparedStatement ps = reader.prepareStatement(FLOWS)) {
            ps.setFetchSize(20_000);
            ps.setInt(1, sourceId);
            ps.setInt(2, period);
            try (ResultSet rs = ps.executeQuery()) {
                int exporter = -1;
                int importer = -1;
                // the pair's flows by target code: value, kg, and whether every kg was known
                Map<String, double[]> pair = new TreeMap<>();
                while (rs.next()) {
                    int e = rs.getInt(1);
                    int i = rs.getInt(2);
                    if (e != exporter || i != importer) {
                        write(writer, period, exporter, importer, pair);
                        exporter = e;
                        importer = i;
                    }
                    String product = rs.getString(3);
                    String target = table.target(product);
                    double value = rs.getDouble(4);
                    if (target == null) {
                        target = table.to().isHarmonizedSystem() ? product : "";
                        kept++;
                        keptValue += value;
                    }
                    double kg = rs.getDouble(5);
                    boolean kgKnown = !rs.wasNull();
                    double[] sums = pair.computeIfAbsent(target, k -> new double[] {0, 0, 1});
                    sums[0] += value;
                    sums[1] += kgKnown ? kg : 0;
                    sums[2] = kgKnown ? sums[2] : 0;
                    converted++;
                }
                write(writer, period, exporter, importer, pair);
            }
        }
    }

    private static void write(StageWriter writer, int period, int exporter, int importer, Map<String, double[]> pair)
            throws IOException {
        for (Map.Entry<String, double[]> e : pair.entrySet()) {
            double[] sums = e.getValue();
            writer.flow(period, exporter, importer, e.getKey(), sums[0], sums[2] == 1 ? sums[1] : Double.NaN);
        }
        pair.clear();
    }
}
