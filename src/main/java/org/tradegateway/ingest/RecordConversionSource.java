package org.tradegateway.ingest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.tradegateway.ingest.GroupSums.Sums;
import org.tradegateway.refs.Classification;
import org.tradegateway.refs.CommodityCatalog;
import org.tradegateway.refs.Correspondence;

/**
 * A loaded dataset of declared records (Comtrade bulk files, saved answers) in another classification: for each
 * record group (reporter, flow, partner, second partner, customs procedure, mode of transport, period), its leaf
 * records (HS6, or SITC's and BEC's finest codes) go to the table's one target code and are added up, and the
 * levels of the target classification are summed from them; the group's TOTAL is the declared one, unchanged, so
 * the converted totals are the source's. A leaf the table has no target for is kept under its own code when
 * converting to an earlier HS revision, and counts in the TOTAL only when converting to SITC or BEC; either way it
 * is counted. Quantities are added up where every part has one in the same unit (else the sum has none), weights
 * and CIF/FOB values where every part has one. Groups already in the target classification, or in one no table
 * leads from, are left out and counted. The result is a dataset of its own ({@code <name>-as-S4}) whose releases
 * are marked as not in their original classification.
 */
public final class RecordConversionSource implements Conversion {
    private static final String RECORDS = "SELECT type, freq, px, reporter, flow, partner, partner2, customs, mot,"
            + " commodity, is_leaf, qt_code, trade_quantity, net_weight, gross_weight, trade_value, cif_value,"
            + " fob_value, est_code FROM trade_fact"
            + " WHERE dataset_id = ? AND period = ? AND (commodity = 'TOTAL' OR is_leaf)"
            + " ORDER BY type, freq, px, reporter, flow, partner, partner2 NULLS FIRST, customs, mot";
    private final Connection reader;
    private final ConversionInput input;
    private final Classification to;
    private final Map<Classification, Correspondence> tables = new LinkedHashMap<>();
    private final DatasetInfo info;
    private final List<Integer> levels;
    private long converted;
    private long kept;
    private double keptValue;
    private long groupsLeftOut;

    /** Refused with the reason when the dataset holds flows, or no table leads from any of its classifications. */
    RecordConversionSource(Connection reader, ConversionInput input, Classification to) {
        if (input.flows()) {
            throw new ImportFailure("dataset '" + input.name() + "' holds directed flows");
        }
        this.reader = reader;
        this.input = input;
        this.to = to;
        for (Classification from : input.revisions()) {
            if (from != to) {
                Correspondence.shipped(from, to).ifPresent(t -> tables.put(from, t));
            }
        }
        if (tables.isEmpty()) {
            Classification from = input.revisions().stream().filter(c -> c != to).findFirst().orElseThrow(
                    () -> new ImportFailure("dataset '" + input.name() + "' is already in " + to));
            ConversionSource.table(from, to); // refused: no table leads from it
        }
        this.info = input.convertedInfo(to, tables.entrySet().stream().map(e -> e.getKey() + " to " + to
                + " with UNSD " + e.getValue().name()).collect(Collectors.joining("; ")));
        this.levels = CommodityCatalog.levels(to);
    }

    @Override
    public String tables() {
        return tables.values().stream().map(Correspondence::name).collect(Collectors.joining(", "));
    }

    @Override
    public int codes() {
        return tables.values().stream().mapToInt(Correspondence::size).sum();
    }

    @Override
    public long converted() {
        return converted;
    }

    @Override
    public long kept() {
        return kept;
    }

    @Override
    public double keptValue() {
        return keptValue;
    }

    /** Record groups left out: already in the target classification, or in one no table leads from. */
    public long groupsLeftOut() {
        return groupsLeftOut;
    }

    @Override
    public DatasetInfo dataset() {
        return info;
    }

    @Override
    public Shape shape() {
        return Shape.RECORDS;
    }

    @Override
    public String contentHash() {
        return FileDigest.sha256(input.contentHash() + "/" + tables());
    }

