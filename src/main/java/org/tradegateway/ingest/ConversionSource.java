package org.tradegateway.ingest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
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
public final class ConversionSource implements ImportSource {
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
     * The dataset named {@code name} converted to {@code to}; refused with the reason when there is no such flow
     * dataset, it holds another revision than one, or no table leads from its revision to {@code to}.
     */
    public ConversionSource(Connection reader, String name, Classification to) throws SQLException {
        this.reader = reader;
        try (PreparedStatement ps = reader.prepareStatement("SELECT d.id, d.source, d.source_version, d.licence,"
                + " d.synthetic, d.content_hash, max(a.publication_date), array_agg(DISTINCT a.px),"
                + " bool_and(a.from_flows), bool_and(a.is_original) FROM dataset d"
                + " JOIN data_availability a ON a.dataset_id = d.id WHERE d.name = ?"
                + " GROUP BY d.id ORDER BY d.id")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ImportFailure("no dataset named '" + name + "' is loaded (see `datasets list`)");
                }
                sourceId = rs.getInt(1);
                String[] revisions = (String[]) rs.getArray(8).getArray();
                if (!rs.getBoolean(9)) {
                    throw new ImportFailure("dataset '" + name + "' holds declared records, not directed flows:"
                            + " only flow datasets (BACI, the generator) can be converted");
                }
                if (!rs.getBoolean(10)) {
                    throw new ImportFailure("dataset '" + name + "' is itself a conversion; convert its source");
                }
                if (revisions.length != 1) {
                    throw new ImportFailure("dataset '" + name + "' holds several revisions "
                            + String.join(", ", revisions));
                }
                Classification from = Classification.parse(revisions[0]).orElseThrow();
                this.table = Correspondence.shipped(from, to).orElseThrow(() -> new ImportFailure("no conversion"
                        + " table leads from " + from + " to " + to + ": UNSD converts from each HS revision to the"
                        + " earlier ones, to SITC and to BEC only"));
                LocalDate published = rs.getObject(7, LocalDate.class);
                this.sourceInfo = new DatasetInfo(rs.getString(2), name + "-as-" + to,
                        (rs.getString(3).isEmpty() ? "" : rs.getString(3) + ", ") + "converted from " + from + " to "
                                + to + " with UNSD " + table.name(), rs.getString(4), rs.getBoolean(5), published);
                this.sourceHash = rs.getString(6);
                if (rs.next()) {
                    throw new ImportFailure("several datasets are named '" + name + "'");
                }
            }
        }
        List<Integer> found = new ArrayList<>();
        try (PreparedStatement ps = reader.prepareStatement("SELECT DISTINCT period FROM data_availability"
                + " WHERE dataset_id = ? ORDER BY 1")) {
            ps.setInt(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getInt(1));
                }
            }
        }
        this.periods = List.copyOf(found);
    }

    public Correspondence table() {
        return table;
    }

    /** Source flows whose product the table does not list: under their own code (HS), in the totals only (else). */
    public long kept() {
        return kept;
    }

    /** The value of the flows {@link #kept}. */
    public double keptValue() {
        return keptValue;
    }

    /** Source flows read. */
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
    public boolean original() {
        return false;
    }

    @Override
    public String contentHash() {
        return FileDigest.sha256(sourceHash + "/" + table.name());
    }

    @Override
    public long sizeBytes() {
        return -1;
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
            writer.flow(period, exporter, importer, e.getKey(), sums[0], sums[2] == 1 ? sums[1] : null);
        }
        pair.clear();
    }
}
