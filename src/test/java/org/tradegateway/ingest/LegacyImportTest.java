package org.tradegateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.FileReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tradegateway.refs.Classification;
import org.tradegateway.support.Imports;
import org.tradegateway.support.SharedData;
import org.tradegateway.support.Sql;

/** Imports recorded legacy answers (JSON and CSV) and Comtrade+ bulk rows, and checks them against the files. */
@QuarkusTest
class LegacyImportTest {

    @AfterEach
    void cleanUp() throws Exception {
        Imports.dropNamed("api_get_");
        Imports.dropNamed("test3-query");
        Imports.dropNamed("bulk_final_");
    }

    @Test
    void shouldImportASavedJsonAnswerRecordForRecord() throws Exception {
        Path file = SharedData.path("data/samples/legacy/api_get_gbr_exports_world_2013_H0_AG4.json");
        JsonNode dataset = new ObjectMapper().readTree(file.toFile()).get("dataset");
        double expectedSum = 0;
        for (JsonNode r : dataset) {
            expectedSum += r.get("TradeValue").asDouble();
        }
        ImportResult result = Imports.load(new LegacyJsonSource(file, null));

        assertEquals(1206, dataset.size());
        assertEquals(1206, result.recordsStored());
        String ds = " WHERE dataset_id = " + result.datasetId();
        assertEquals(expectedSum, Sql.number("SELECT sum(trade_value) FROM trade_fact" + ds));
        assertEquals("H0|2013|826|0|2|4", Sql.text("SELECT string_agg(DISTINCT concat_ws('|', px, period, reporter,"
                + " partner, flow, aggr_level), ',') FROM trade_fact" + ds));
        String horses = "SELECT %s FROM trade_fact" + ds + " AND commodity = '0101'";
        assertEquals(432693842, Sql.number(horses.formatted("trade_value")));
        assertEquals(2280508, Sql.number(horses.formatted("net_weight")));
        assertEquals(6647, Sql.number(horses.formatted("trade_quantity")));
        assertEquals(5, Sql.number(horses.formatted("qt_code")));
        assertEquals(Double.NaN, Sql.number(horses.formatted("cif_value")));
        assertEquals(1206, Sql.count("SELECT record_count FROM data_availability WHERE dataset_id = "
                + result.datasetId()));
    }

    @Test
    void shouldImportAnHeadHCsvAnswerWithEditedHeadersAndMixedRevisions() throws Exception {
        Path file = SharedData.path("data/samples/legacy/api_get_fmt_csv_headH_all_reporters_2016_HS_cc01.csv");
        double expectedSum = 0;
        int rows = 0;
        try (CsvReader csv = new CsvReader(new FileReader(file.toFile(), StandardCharsets.UTF_8), ',')) {
            String[] header = csv.next();
            int value = java.util.Arrays.asList(header).indexOf("TradeValueUS");
            String[] r;
            while ((r = csv.next()) != null) {
                expectedSum += Double.parseDouble(r[value]);
                rows++;
            }
        }
        ImportResult result = Imports.load(new LegacyCsvSource(file, "legacy-csv", null));
        assertEquals(127, rows);
        assertEquals(127, result.recordsStored());
        String ds = " WHERE dataset_id = " + result.datasetId();
        assertEquals(expectedSum, Sql.number("SELECT sum(trade_value) FROM trade_fact" + ds));
        assertEquals("H2,H3,H4", Sql.text("SELECT string_agg(DISTINCT px, ',' ORDER BY px) FROM trade_fact" + ds));
        assertEquals("1,2,3,4", Sql.text("SELECT string_agg(DISTINCT flow::text, ',' ORDER BY flow::text) FROM trade_fact"
                + ds));
        assertEquals(91128858, Sql.number("SELECT trade_value FROM trade_fact" + ds
                + " AND reporter = 36 AND flow = 1 AND partner = 0 AND commodity = '01'"));
    }

