package org.tradegateway.ingest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.postgresql.PGConnection;

/**
 * Loads one {@link ImportSource} atomically: COPY into a staging table, one new partition per period (built,
 * indexed and analysed aside, then attached), availability rows, and the replacement of an earlier import of the
 * same dataset, all in one transaction. A failure at any point leaves the previous data as it was.
 */
public final class FactLoader {
    private static final long IMPORT_LOCK = 727001;
    private final Connection connection;
    private final ConnectionOpener more;

    /** A loader that does all its work on {@code connection}. */
    public FactLoader(Connection connection) {
        this(connection, null);
    }

    /**
     * A loader that may also open connections with {@code more} for work beside its transaction (the totals and
     * bilateral sums of flows, {@link AsideTables}), or does all its work on {@code connection} when {@code more}
     * is null.
     */
    public FactLoader(Connection connection, ConnectionOpener more) {
        this.connection = connection;
        this.more = more;
    }

    public ImportResult load(ImportSource source, Progress progress) throws SQLException, IOException {
        long start = System.nanoTime();
        DatasetInfo info = source.dataset();
        String hash = source.contentHash();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        AsideTables aside = more == null ? null : new AsideTables(more);
        try {
            execute("SELECT pg_advisory_xact_lock(" + IMPORT_LOCK + ")");
            AsideTables.dropOrphans(connection);
            execute("SET LOCAL work_mem = '256MB'");
            execute("SET LOCAL maintenance_work_mem = '1GB'");
            Integer previous = null;
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT id, content_hash FROM dataset WHERE source = ? AND name = ?")) {
                ps.setString(1, info.source());
                ps.setString(2, info.name());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        previous = rs.getInt(1);
                        if (hash.equals(rs.getString(2))) {
                            connection.rollback();
                            return new ImportResult(previous, true, 0, 0, List.of(), seconds(start));
                        }
                    }
                }
            }
            int datasetId = insertDataset(info, hash);
            for (String statement : SqlText.load("stage-tables.sql").split(";")) {
                if (!statement.isBlank()) {
                    execute(statement);
                }
            }
            PartitionBuilder builder = new PartitionBuilder(connection, datasetId, source, progress, aside);
            Set<Integer> periods = new TreeSet<>();
            long rowsRead;
            boolean flows = source.shape() == ImportSource.Shape.FLOWS;
            try (StageWriter writer = new StageWriter(connection.unwrap(PGConnection.class).getCopyAPI(), datasetId,
                    source.flowClassification(), flows ? builder : null, (parts, unsorted, totals) -> {
                        builder.build(parts, unsorted, totals);
                        periods.addAll(parts);
                    }, progress)) {
                source.writeTo(writer);
                writer.endPart();
                rowsRead = writer.rows();
                saveLabels(writer);
            }
            if (periods.isEmpty()) {
                throw new ImportFailure("the input holds no trade records");
            }
            if (previous != null) {
                progress.step("replacing the earlier import of this dataset (#" + previous + ")");
                dropDataset(previous);
            }
            publishAvailability(datasetId, info.publicationDate(), source.original());
            try (PreparedStatement ps = connection.prepareStatement("UPDATE dataset SET row_count = ? WHERE id = ?")) {
                ps.setLong(1, builder.recordsStored());
                ps.setInt(2, datasetId);
                ps.executeUpdate();
            }
            progress.step("committing");
            connection.commit();
            if (aside != null) {
                aside.attached();
            }
            return new ImportResult(datasetId, false, rowsRead, builder.recordsStored(), List.copyOf(periods),
                    seconds(start));
        } catch (Throwable e) {
            // every failure, an Error too (out of memory, a stack overflow): restoring auto-commit below would
            // otherwise commit the open transaction, and with it a dataset row without its data
            rollbackQuietly();
            if (aside != null) {
                aside.dropAll();
            }
            throw e;
        } finally {
            if (aside != null) {
                aside.close();
            }
            connection.setAutoCommit(autoCommit);
        }
    }

    private int insertDataset(DatasetInfo info, String hash) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO dataset (source, name, source_version,"
                + " licence, synthetic, content_hash) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, info.source());
            ps.setString(2, info.name());
            ps.setString(3, info.sourceVersion() == null ? "" : info.sourceVersion());
            ps.setString(4, info.licence() == null ? "" : info.licence());
            ps.setBoolean(5, info.synthetic());
            ps.setString(6, hash);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Area names new to the reference list, legacy wording of areas and commodities. */
    private void saveLabels(StageWriter writer) throws SQLException {
        saveAreas(writer.discoveredAreas(), "DO NOTHING");
        saveAreas(writer.areaNames(), "DO UPDATE SET name = excluded.name, iso3 = excluded.iso3,"
                + " named_by_import = true");
        if (writer.commodityLabels().isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO commodity_label (px, code, description)"
                + " VALUES (?, ?, ?) ON CONFLICT (px, code) DO UPDATE SET description = excluded.description")) {
            for (String[] label : writer.commodityLabels().values()) {
                ps.setString(1, label[0]);
                ps.setString(2, label[1]);
                ps.setString(3, label[2]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void saveAreas(Map<Integer, String[]> areas, String onConflict) throws SQLException {
        if (areas.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO area (code, name, iso3, is_group,"
                + " is_reporter, is_partner) VALUES (?, ?, ?, false, true, true) ON CONFLICT (code) " + onConflict)) {
            for (Map.Entry<Integer, String[]> e : areas.entrySet()) {
                ps.setShort(1, e.getKey().shortValue());
                ps.setString(2, e.getValue()[0]);
                ps.setString(3, e.getValue()[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void publishAvailability(int datasetId, LocalDate publicationDate, boolean original)
            throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT s.px, s.reporter, s.period, d.id, d.source, d.name FROM stage_availability s"
                        + " JOIN data_availability a USING (type, freq, px, reporter, period)"
                        + " JOIN dataset d ON d.id = a.dataset_id ORDER BY 1, 2, 3 LIMIT 1")) {
            if (rs.next()) {
                throw new ImportFailure(String.format("records for reporter %d, period %d, classification %s are"
                        + " already loaded by dataset #%d (%s %s); drop it first with `datasets drop %d`",
                        rs.getInt(2), rs.getInt(3), rs.getString(1), rs.getInt(4), rs.getString(5),
                        rs.getString(6), rs.getInt(4)));
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO data_availability (type, freq, px,"
                + " reporter, period, dataset_id, record_count, is_original, is_partner_detail, publication_date,"
                + " imported_at, from_flows) SELECT type, freq, px, reporter, period, ?, record_count, ?,"
                + " is_partner_detail, ?, now(), from_flows FROM stage_availability")) {
            ps.setInt(1, datasetId);
            ps.setBoolean(2, original);
            ps.setObject(3, publicationDate == null ? LocalDate.now() : publicationDate);
            ps.executeUpdate();
        }
    }

    /**
     * Removes a dataset: its partitions, availability and provenance row. Runs inside the caller's transaction.
     * Returns false when there is no such dataset.
     */
    public boolean dropDataset(int datasetId) throws SQLException {
        List<String> partitions = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT c.relname FROM pg_inherits i"
                + " JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent IN ('trade_fact'::regclass,"
                + " 'trade_flow'::regclass, 'trade_flow_sum'::regclass)"
                + " AND (c.relname LIKE ? OR c.relname LIKE ? OR c.relname LIKE ?)")) {
            ps.setString(1, PartitionBuilder.partitionPrefix("trade_fact", datasetId) + "%");
            ps.setString(2, PartitionBuilder.partitionPrefix("trade_flow", datasetId) + "%");
            ps.setString(3, PartitionBuilder.partitionPrefix("trade_flow_sum", datasetId) + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    partitions.add(rs.getString(1));
                }
            }
        }
        for (String partition : partitions) {
            execute("DROP TABLE " + partition);
        }
        try (Statement st = connection.createStatement()) {
            return st.executeUpdate("DELETE FROM dataset WHERE id = " + datasetId) > 0;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the server discards the transaction anyway
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