    @Override
    public void writeTo(StageWriter writer) throws IOException {
        try {
            reader.setAutoCommit(false); // a cursor: the records of a period are read in pieces
            for (int period : input.periods()) {
                convert(period, writer);
            }
            reader.commit();
        } catch (SQLException e) {
            throw new IOException("reading the records of dataset #" + input.id() + ": " + e.getMessage(), e);
        }
    }

    private void convert(int period, StageWriter writer) throws SQLException, IOException {
        try (PreparedStatement ps = reader.prepareStatement(RECORDS)) {
            ps.setFetchSize(20_000);
            ps.setInt(1, input.id());
            ps.setInt(2, period);
            try (ResultSet rs = ps.executeQuery()) {
                FactRow group = null;
                FactRow total = null;
                Map<String, Sums> leaves = new TreeMap<>();
                Correspondence table = null;
                while (rs.next()) {
                    FactRow key = key(rs, period);
                    if (group == null || !sameGroup(group, key)) {
                        write(group, total, leaves, writer);
                        group = key;
                        total = null;
                        leaves.clear();
                        table = tables.get(Classification.parse(rs.getString(3)).orElse(null));
                        if (table == null) {
                            groupsLeftOut++;
                        }
                    }
                    if (table == null) {
                        continue;
                    }
                    String commodity = rs.getString(10);
                    double value = rs.getDouble(16);
                    Double quantity = (Double) rs.getObject(13);
                    Double net = (Double) rs.getObject(14);
                    Double gross = (Double) rs.getObject(15);
                    Double cif = (Double) rs.getObject(17);
                    Double fob = (Double) rs.getObject(18);
                    if (commodity.equals("TOTAL")) {
                        total = key;
                        total.commodity = "TOTAL";
                        total.tradeValue = value;
                        total.tradeQuantity = quantity;
                        total.qtCode = rs.getInt(12);
                        total.netWeight = net;
                        total.grossWeight = gross;
                        total.cifValue = cif;
                        total.fobValue = fob;
                        total.estCode = rs.getInt(19);
                        continue;
                    }
                    converted++;
                    String target = table.target(commodity);
                    if (target == null) {
                        kept++;
                        keptValue += value;
                        if (!to.isHarmonizedSystem()) {
                            continue; // counted in the declared TOTAL only
                        }
                        target = commodity;
                    }
                    leaves.computeIfAbsent(target, k -> new Sums()).add(value, rs.getInt(12), quantity, net, gross,
                            cif, fob, rs.getInt(19));
                }
                write(group, total, leaves, writer);
            }
        }
    }

    private FactRow key(ResultSet rs, int period) throws SQLException {
        FactRow row = new FactRow();
        row.type = rs.getString(1).charAt(0);
        row.freq = rs.getString(2).charAt(0);
        row.px = rs.getString(3);
        row.period = period;
        row.reporter = rs.getInt(4);
        row.flow = rs.getInt(5);
        row.partner = rs.getInt(6);
        row.partner2 = (Integer) rs.getObject(7);
        row.customs = rs.getString(8);
        row.mot = rs.getString(9);
        return row;
    }

    private static boolean sameGroup(FactRow a, FactRow b) {
        return a.type == b.type && a.freq == b.freq && a.px.equals(b.px) && a.reporter == b.reporter
                && a.flow == b.flow && a.partner == b.partner && Objects.equals(a.partner2, b.partner2)
                && a.customs.equals(b.customs) && a.mot.equals(b.mot);
    }

    /** The group's declared TOTAL, then its converted codes at every level of the target, coarsest first. */
    private void write(FactRow group, FactRow total, Map<String, Sums> leaves, StageWriter writer)
            throws IOException {
        if (group == null || !tables.containsKey(Classification.parse(group.px).orElse(null))) {
            return;
        }
        if (total != null) {
            total.px = to.name();
            total.aggrLevel = 0;
            total.leaf = false;
            writer.record(total);
        }
        GroupSums.write(group, leaves, levels, to, writer);
    }
}
