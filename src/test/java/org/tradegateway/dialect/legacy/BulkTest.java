package org.tradegateway.dialect.legacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradegateway.support.Imports;

/** Bulk listing and ZIP downloads, with downloads open to every caller (trade.bulk.open). */
@QuarkusTest
@TestProfile(BulkTest.OpenBulk.class)
class BulkTest {
    /** Opens bulk downloads to guests. */
    public static class OpenBulk implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trade.bulk.open", "true");
        }
    }

    @TempDir
    Path temp;
    @jakarta.inject.Inject
    org.tradegateway.dialect.legacy.BulkSizes sizes;

    @BeforeEach
    void load() throws Exception {
        Imports.baciSample(temp);
    }

    @AfterEach
    void drop() throws Exception {
        Imports.dropNamed("BACI_HS17");
    }

    @Test
    void shouldListOneFilePerReporterAndPeriodInTheWordsClientsFilterOn() {
        given().get("/api/refs/da/bulk?type=C&freq=A&ps=2017").then().statusCode(200)
                .contentType("application/json; charset=utf-8")
                .body("r", containsInAnyOrder("4", "12", "36"))
                .body("type", everyItem(equalTo("COMMODITIES")))
                .body("freq", everyItem(equalTo("ANNUAL")))
                .body("find { it.r == '4' }.downloadUri", equalTo("/api/get/bulk/C/A/2017/4/H5"))
                .body("find { it.r == '4' }.name", matchesPattern(
                        "type-C_r-4_ps-2017_freq-A_px-H5_pub-20230101_fmt-csv_ex-\\d{8}\\.zip"))
                .body("find { it.r == '4' }.publicationDate", equalTo("2023-01-01T00:00:00"));
        // the words the listings answer with are accepted as filters, by both endpoints
        given().get("/api/refs/da/bulk?type=COMMODITIES&freq=ANNUAL&ps=2017").then().statusCode(200)
                .body("r", containsInAnyOrder("4", "12", "36"));
        given().get("/api/refs/da/view?type=commodities&freq=Annual&ps=2017").then().statusCode(200)
                .body("r", containsInAnyOrder("4", "12", "36"));
        given().get("/api/refs/da/bulk?type=SERVICES&ps=2017").then().statusCode(200).body("size()", equalTo(0));
        given().get("/api/refs/da/bulk?freq=MONTHLY").then().statusCode(200).body("size()", equalTo(0));
        given().get("/api/refs/da/bulk?ps=2018").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void shouldListTheExactSizeAndNameOfWhatTheDownloadSends() throws Exception {
        io.restassured.path.json.JsonPath listing = given().get("/api/refs/da/bulk?ps=2017").then().statusCode(200)
                .extract().jsonPath();
        for (String r : List.of("4", "12", "36")) {
            long size = listing.getLong("find { it.r == '" + r + "' }.filesize");
            String name = listing.getString("find { it.r == '" + r + "' }.name");
            io.restassured.response.Response download = given().get(listing.getString(
                    "find { it.r == '" + r + "' }.downloadUri"));
            assertEquals(200, download.statusCode());
            byte[] bytes = download.asByteArray();
            assertEquals(size, bytes.length, "filesize of reporter " + r);
            assertEquals(Long.toString(size), download.header("Content-Length"));
            assertEquals("attachment; filename=\"" + name + "\"", download.header("Content-Disposition"));
            unzip(bytes, name.replaceFirst("\\.zip$", "\\\\.csv"));
            // the same data gives the same bytes, under the same ETag; a current copy gets 304
            String etag = download.header("ETag");
            io.restassured.response.Response again = given().get(listing.getString(
                    "find { it.r == '" + r + "' }.downloadUri"));
            assertTrue(java.util.Arrays.equals(bytes, again.asByteArray()), "same bytes for reporter " + r);
            assertEquals(etag, again.header("ETag"));
            given().header("If-None-Match", etag).get("/api/get/bulk/C/A/2017/" + r + "/H5").then().statusCode(304);
        }
    }

    @Test
    void shouldMeasureEveryListedFileInTheBackground() throws Exception {
        org.tradegateway.support.Sql.execute("DELETE FROM bulk_file_size");
        sizes.measureAll().await().atMost(java.time.Duration.ofSeconds(60));
        assertEquals(3, org.tradegateway.support.Sql.count("SELECT count(*) FROM bulk_file_size WHERE reporter IN"
                + " (4, 12, 36) AND period = 2017 AND px = 'H5'"));
    }

    @Test
    void shouldMeasureAFileNotYetMeasuredWhileSendingItAndGiveItsLengthAfterwards() throws Exception {
        org.tradegateway.support.Sql.execute("DELETE FROM bulk_file_size");
        io.restassured.response.Response first = given().get("/api/get/bulk/C/A/2017/12/H5");
        assertEquals(200, first.statusCode());
        assertNull(first.header("Content-Length"), "sent chunked while measured");
        byte[] bytes = first.asByteArray();
        io.restassured.response.Response second = given().get("/api/get/bulk/C/A/2017/12/H5");
        assertEquals(Long.toString(bytes.length), second.header("Content-Length"));
        assertTrue(java.util.Arrays.equals(bytes, second.asByteArray()));
        assertEquals(bytes.length, given().get("/api/refs/da/bulk?r=12&ps=2017").then().statusCode(200).extract()
                .jsonPath().getLong("[0].filesize"));
    }

    private static List<String> unzip(byte[] zip, String expectedEntryPattern) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry = in.getNextEntry();
            assertTrue(entry.getName().matches(expectedEntryPattern), entry.getName());
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertNull(in.getNextEntry(), "one file per zip");
            assertTrue(text.startsWith("\uFEFF"), "byte-order mark");
            return List.of(text.substring(1).split("\r\n"));
        }
    }

    @Test
    void shouldZipEveryRecordOfTheReporterWithTheBulkHeader() throws Exception {
        byte[] zip = given().get("/api/get/bulk/C/A/2017/4/H5").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        List<String> lines = unzip(zip, "type-C_r-4_ps-2017_freq-A_px-H5_pub-\\d{8}_fmt-csv_ex-\\d{8}\\.csv");
        assertEquals("Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,"
                + "Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,"
                + "Qty Unit Code,Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag", lines.get(0));
        int count = given().get("/api/get?r=4&p=all&rg=all&cc=ALL&ps=2017&px=H5").then().extract().jsonPath()
                .getInt("validation.count.value");
        assertEquals(49, count);
        assertEquals(count, lines.size() - 1, "one CSV row per record the database holds for reporter 4");
        assertTrue(lines.contains("H5,2017,2017,2017,6,1,2,Export,4,Afghanistan,AFG,36,Australia,AUS,080620,"
                + "\"Fruit, edible; grapes, dried\",8,Weight in kilograms,56845,56845,48061,0"), String.join("\n", lines));

        byte[] all = given().get("/api/get/bulk/c/A/2017/all/HS").then().statusCode(200).extract().asByteArray();
        assertEquals(49 + 22 + 28, unzip(all, "type-C_r-all_.*").size() - 1);
    }

    @Test
    void shouldWriteServicesInTheEighteenColumnLayout() throws Exception {
        Path file = temp.resolve("services.csv");
        Files.writeString(file, "Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,"
                + "Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,"
                + "Commodity Code,Commodity,Trade Value (US$),Flag\r\n"
                + "EB,2016,2016,2016,0,0,2,Export,251,France,,0,World,,200,Total EBOPS 2002 Services,250000000000,0\r\n");
        Imports.load(new org.tradegateway.ingest.LegacyCsvSource(file, "comtrade-bulk", null));
        try {
            byte[] zip = given().get("/api/get/bulk/S/A/2016/251/EB02").then().statusCode(200).extract().asByteArray();
            List<String> lines = unzip(zip, "type-S_r-251_ps-2016_freq-A_px-EB02_.*");
            assertEquals("Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,"
                    + "Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,"
                    + "Commodity,Trade Value (US$),Flag", lines.get(0));
            assertEquals("EB,2016,2016,2016,0,0,2,Export,251,France,,0,World,,200,Total EBOPS 2002 Services,"
                    + "250000000000,0", lines.get(1));
        } finally {
            Imports.dropNamed("services.csv");
        }
    }

    @Test
    void shouldAnswer404ForAFileThatDoesNotExistAnd400ForNonsense() {
        given().get("/api/get/bulk/C/A/2018/4/H5").then().statusCode(404);
        given().get("/api/get/bulk/C/A/2017/8/H5").then().statusCode(404);
        given().get("/api/get/bulk/X/A/2017/4/H5").then().statusCode(400)
                .body(equalTo("type must be one of C, S, COMMODITIES, SERVICES, got 'X'\n"));
        given().get("/api/get/bulk/C/A/2017/<b>/H5").then().statusCode(400).contentType("text/plain; charset=utf-8")
                .body(equalTo("r must be a number, got '\\u003cb\\u003e'\n"));
    }
}
