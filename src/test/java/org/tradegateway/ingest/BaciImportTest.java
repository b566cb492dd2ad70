package org.tradegateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradegateway.support.Imports;
import org.tradegateway.support.SharedData;
import org.tradegateway.support.Sql;

/**
 * Imports the real BACI head rows (BACI_HS17_V202301, 2017: Afghanistan's exports to Algeria and Australia) and
 * checks the derived legacy records against sums worked out by hand from the ten input lines.
 */
@QuarkusTest
class BaciImportTest {
    private static final String SAMPLE = "data/samples/baci/baci_HS17_V202301_Y2017_head.csv";

    @TempDir
    Path temp;

    @AfterEach
    void cleanUp() throws Exception {
        Imports.dropNamed("BACI_HS");
        Imports.dropNamed("baci_HS");
    }

    private Path sampleAs(String name) throws Exception {
        Path file = temp.resolve(name);
        Files.copy(SharedData.path(SAMPLE), file);
        return file;
    }

    @Test
    void shouldStoreBothReporterViewsAggregatesAndWorldForEachFlow() throws Exception {
        ImportResult result = Imports.load(new BaciSource(sampleAs("BACI_HS17_Y2017_V202301.csv"), null));

        assertFalse(result.unchanged());
        assertEquals(10, result.rowsRead());
        // 2 views x (pair AFG-DZA: 4 HS6 + 3 HS4 + 3 HS2 + TOTAL; pair AFG-AUS: 6 + 5 + 2 + 1)
        // + World rows: exporter AFG 10 + 8 + 5 + 1, importer DZA 4 + 3 + 3 + 1, importer AUS 6 + 5 + 2 + 1
        assertEquals(99, result.recordsStored());
        String ds = " AND dataset_id = " + result.datasetId();
        assertEquals(99, Sql.count("SELECT count(*) FROM trade_fact WHERE period = 2017" + ds));
        assertEquals(20, Sql.count("SELECT count(*) FROM trade_fact WHERE aggr_level = 6 AND partner <> 0" + ds));

        // 2017,4,36,080620,48.061,56.845 as Afghanistan's export and as Australia's import
        String grapes = "SELECT %s FROM trade_fact WHERE reporter = %d AND partner = %d AND flow = %d"
                + " AND commodity = '080620'" + ds;
        assertEquals(48061, Sql.number(grapes.formatted("trade_value", 4, 36, 2)));
        assertEquals(56845, Sql.number(grapes.formatted("net_weight", 4, 36, 2)));
        assertEquals(56845, Sql.number(grapes.formatted("trade_quantity", 4, 36, 2)));
        assertEquals(8, Sql.number(grapes.formatted("qt_code", 4, 36, 2)));
        assertEquals(48061, Sql.number(grapes.formatted("trade_value", 36, 4, 1)));
        assertEquals("H5", Sql.text(grapes.formatted("px", 36, 4, 1)));
        assertEquals("true", Sql.text(grapes.formatted("is_leaf::text", 36, 4, 1)));

        String total = "SELECT trade_value FROM trade_fact WHERE reporter = %d AND partner = %d AND flow = %d"
                + " AND commodity = '%s'" + ds;
        assertEquals(5946 + 5125 + 87 + 303, Sql.number(total.formatted(4, 12, 2, "TOTAL")));
        assertEquals(5946 + 5125 + 87 + 303, Sql.number(total.formatted(12, 4, 1, "TOTAL")));
        assertEquals(8354 + 4754, Sql.number(total.formatted(4, 36, 2, "0802")));
        assertEquals(8354 + 4754 + 1218 + 48061 + 13641, Sql.number(total.formatted(4, 36, 2, "08")));
        assertEquals(11461 + 3242 + 8354 + 4754 + 1218 + 48061 + 13641, Sql.number(total.formatted(4, 0, 2, "TOTAL")));
        assertEquals(3242 + 8354 + 4754 + 1218 + 48061 + 13641, Sql.number(total.formatted(36, 0, 1, "TOTAL")));
        assertEquals(1400 + 2320 + 2 + 19, Sql.number(
                "SELECT net_weight FROM trade_fact WHERE reporter = 4 AND partner = 12 AND commodity = 'TOTAL'" + ds));
        assertEquals(0, Sql.number("SELECT aggr_level FROM trade_fact WHERE reporter = 4 AND partner = 12"
                + " AND commodity = 'TOTAL'" + ds));
        assertEquals(1, Sql.number("SELECT qt_code FROM trade_fact WHERE reporter = 4 AND partner = 12"
                + " AND commodity = 'TOTAL'" + ds));

        assertEquals(3, Sql.count("SELECT count(*) FROM data_availability WHERE dataset_id = " + result.datasetId()));
        assertEquals(49, Sql.count("SELECT record_count FROM data_availability WHERE reporter = 4 AND period = 2017"
                + " AND px = 'H5'"));
        assertEquals("V202301", Sql.text("SELECT source_version FROM dataset WHERE id = " + result.datasetId()));
        assertEquals("2023-01-01", Sql.text("SELECT publication_date::text FROM data_availability WHERE reporter = 36"
                + " AND period = 2017 AND px = 'H5'"));
    }

