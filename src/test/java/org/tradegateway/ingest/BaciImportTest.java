package org.tradegateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradegateway.support.Imports;
import org.tradegateway.support.SharedData;
import org.tradegateway.support.Sql;
import org.tradegateway.support.TestDatabase;

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

    private static io.restassured.response.ValidatableResponse answer(String query) {
        return io.restassured.RestAssured.given().get("/api/get?ps=2017&px=H5&" + query).then().statusCode(200)
                .body("validation.status.value", org.hamcrest.Matchers.equalTo(0));
    }

    private static double value(String query, String field) {
        return answer(query + "&max=1").extract().jsonPath().getDouble("dataset[0]." + field);
    }

    /** The bilateral sums the ten sample flows give, by hand, in the order an import writes them. */
    private static final String SORTED_SUMS = String.join("\n",
            "4 12 2 13 11071 3720", "4 12 2 40 87 2", "4 12 2 85 303 19",
            "4 12 4 1301 11071 3720", "4 12 4 4010 87 2", "4 12 4 8538 303 19",
            "4 36 2 07 3242 2446", "4 36 2 08 76028 78671",
            "4 36 4 0713 3242 2446", "4 36 4 0802 13108 3254", "4 36 4 0804 1218 1547",
            "4 36 4 0806 48061 56845", "4 36 4 0813 13641 17025");

    /** The stored bilateral sums of a dataset in physical order, as "exporter importer level code value kg". */
    private static String sums(int datasetId) throws Exception {
        return Sql.text("SELECT string_agg(concat_ws(' ', exporter, importer, level, product, round(value),"
                + " round(kg)), E'\\n' ORDER BY ctid) FROM trade_flow_sum WHERE dataset_id = " + datasetId);
    }

    /**
     * Each flow stored as read: a value with a fraction of a dollar, a missing quantity as null, a product with a
     * leading zero, a value above 2^31 dollars, a padded exporter, a quoted product, a year written "2017.0".
     */
    @Test
    void shouldStoreEachFlowExactlyAsRead() throws Exception {
        Path file = temp.resolve("BACI_HS17_Y2017_V202301.csv");
        Files.writeString(file, "t,i,j,k,v,q\n"
                + "2017,4,12,10121,1.2345,NA\n"
                + "2017,4,12,010129,0.001,0.0005\n"
                + "2017,4,36,020110,123456789.123,17.25\n"
                + "2017, 4 ,36,\"020130\",2.5,1\n"
                + "2017.0,4,36,020140,3,\n", StandardCharsets.US_ASCII);
        ImportResult result = Imports.load(new BaciSource(file, null));
        assertEquals("4 12 H5 010121 1234.5 null; 4 12 H5 010129 1 0.5; 4 36 H5 020110 123456789123 17250;"
                + " 4 36 H5 020130 2500 1000; 4 36 H5 020140 3000 null",
                Sql.text("SELECT string_agg(concat_ws(' ', exporter, importer, px, product, value,"
                        + " coalesce(kg::text, 'null')), '; ' ORDER BY product) FROM trade_flow WHERE dataset_id = "
                        + result.datasetId() + " AND period = 2017"));
    }

    /**
     * The flows, their sums and their records go in frozen, with every page marked all-visible (ANALYZE, run by
     * the import, reads the count from the visibility map): no reader after the commit has pages to write back.
     * Made beside the import's transaction or on its connection alone.
     */
    @Test
    void shouldStoreEveryPageOfAYearAllVisible() throws Exception {
        Path file = sampleAs("BACI_HS17_Y2017_V202301.csv");
        ImportResult beside = Imports.load(new BaciSource(file, null));
        assertEquals("trade_fact 1/1, trade_flow 1/1, trade_flow_sum 1/1", pages(beside.datasetId()));
        Imports.dropNamed("BACI_HS17");
        ImportResult alone;
        try (Connection c = TestDatabase.connect()) {
            alone = new FactLoader(c).load(new BaciSource(file, null), Progress.silent());
        }
        assertEquals("trade_fact 1/1, trade_flow 1/1, trade_flow_sum 1/1", pages(alone.datasetId()));
    }

    /** "table all-visible/pages" for each table of a dataset's 2017 partitions, by table. */
    private static String pages(int datasetId) throws Exception {
        return Sql.text("SELECT string_agg(substring(relname FROM '^(.*)_d[0-9]+_p') || ' ' || relallvisible || '/'"
                + " || relpages, ', ' ORDER BY relname) FROM pg_class WHERE relkind = 'r' AND relname ~ '_d"
                + datasetId + "_p2017$'");
    }

    @Test
    void shouldServeBothReporterViewsAggregatesAndWorldForEachFlow() throws Exception {
        ImportResult result = Imports.load(new BaciSource(sampleAs("BACI_HS17_Y2017_V202301.csv"), null));

        assertFalse(result.unchanged());
        assertEquals(10, result.rowsRead());
        // stored: World rows of exporter AFG (10 HS6 + 8 HS4 + 5 HS2 + TOTAL), importers DZA (4 + 3 + 3 + 1) and
        // AUS (6 + 5 + 2 + 1), and the TOTAL of the 2 pairs in both views; the 10 flows go to trade_flow
        assertEquals(53, result.recordsStored());
        String ds = " WHERE dataset_id = " + result.datasetId();
        assertEquals(53, Sql.count("SELECT count(*) FROM trade_fact" + ds));
        assertEquals(10, Sql.count("SELECT count(*) FROM trade_flow" + ds));
        // the bilateral sums stored beside the flows: AFG-DZA 3 HS4 + 3 HS2, AFG-AUS 5 HS4 + 2 HS2
        assertEquals(13, Sql.count("SELECT count(*) FROM trade_flow_sum" + ds));
        assertEquals(SORTED_SUMS, sums(result.datasetId()));

        // 2017,4,36,080620,48.061,56.845 as Afghanistan's export and as Australia's import
        assertEquals(48061, value("r=4&p=36&rg=2&cc=080620", "TradeValue"));
        assertEquals(56845, value("r=4&p=36&rg=2&cc=080620", "NetWeight"));
        assertEquals(56845, value("r=4&p=36&rg=2&cc=080620", "TradeQuantity"));
        assertEquals(8, value("r=4&p=36&rg=2&cc=080620", "qtCode"));
        assertEquals(48061, value("r=36&p=4&rg=1&cc=080620", "TradeValue"));
        assertEquals(48061, value("r=36&p=4&rg=1&cc=080620", "FOBValue"));
        answer("r=36&p=4&rg=1&cc=080620").body("dataset[0].pfCode", org.hamcrest.Matchers.equalTo("H5"))
                .body("dataset[0].IsLeaf", org.hamcrest.Matchers.equalTo(1))
                .body("dataset[0].rgDesc", org.hamcrest.Matchers.equalTo("Import"));

        assertEquals(5946 + 5125 + 87 + 303, value("r=4&p=12&rg=2&cc=TOTAL", "TradeValue"));
        assertEquals(5946 + 5125 + 87 + 303, value("r=12&p=4&rg=1&cc=TOTAL", "TradeValue"));
        assertEquals(8354 + 4754, value("r=4&p=36&rg=2&cc=0802", "TradeValue"));
        assertEquals(2194 + 1060, value("r=36&p=4&rg=1&cc=0802", "NetWeight"));
        assertEquals(8354 + 4754 + 1218 + 48061 + 13641, value("r=4&p=36&rg=2&cc=08", "TradeValue"));
        assertEquals(11461 + 3242 + 8354 + 4754 + 1218 + 48061 + 13641, value("r=4&p=0&rg=2&cc=TOTAL", "TradeValue"));
        assertEquals(3242 + 8354 + 4754 + 1218 + 48061 + 13641, value("r=36&p=0&rg=1&cc=TOTAL", "TradeValue"));
        assertEquals(1400 + 2320 + 2 + 19, value("r=4&p=12&rg=2&cc=TOTAL", "NetWeight"));
        assertEquals(0, value("r=4&p=12&rg=2&cc=TOTAL", "aggrLevel"));
        assertEquals(1, value("r=4&p=12&rg=2&cc=TOTAL", "qtCode"));
        answer("r=4&p=12&rg=2&cc=AG4").body("dataset.cmdCode", org.hamcrest.Matchers.contains("1301", "4010", "8538"));

        // every record of each reporter: stored and derived, both directions
        answer("r=4&p=all&rg=all&cc=ALL").body("validation.count.value", org.hamcrest.Matchers.equalTo(49));
        answer("r=12&p=all&rg=all&cc=ALL").body("validation.count.value", org.hamcrest.Matchers.equalTo(22));
        answer("r=36&p=all&rg=all&cc=ALL").body("validation.count.value", org.hamcrest.Matchers.equalTo(28));
        assertEquals(3, Sql.count("SELECT count(*) FROM data_availability WHERE dataset_id = " + result.datasetId()));
        assertEquals(49, Sql.count("SELECT record_count FROM data_availability WHERE reporter = 4 AND period = 2017"
                + " AND px = 'H5'"));
        assertEquals(28, Sql.count("SELECT record_count FROM data_availability WHERE reporter = 36 AND period = 2017"
                + " AND px = 'H5'"));
        assertEquals("V202301", Sql.text("SELECT source_version FROM dataset WHERE id = " + result.datasetId()));
        assertEquals("2023-01-01", Sql.text("SELECT publication_date::text FROM data_availability WHERE reporter = 36"
                + " AND period = 2017 AND px = 'H5'"));
    }

    @Test
    void shouldCountTheSameRecordsWhenTheFlowsComeUnsorted() throws Exception {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(SharedData.path(SAMPLE)));
        String header = lines.remove(0);
        java.util.Collections.reverse(lines);
        Path file = temp.resolve("BACI_HS17_Y2017_V202301.csv");
        Files.write(file, java.util.stream.Stream.concat(java.util.stream.Stream.of(header), lines.stream()).toList());
        ImportResult result = Imports.load(new BaciSource(file, null));
        assertEquals(53, result.recordsStored());
        assertEquals(49, Sql.count("SELECT record_count FROM data_availability WHERE reporter = 4 AND period = 2017"));
        assertEquals(22, Sql.count("SELECT record_count FROM data_availability WHERE reporter = 12 AND period = 2017"));
        assertEquals(8354 + 4754 + 1218 + 48061 + 13641, value("r=36&p=4&rg=1&cc=08", "TradeValue"));
        // summed in SQL after the copy instead of while streaming: the same rows, in the same physical order
        assertEquals(SORTED_SUMS, sums(result.datasetId()));
    }

    @Test
    void shouldDoNothingWhenTheSameFileIsImportedAgainAndReplaceWhenItChanged() throws Exception {
        Path file = sampleAs("BACI_HS17_Y2017_V202301.csv");
        ImportResult first = Imports.load(new BaciSource(file, null));
        ImportResult again = Imports.load(new BaciSource(file, null));
        assertTrue(again.unchanged());
        assertEquals(first.datasetId(), again.datasetId());
        assertEquals(53, Sql.count("SELECT count(*) FROM trade_fact WHERE period = 2017 AND px = 'H5'"));

        Files.writeString(file, "t,i,j,k,v,q\n2017,4,12,130120,1.000,\n", StandardCharsets.UTF_8);
        ImportResult replaced = Imports.load(new BaciSource(file, null));
        assertFalse(replaced.unchanged());
        // one flow: World for exporter and importer at 4 levels, the pair's TOTAL in 2 views
        assertEquals(10, Sql.count("SELECT count(*) FROM trade_fact WHERE period = 2017 AND px = 'H5'"));
        assertEquals(1, Sql.count("SELECT count(*) FROM trade_flow WHERE period = 2017 AND px = 'H5'"));
        assertEquals(0, Sql.count("SELECT count(*) FROM dataset WHERE id = " + first.datasetId()));
        assertEquals(Double.NaN, Sql.number("SELECT kg FROM trade_flow WHERE exporter = 4 AND importer = 12"
                + " AND product = '130120' AND period = 2017"));
        answer("r=12&p=4&rg=1&cc=130120").body("dataset[0].NetWeight", org.hamcrest.Matchers.nullValue());
        assertEquals(1, value("r=12&p=4&rg=1&cc=130120", "qtCode"));
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
        assertEquals(53, result.recordsStored());
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
        assertEquals(357, Sql.number("SELECT value FROM trade_flow WHERE exporter = 4 AND importer = 20"
                + " AND product = '210610'" + ds));
        assertEquals(2, Sql.number("SELECT kg FROM trade_flow WHERE exporter = 4 AND importer = 20"
                + " AND product = '210610'" + ds));
        assertEquals(12000, Sql.number("SELECT value FROM trade_flow WHERE exporter = 4 AND importer = 20"
                + " AND product = '010121'" + ds));
        assertEquals("H6", Sql.text("SELECT DISTINCT px FROM trade_fact WHERE true" + ds));
    }
}
