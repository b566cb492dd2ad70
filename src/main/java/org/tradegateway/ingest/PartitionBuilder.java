package org.tradegateway.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.postgresql.util.PSQLException;
import org.tradegateway.core.Period;
import org.tradegateway.refs.Classification;
import org.tradegateway.refs.CommodityCatalog;

/**
 * Builds the partitions of one (period, dataset), each created in the import's transaction (so that with
 * wal_level=minimal its rows skip the WAL), filled, indexed, analysed, then attached. Complete records move from
 * the staging table into a trade_fact partition. Flows were copied straight into their trade_flow partition; their
 * bilateral 4- and 2-digit sums go into a trade_flow_sum partition, and their totals and World records from
 * {@link FlowTotals} into a trade_fact partition.
 */
final class PartitionBuilder implements StageWriter.FlowTarget {
    private static final String INDEX_SQL = SqlText.load("partition-index.sql");
    private static final String WORLD_INDEX_SQL = SqlText.load("world-index.sql");
    private static final String FLOW_INDEX_SQL = SqlText.load("flow-partition-index.sql");
    private static final String AVAILABILITY_SQL = SqlText.load("availability.sql");
    private static final String SUMS_SQL = SqlText.load("flow-sums.sql");
    private static final String SUM_INDEX_SQL = SqlText.load("flow-sum-partition-index.sql");

    private final Connection connection;
    private final int datasetId;
    private final ImportSource.Shape shape;
    private final Progress progress;
    private final String flowClassification;
    private final Set<Integer> flowPartitions = new HashSet<>();
    /** Where a period's totals and sums are made beside this connection's work, or null to make them on it. */
    private final AsideTables aside;
    private long recordsStored;

    PartitionBuilder(Connection connection, int datasetId, ImportSource source, Progress progress, AsideTables aside) {
        this.connection = connection;
        this.aside = aside;
        this.datasetId = datasetId;
        this.shape = source.shape();
        this.flowClassification = source.flowClassification();
        this.progress = progress;
    }

    static String partitionPrefix(String table, int datasetId) {
        return table + "_d" + datasetId + "_p";
    }

    long recordsStored() {
        return recordsStored;
    }

    @Override
    public String copySql(int period) throws SQLException {
        String partition = partitionPrefix("trade_flow", datasetId) + period;
        if (flowPartitions.add(period)) {
            execute(create("trade_flow", partition, period));
        }
        return frozenCopy(partition, StageWriter.FLOW_COLUMNS, "binary");
    }

    void build(Set<Integer> periods, boolean unsorted, Map<Integer, FlowTotals> totals) throws SQLException {
        for (int period : periods) {
            if (shape == ImportSource.Shape.FLOWS) {
                buildFlows(period, unsorted, totals.get(period));
            } else {
                buildRecords(period);
            }
        }
        if (shape == ImportSource.Shape.RECORDS) {
            execute("TRUNCATE stage_fact");
        }
    }

    private void buildRecords(int period) throws SQLException {
        String partition = partitionPrefix("trade_fact", datasetId) + period;
        execute(create("trade_fact", partition, period));
        long rows;
        try (Statement st = connection.createStatement()) {
            rows = st.executeUpdate("INSERT INTO " + partition + " SELECT * FROM stage_fact WHERE period = " + period);
        }
        progress.step("period " + period + ": " + rows + " records, indexing");
        indexFacts(connection, partition, period);
        attach("trade_fact", partition, period);
        execute(AVAILABILITY_SQL.replace("{partition}", partition));
        recordsStored += rows;
    }

    /**
     * A period of flows: the totals and World records, and the bilateral sums, each a table of its own (made beside
     * on connections of their own when there are such, else here first), then the flows' index, then all three
     * attached. Sums of unsorted flows are summed in SQL from the indexed flows, here, the only connection that sees
     * them.
     */
    private void buildFlows(int period, boolean unsorted, FlowTotals periodTotals) throws SQLException {
        String facts = partitionPrefix("trade_fact", datasetId) + period;
        String sums = partitionPrefix("trade_flow_sum", datasetId) + period;
        Map<Integer, Long> perReporter = new HashMap<>();
        long[] rows = {0};
        boolean sumsFromFile = periodTotals.sums().usable();
        progress.step("period " + period + ": storing totals, World records and bilateral sums"
                + (aside == null ? "" : ", beside the flows' index"));
        made(facts, c -> rows[0] = storeFacts(c, facts, period, periodTotals, perReporter));
        if (sumsFromFile) {
            made(sums, c -> storeSums(c, sums, period, periodTotals.sums()));
        }
        progress.step("period " + period + ": indexing flows");
        attachFlows(period);
        if (!sumsFromFile) {
            storeSums(connection, sums, period, periodTotals.sums());
        }
        progress.step("period " + period + ": attaching totals, World records and bilateral sums");
        if (aside != null) {
            aside.await(facts);
            aside.await(sums);
        }
        attach("trade_fact", facts, period);
        attach("trade_flow_sum", sums, period);
        if (unsorted) {
            periodTotals.derivedFromSql(derivedCounts(period));
        }
        flowAvailability(period, periodTotals, perReporter);
        recordsStored += rows[0];
    }

    /** Makes a table with {@code work}: beside, on a connection of its own, when there are such; else here, now. */
    private void made(String table, AsideTables.Work work) throws SQLException {
        if (aside != null) {
            aside.start(table, work);
        } else {
            work.make(connection);
        }
    }

    /** The totals and World records of a period of flows, copied into a new table, indexed and analysed. */
    private long storeFacts(Connection c, String partition, int period, FlowTotals periodTotals,
                            Map<Integer, Long> perReporter) throws SQLException {
        execute(c, create("trade_fact", partition, period));
        long rows = copyTotals(c, partition, period, periodTotals, perReporter);
        indexFacts(c, partition, period);
        return rows;
    }