    @Test
    void shouldImportA22ColumnCsvAnswerAndKeepItsCrlfAndQuotedNames() throws Exception {
        Path file = SharedData.path("comtrade-legacy-fixtures/api-get-csv-2015-trademap/test3-query6-UK-all-2012.csv");
        ImportResult result = Imports.load(new LegacyCsvSource(file, "legacy-csv", null));
        assertEquals(240, result.recordsStored());
        String ds = " WHERE dataset_id = " + result.datasetId();
        assertEquals(9771624118d, Sql.number("SELECT trade_value FROM trade_fact" + ds
                + " AND reporter = 826 AND partner = 0 AND flow = 2 AND commodity = '72'"));
        assertEquals(7530362198d, Sql.number("SELECT trade_value FROM trade_fact" + ds
                + " AND reporter = 826 AND partner = 0 AND flow = 1 AND commodity = '72'"));
        assertTrue(Sql.count("SELECT count(DISTINCT partner) FROM trade_fact" + ds) > 150);
    }

    @Test
    void shouldRefuseAnAnswerThatOverlapsAnotherDatasetAndNameIt() throws Exception {
        Imports.load(new LegacyCsvSource(SharedData.path(
                "comtrade-legacy-fixtures/api-get-csv-2015-trademap/test3-query6-UK-all-2012.csv"), "legacy-csv", null));
        ImportFailure failure = assertThrows(ImportFailure.class, () -> Imports.load(new LegacyCsvSource(SharedData.path(
                "comtrade-legacy-fixtures/api-get-csv-2015-trademap/test3-query4-UK-World-all-72.csv"), "legacy-csv",
                null)));
        assertTrue(failure.getMessage().contains("reporter 826, period 2012, classification H4 are already loaded"),
                failure.getMessage());
        assertEquals(0, Sql.count("SELECT count(*) FROM dataset WHERE name = 'test3-query4-UK-World-all-72.csv'"));
    }

    @Test
    void shouldRequireARevisionWhenTheAnswerSaysOnlyHs() throws Exception {
        Path file = java.nio.file.Files.createTempFile("api_get_hs", ".csv");
        java.nio.file.Files.writeString(file, "Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,"
                + "Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,"
                + "Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag\r\n"
                + "HS,2012,2012,2012,0,0,1,Import,826,United Kingdom,GBR,0,World,WLD,TOTAL,All Commodities,1,"
                + "No Quantity,,,100,0\r\n");
        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> Imports.load(new LegacyCsvSource(file, "legacy-csv", null)));
        assertTrue(e.getMessage().contains(":2: classification 'HS' names no revision"), e.getMessage());
        ImportResult result = Imports.load(new LegacyCsvSource(file, "legacy-csv", Classification.H4));
        assertEquals("H4", Sql.text("SELECT px FROM trade_fact WHERE dataset_id = " + result.datasetId()));
        Imports.dropNamed(file.getFileName().toString());
    }

    @Test
    void shouldMapComtradePlusBulkFinalRowsToLegacyCodes() throws Exception {
        Path file = SharedData.path("data/samples/comtradeplus/bulk_final_H0_2000_arg_sample.csv");
        double expectedSum = 0;
        try (CsvReader csv = new CsvReader(new FileReader(file.toFile(), StandardCharsets.UTF_8), ',')) {
            int value = java.util.Arrays.asList(csv.next()).indexOf("primary_value");
            String[] r;
            while ((r = csv.next()) != null) {
                expectedSum += Double.parseDouble(r[value]);
            }
        }
        ImportResult result = Imports.load(new ComtradePlusSource(file));
        assertEquals(100, result.recordsStored());
        String ds = " WHERE dataset_id = " + result.datasetId();
        assertEquals(expectedSum, Sql.number("SELECT sum(trade_value) FROM trade_fact" + ds), 1e-3);
        assertEquals(26341029193d, Sql.number("SELECT trade_value FROM trade_fact" + ds
                + " AND reporter = 32 AND partner = 0 AND flow = 2 AND commodity = 'TOTAL'"));
        assertEquals("||0|C|A|H0", Sql.text("SELECT DISTINCT concat_ws('|', customs, mot, coalesce(partner2, -1) + 1,"
                + " type, freq, px) FROM trade_fact" + ds));
    }
}