    @Test
    void shouldDoNothingWhenTheSameFileIsImportedAgainAndReplaceWhenItChanged() throws Exception {
        Path file = sampleAs("BACI_HS17_Y2017_V202301.csv");
        ImportResult first = Imports.load(new BaciSource(file, null));
        ImportResult again = Imports.load(new BaciSource(file, null));
        assertTrue(again.unchanged());
        assertEquals(first.datasetId(), again.datasetId());
        assertEquals(99, Sql.count("SELECT count(*) FROM trade_fact WHERE period = 2017 AND px = 'H5'"));

        Files.writeString(file, "t,i,j,k,v,q\n2017,4,12,130120,1.000,\n", StandardCharsets.UTF_8);
        ImportResult replaced = Imports.load(new BaciSource(file, null));
        assertFalse(replaced.unchanged());
        // one flow: 2 views x (HS6, HS4, HS2, TOTAL) + World for exporter and importer x 4 levels
        assertEquals(16, Sql.count("SELECT count(*) FROM trade_fact WHERE period = 2017 AND px = 'H5'"));
        assertEquals(0, Sql.count("SELECT count(*) FROM dataset WHERE id = " + first.datasetId()));
        assertEquals(Double.NaN, Sql.number("SELECT net_weight FROM trade_fact WHERE reporter = 4 AND partner = 12"
                + " AND commodity = '130120' AND period = 2017"));
    }

    @Test
    void shouldReadAReleaseZipWithTheNewCountryCodesLayout() throws Exception {
        Path zip = temp.resolve("BACI_HS17_V202401b.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("BACI_HS17_Y2017_V202401b.csv"));
            out.write(Files.readAllBytes(SharedData.path(SAMPLE)));
            out.putNextEntry(new ZipEntry("country_codes_V202401b.csv"));
            out.write("country_code,country_name,country_iso2,country_iso3\n4,Afghanistan,AF,AFG\n996,Testland nes,,T96\n"
                    .getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("Readme.txt"));
            out.write("release notes".getBytes(StandardCharsets.UTF_8));
        }
        ImportResult result = Imports.load(new BaciSource(zip, null));
        assertEquals(99, result.recordsStored());
        assertEquals("Testland nes", Sql.text("SELECT name FROM area WHERE code = 996"));
        assertEquals("Afghanistan", Sql.text("SELECT name FROM area WHERE code = 4"));
        Imports.dropNamed("BACI_HS17_V202401b");
    }

    @Test
    void shouldTrimPaddedNumbersAndRestoreLeadingZeros() throws Exception {
        Path file = temp.resolve("BACI_HS22_Y2022_V202401b.csv");
        Files.writeString(file, "t,i,j,k,v,q\n2022,4,20,210610,        0.357,        0.002\n"
                + "2022,4,20,10121,       12.000,             \n", StandardCharsets.UTF_8);
        ImportResult result = Imports.load(new BaciSource(file, null));
        String ds = " AND dataset_id = " + result.datasetId();
        assertEquals(357, Sql.number("SELECT trade_value FROM trade_fact WHERE reporter = 4 AND flow = 2 AND partner = 20"
                + " AND commodity = '210610'" + ds));
        assertEquals(2, Sql.number("SELECT net_weight FROM trade_fact WHERE reporter = 4 AND flow = 2 AND partner = 20"
                + " AND commodity = '210610'" + ds));
        assertEquals(12000, Sql.number("SELECT trade_value FROM trade_fact WHERE reporter = 20 AND flow = 1"
                + " AND partner = 4 AND commodity = '010121'" + ds));
        assertEquals("H6", Sql.text("SELECT DISTINCT px FROM trade_fact WHERE true" + ds));
    }
}