    private void indexFacts(Connection c, String partition, int period) throws SQLException {
        uniqueIndex(c, INDEX_SQL.replace("{partition}", partition), period);
        execute(c, WORLD_INDEX_SQL.replace("{partition}", partition));
        execute(c, "ANALYZE " + partition);
    }

    private void attachFlows(int period) throws SQLException {
        String partition = partitionPrefix("trade_flow", datasetId) + period;
        uniqueIndex(connection, FLOW_INDEX_SQL.replace("{partition}", partition), period);
        execute("ANALYZE " + partition);
        attach("trade_flow", partition, period);
    }

    /**
     * The bilateral 4- and 2-digit sums of the period's flows into a new table of trade_flow_sum's shape: copied
     * from the file written while sorted flows streamed, or summed in SQL from the flows just indexed (on the
     * import's connection, which sees them).
     */
    private void storeSums(Connection c, String partition, int period, BilateralSums sums) throws SQLException {
        execute(c, create("trade_flow_sum", partition, period));
        if (sums.usable()) {
            try (InputStream rows = sums.rows()) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn(frozenCopy(partition, BilateralSums.COLUMNS,
                        "binary"), rows, 1 << 16);
            } catch (IOException e) {
                throw new SQLException("copying the bilateral sums failed: " + e.getMessage(), e);
            }
        } else {
            List<Integer> levels = CommodityCatalog.levels(Classification.parse(flowClassification).orElseThrow());
            List<Integer> above = levels.subList(0, levels.size() - 1);
            execute(c, SUMS_SQL.replace("{partition}", partition)
                    .replace("{flows}", partitionPrefix("trade_flow", datasetId) + period)
                    .replace("{top}", String.valueOf(above.get(above.size() - 1)))
                    .replace("{lower}", above.subList(0, above.size() - 1).stream().map(String::valueOf)
                            .collect(Collectors.joining(",", "{", "}"))));
        }
        execute(c, SUM_INDEX_SQL.replace("{partition}", partition));
        execute(c, "ANALYZE " + partition);
    }

    /**
     * A table of {@code parent}'s shape whose check constraint is the partition's bound, so that attaching it reads
     * none of its rows.
     */
    private String create(String parent, String partition, int period) {
        return "CREATE TABLE " + partition + " (LIKE " + parent + " INCLUDING DEFAULTS, CHECK (period = " + period
                + " AND dataset_id = " + datasetId + "))";
    }

    /** COPY into a table made in this transaction: frozen, all-visible, no page for readers or vacuum to rewrite. */
    private static String frozenCopy(String table, String columns, String format) {
        return "COPY " + table + " (" + columns + ") FROM STDIN (FORMAT " + format + ", FREEZE)";
    }

    private long copyTotals(Connection c, String partition, int period, FlowTotals periodTotals,
                            Map<Integer, Long> perReporter) throws SQLException {
        FactRow row = new FactRow();
        row.px = flowClassification;
        row.period = period;
        row.freq = Period.frequency(period).code();
        long[] count = {0};
        String copy = frozenCopy(partition, StageWriter.RECORD_COLUMNS, "binary");
        try (CopyBinary out = new CopyBinary(new PGCopyOutputStream(c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn(copy), 1))) {
            periodTotals.emit(row, r -> {
                out.record(datasetId, r);
                perReporter.merge(r.reporter, 1L, Long::sum);
                count[0]++;
            });
        } catch (IOException | UncheckedIOException e) {
            throw new SQLException("copying the aggregates failed: " + e.getMessage(), e);
        }
        return count[0];
    }

    private void flowAvailability(int period, FlowTotals periodTotals, Map<Integer, Long> perReporter)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO stage_availability (type, freq, px,"
                + " reporter, period, record_count, is_partner_detail, from_flows) VALUES ('C', ?, ?, ?, ?, ?, true,"
                + " true)")) {
            for (int reporter : periodTotals.countries()) {
                ps.setString(1, String.valueOf(Period.frequency(period).code()));
                ps.setString(2, flowClassification);
                ps.setShort(3, (short) reporter);
                ps.setInt(4, period);
                ps.setLong(5, periodTotals.flowRecords(reporter) + perReporter.getOrDefault(reporter, 0L));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Bilateral 4- and 2-digit records per country, counted in SQL (input that was not sorted by pair). */
    private Map<Integer, Long> derivedCounts(int period) throws SQLException {
        Map<Integer, Long> counts = new HashMap<>();
        try (Statement st = connection.createStatement(); var rs = st.executeQuery("SELECT exporter, importer,"
                + " count(*) FROM " + partitionPrefix("trade_flow_sum", datasetId) + period
                + " GROUP BY exporter, importer")) {
            while (rs.next()) {
                counts.merge(rs.getInt(1), rs.getLong(3), Long::sum);
                counts.merge(rs.getInt(2), rs.getLong(3), Long::sum);
            }
        }
        return counts;
    }

    private static void uniqueIndex(Connection c, String sql, int period) throws SQLException {
        try {
            execute(c, sql);
        } catch (PSQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new ImportFailure("the input holds the same record twice (period " + period + "): "
                        + (e.getServerErrorMessage() == null ? e.getMessage()
                        : e.getServerErrorMessage().getDetail()), e);
            }
            throw e;
        }
    }

    private void attach(String table, String partition, int period) throws SQLException {
        execute("ALTER TABLE " + table + " ATTACH PARTITION " + partition + " FOR VALUES FROM (" + period + ", "
                + datasetId + ") TO (" + period + ", " + (datasetId + 1) + ")");
    }

    private void execute(String sql) throws SQLException {
        execute(connection, sql);
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
