package org.tradegateway.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.tradegateway.refs.Classification;

/**
 * Builds the fact partition of one (period, dataset) from the staging table: created in the import's transaction
 * (so that with wal_level=minimal its rows skip the WAL), filled, indexed, analysed, then attached.
 */
final class PartitionBuilder {
    private static final String FLOW_SQL = SqlText.load("flow-partition.sql");
    private static final String INDEX_SQL = SqlText.load("partition-index.sql");
    private static final String AVAILABILITY_SQL = SqlText.load("availability.sql");

    private final Connection connection;
    private final int datasetId;
    private final ImportSource.Shape shape;
    private final Progress progress;
    private final String flowClassification;
    private long recordsStored;

    PartitionBuilder(Connection connection, int datasetId, ImportSource source, Progress progress) {
        this.connection = connection;
        this.datasetId = datasetId;
        this.shape = source.shape();
        this.flowClassification = source.flowClassification();
        this.progress = progress;
    }

    static String partitionPrefix(int datasetId) {
        return "trade_fact_d" + datasetId + "_p";
    }

    long recordsStored() {
        return recordsStored;
    }

    void build(Set<Integer> periods, boolean unsorted) throws SQLException {
        if (unsorted && shape == ImportSource.Shape.FLOWS) {
            rejectRepeatedFlows();
        }
        for (int period : periods) {
            String partition = partitionPrefix(datasetId) + period;
            execute("CREATE TABLE " + partition + " (LIKE trade_fact INCLUDING DEFAULTS, CHECK (period = " + period
                    + " AND dataset_id = " + datasetId + "))");
            progress.step("period " + period + ": building records");
            long rows;
            if (shape == ImportSource.Shape.FLOWS) {
                try (Statement st = connection.createStatement()) {
                    rows = st.executeUpdate(FLOW_SQL.replace("{partition}", partition)
                            .replace("{dataset}", Integer.toString(datasetId))
                            .replace("{period}", Integer.toString(period))
                            .replace("{px}", Classification.valueOf(flowClassification).name()));
                }
            } else {
                try (Statement st = connection.createStatement()) {
                    rows = st.executeUpdate("INSERT INTO " + partition + " SELECT * FROM stage_fact WHERE period = "
                            + period);
                }
            }
            progress.step("period " + period + ": " + rows + " records, indexing");
            try {
                execute(INDEX_SQL.replace("{partition}", partition));
            } catch (PSQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    throw new ImportFailure("the input holds the same record twice (period " + period + "): "
                            + (e.getServerErrorMessage() == null ? e.getMessage()
                            : e.getServerErrorMessage().getDetail()), e);
                }
                throw e;
            }
            execute("ANALYZE " + partition);
            execute("ALTER TABLE trade_fact ATTACH PARTITION " + partition + " FOR VALUES FROM (" + period + ", "
                    + datasetId + ") TO (" + period + ", " + (datasetId + 1) + ")");
            execute(AVAILABILITY_SQL.replace("{partition}", partition));
            recordsStored += rows;
        }
        execute(shape == ImportSource.Shape.FLOWS ? "TRUNCATE stage_flow" : "TRUNCATE stage_fact");
    }

    /** Aggregation would silently add up a flow given twice; unsorted input is checked for that first. */
    private void rejectRepeatedFlows() throws SQLException {
        try (Statement st = connection.createStatement(); var rs = st.executeQuery("SELECT period, exporter, importer,"
                + " product FROM stage_flow GROUP BY 1, 2, 3, 4 HAVING count(*) > 1 LIMIT 1")) {
            if (rs.next()) {
                throw new ImportFailure("the flow " + rs.getInt(1) + " " + rs.getInt(2) + " to " + rs.getInt(3) + " of "
                        + rs.getString(4) + " appears more than once");
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }
}
