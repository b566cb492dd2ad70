package org.tradegateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradegateway.support.Imports;
import org.tradegateway.support.Sql;
import org.tradegateway.support.TestDatabase;

/**
 * The totals and World records of flows, and their bilateral sums, stored on connections of their own beside the
 * import's transaction: the same rows as on the import's own connection, nothing left behind by an import that
 * fails after they were committed, and the tables of an import killed before its commit dropped by the next import.
 */
@QuarkusTest
class AsideTablesTest {
    /** Every table named like a partition of trade_fact or trade_flow_sum, attached or not. */
    private static final String TABLES = "SELECT count(*) FROM pg_class WHERE relkind = 'r'"
            + " AND (relname LIKE 'trade\\_flow\\_sum\\_d%' OR relname LIKE 'trade\\_fact\\_d%')";
    private static final String SUMS = "SELECT string_agg(concat_ws(' ', exporter, importer, level, product,"
            + " round(value), round(kg)), ',' ORDER BY exporter, importer, level, product) FROM trade_flow_sum"
            + " WHERE dataset_id = ";

    @TempDir
    Path temp;

    @AfterEach
    void cleanUp() throws Exception {
        Imports.dropNamed("BACI_HS17");
    }

    private Path sample() throws Exception {
        return Imports.baciSampleFile(temp);
    }

    private static final String FACTS = "SELECT string_agg(concat_ws(' ', reporter, flow, partner, aggr_level,"
            + " commodity, round(trade_value), round(net_weight)), ',' ORDER BY reporter, flow, partner, aggr_level,"
            + " commodity) FROM trade_fact WHERE dataset_id = ";

    @Test
    void shouldStoreTheSameRowsWithOrWithoutConnectionsAside() throws Exception {
        ImportResult beside = Imports.load(new BaciSource(sample(), null));
        String besideSums = Sql.text(SUMS + beside.datasetId());
        String besideFacts = Sql.text(FACTS + beside.datasetId());
        long besideAvailability = Sql.count("SELECT sum(record_count) FROM data_availability WHERE period = 2017"
                + " AND px = 'H5'");
        Imports.dropNamed("BACI_HS17");
        ImportResult alone;
        try (Connection c = TestDatabase.connect()) {
            alone = new FactLoader(c).load(new BaciSource(sample(), null), Progress.silent());
        }
        assertEquals(13, Sql.count("SELECT count(*) FROM trade_flow_sum WHERE dataset_id = " + alone.datasetId()));
        assertEquals(53, Sql.count("SELECT count(*) FROM trade_fact WHERE dataset_id = " + alone.datasetId()));
        assertEquals(besideSums, Sql.text(SUMS + alone.datasetId()));
        assertEquals(besideFacts, Sql.text(FACTS + alone.datasetId()));
        assertEquals(beside.recordsStored(), alone.recordsStored());
        assertEquals(besideAvailability, Sql.count("SELECT sum(record_count) FROM data_availability WHERE period ="
                + " 2017 AND px = 'H5'"));
    }

    @Test
    void shouldDropTheTablesOfAnImportThatFailsAfterTheyWereCommitted() throws Exception {
        long before = Sql.count(TABLES);
        // fails the import when it attaches them, once the two tables made beside it are committed
        PrintStream failing = new PrintStream(OutputStream.nullOutputStream()) {
            @Override
            public PrintStream printf(Locale locale, String format, Object... args) {
                if (String.valueOf(args[0]).contains("attaching")) {
                    long waited = 0;
                    while (Sql.count(TABLES) < before + 2 && waited < 20_000) {
                        sleep(50);
                        waited += 50;
                    }
                    assertEquals(before + 2, Sql.count(TABLES), "the tables beside were not committed");
                    throw new IllegalStateException("the attaching failed");
                }
                return this;
            }
        };
        long datasets = Sql.count("SELECT count(*) FROM dataset");
        try (Connection c = TestDatabase.connect()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new FactLoader(c,
                    TestDatabase::connect).load(new BaciSource(sample(), null), new Progress(failing, false, -1)));
            assertEquals("the attaching failed", e.getMessage());
        }
        assertEquals(before, Sql.count(TABLES), "the failed import left tables");
        assertEquals(datasets, Sql.count("SELECT count(*) FROM dataset"));
    }

    @Test
    void shouldDropTheTablesOfAnImportKilledBeforeItsCommit() throws Exception {
        Sql.execute("CREATE TABLE trade_flow_sum_d987654_p2017 (LIKE trade_flow_sum INCLUDING DEFAULTS)");
        Sql.execute("INSERT INTO trade_flow_sum_d987654_p2017 VALUES (987654, 2017, 'H5', 4, 12, 2, '13', 1, 1)");
        Sql.execute("CREATE TABLE trade_fact_d987654_p2017 (LIKE trade_fact INCLUDING DEFAULTS)");
        String left = "SELECT count(*) FROM pg_class WHERE relname IN ('trade_flow_sum_d987654_p2017',"
                + " 'trade_fact_d987654_p2017')";
        assertEquals(2, Sql.count(left));
        ImportResult result = Imports.load(new BaciSource(sample(), null));
        assertEquals(0, Sql.count(left));
        assertTrue(Sql.count("SELECT count(*) FROM trade_flow_sum WHERE dataset_id = " + result.datasetId()) > 0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
