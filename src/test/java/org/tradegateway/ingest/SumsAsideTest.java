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
 * The bilateral sums of flows stored on a second connection beside the import's transaction: the same rows as on
 * the import's own connection, nothing left behind by an import that fails after they were committed, and the
 * table of an import killed before its commit dropped by the next import.
 */
@QuarkusTest
class SumsAsideTest {
    /** Every table named like a partition of trade_flow_sum, attached or not. */
    private static final String SUMS_TABLES = "SELECT count(*) FROM pg_class WHERE relkind = 'r'"
            + " AND relname LIKE 'trade\\_flow\\_sum\\_d%'";
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

    @Test
    void shouldStoreTheSameSumsWithOrWithoutASecondConnection() throws Exception {
        ImportResult beside = Imports.load(new BaciSource(sample(), null));
        String besideSums = Sql.text(SUMS + beside.datasetId());
        Imports.dropNamed("BACI_HS17");
        ImportResult alone;
        try (Connection c = TestDatabase.connect()) {
            alone = new FactLoader(c).load(new BaciSource(sample(), null), Progress.silent());
        }
        assertEquals(13, Sql.count("SELECT count(*) FROM trade_flow_sum WHERE dataset_id = " + alone.datasetId()));
        assertEquals(besideSums, Sql.text(SUMS + alone.datasetId()));
    }

    @Test
    void shouldDropTheSumsOfAnImportThatFailsAfterTheyWereCommitted() throws Exception {
        long before = Sql.count(SUMS_TABLES);
        // fails the import at its totals step, once the sums table beside it is committed
        PrintStream failing = new PrintStream(OutputStream.nullOutputStream()) {
            @Override
            public PrintStream printf(Locale locale, String format, Object... args) {
                if (String.valueOf(args[0]).contains("storing totals")) {
                    long waited = 0;
                    while (Sql.count(SUMS_TABLES) == before && waited < 20_000) {
                        sleep(50);
                        waited += 50;
                    }
                    assertEquals(before + 1, Sql.count(SUMS_TABLES), "no sums table was committed beside");
                    throw new IllegalStateException("the totals failed");
                }
                return this;
            }
        };
        long datasets = Sql.count("SELECT count(*) FROM dataset");
        try (Connection c = TestDatabase.connect()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new FactLoader(c,
                    TestDatabase::connect).load(new BaciSource(sample(), null), new Progress(failing, false, -1)));
            assertEquals("the totals failed", e.getMessage());
        }
        assertEquals(before, Sql.count(SUMS_TABLES), "the failed import left its sums table");
        assertEquals(datasets, Sql.count("SELECT count(*) FROM dataset"));
    }

    @Test
    void shouldDropTheSumsTableOfAnImportKilledBeforeItsCommit() throws Exception {
        Sql.execute("CREATE TABLE trade_flow_sum_d987654_p2017 (LIKE trade_flow_sum INCLUDING DEFAULTS)");
        Sql.execute("INSERT INTO trade_flow_sum_d987654_p2017 VALUES (987654, 2017, 'H5', 4, 12, 2, '13', 1, 1)");
        assertEquals(1, Sql.count("SELECT count(*) FROM pg_class WHERE relname = 'trade_flow_sum_d987654_p2017'"));
        ImportResult result = Imports.load(new BaciSource(sample(), null));
        assertEquals(0, Sql.count("SELECT count(*) FROM pg_class WHERE relname = 'trade_flow_sum_d987654_p2017'"));
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
