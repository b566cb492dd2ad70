package org.tradegateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.tradegateway.support.Sql;

/** Legacy bulk files (zipped, UTF-8 with BOM, 18 columns for services) and head=M answers. */
@QuarkusTest
class BulkFileImportTest {
    @TempDir
    Path temp;

    @AfterEach
    void cleanUp() throws Exception {
        Imports.dropNamed("type-");
        Imports.dropNamed("answer-");
    }

    @Test
    void shouldImportAZippedServicesBulkFileWithItsByteOrderMark() throws Exception {
        String csv = "\uFEFFClassification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,"
                + "Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,"
                + "Commodity,Trade Value (US$),Flag\r\n"
                + "EB,2016,2016,2016,0,0,2,Export,251,France,,0,World,,200,Total EBOPS 2002 Services,2.5E11,0\r\n"
                + "EB,2016,2016,2016,1,0,2,Export,251,France,,0,World,,205,Transportation,\"40000000000\",0\r\n";
        Path zip = temp.resolve("type-S_r-251_ps-2016_freq-A_px-EB02_pub-20170901_fmt-csv_ex-20171001.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("type-S_r-251_ps-2016_freq-A_px-EB02_pub-20170901_fmt-csv_ex-20171001.csv"));
            out.write(csv.getBytes(StandardCharsets.UTF_8));
        }
        ImportResult result = Imports.load(new LegacyCsvSource(zip, "comtrade-bulk", null));
        assertEquals(2, result.recordsStored());
        String ds = " WHERE dataset_id = " + result.datasetId();
        assertEquals("S|A|EB02", Sql.text("SELECT DISTINCT concat_ws('|', type, freq, px) FROM trade_fact" + ds));
        assertEquals(2.5e11, Sql.number("SELECT trade_value FROM trade_fact" + ds + " AND commodity = '200'"));
        assertEquals(4e10, Sql.number("SELECT trade_value FROM trade_fact" + ds + " AND commodity = '205'"));
        assertEquals(Double.NaN, Sql.number("SELECT net_weight FROM trade_fact" + ds + " AND commodity = '205'"));
        assertEquals(1, Sql.count("SELECT qt_code FROM trade_fact" + ds + " AND commodity = '205'"));
    }

    @Test
    void shouldImportAnAnswerWithMachineHeadings() throws Exception {
        Path file = temp.resolve("answer-head-m.csv");
        Files.writeString(file, "pfCode,yr,period,periodDesc,aggrLevel,IsLeaf,rgCode,rgDesc,rtCode,rtTitle,rt3ISO,"
                + "ptCode,ptTitle,pt3ISO,ptCode2,ptTitle2,pt3ISO2,cstCode,cstDesc,motCode,motDesc,cmdCode,cmdDescE,"
                + "qtCode,qtDesc,qtAltCode,qtAltDesc,TradeQuantity,AltQuantity,NetWeight,GrossWeight,TradeValue,"
                + "CIFValue,FOBValue,estCode\r\n"
                + "H4,2014,2014,2014,6,1,1,Import,76,Brazil,BRA,32,Argentina,ARG,,,,,,,,010121,Horses,5,Number of items,"
                + ",,12,,5000,,123456,130000,,0\r\n");
        ImportResult result = Imports.load(new LegacyCsvSource(file, "legacy-csv", null));
        String ds = " WHERE dataset_id = " + result.datasetId();
        assertEquals(1, result.recordsStored());
        assertEquals(123456, Sql.number("SELECT trade_value FROM trade_fact" + ds));
        assertEquals(130000, Sql.number("SELECT cif_value FROM trade_fact" + ds));
        assertEquals(12, Sql.number("SELECT trade_quantity FROM trade_fact" + ds));
        assertEquals("H4|76|1|32|010121|6|t", Sql.text("SELECT concat_ws('|', px, reporter, flow, partner, commodity,"
                + " aggr_level, is_leaf) FROM trade_fact" + ds));
    }
}
