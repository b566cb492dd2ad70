package org.tradegateway.dialect.plus;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradegateway.ingest.synthetic.GeneratorSource;
import org.tradegateway.ingest.synthetic.GeneratorSource.GeneratorSettings;
import org.tradegateway.refs.Classification;
import org.tradegateway.support.Accounts;
import org.tradegateway.support.Imports;
import org.tradegateway.support.Sql;

/**
 * Comtrade+ bulk files over generated data: the listing as comtradeapicall and comtradr read it, and each file
 * downloaded from its {@code fileUrl} as gzip TSV with upstream's 34 columns, its records those the store holds.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlusBulkTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private String key;

    @BeforeAll
    void load() throws Exception {
        Imports.load(new GeneratorSource(new GeneratorSettings(2045, 2045, 3_000, Classification.H5, 9)));
        key = Accounts.create("bulk-client", null, null, "");
    }

    @AfterAll
    void drop() throws Exception {
        Imports.dropNamed("synthetic-H5-2045");
        Accounts.deleteAll();
    }

    private JsonNode listing(String query) throws Exception {
        Response r = given().get("/bulk/v1/get/C/A/HS?" + query + "&subscription-key=" + key);
        assertEquals(200, r.statusCode(), r.asString());
        return MAPPER.readTree(r.asString());
    }

    @Test
    void shouldListAFilePerReporterAndPeriodAndSendItAsGzipTsv() throws Exception {
        JsonNode listed = listing("reporterCode=842&period=2045");
        assertEquals(1, listed.get("count").asInt(), listed.toString());
        JsonNode file = listed.at("/data/0");
        assertEquals(List.of("fileUrl", "fileSize", "isOriginalClassification", "reporterCode", "freqCode",
                "typeCode", "classificationCode", "refPeriodId", "period", "publicationDate", "partitionKey", "rowKey",
                "timestamp", "eTag"), fieldNames(file));
        assertEquals("H5", file.get("classificationCode").asText());
        assertEquals(204501, file.get("refPeriodId").asInt());
        String url = file.get("fileUrl").asText();
        assertTrue(url.matches("https?://[^/]+/bulk/v1/file/842/" + file.get("rowKey").asText()), url);
        assertTrue(file.get("fileSize").asText().matches("\\d+\\.\\d\\d (KB|MB)"), file.toString());

        Response download = given().urlEncodingEnabled(false).get(url.substring(url.indexOf("/bulk/"))
                + "?format=json&subscription-key=" + key);
        assertEquals(200, download.statusCode());
        assertEquals("application/TSV", download.contentType());
        assertEquals("attachment; filename=\"C/A/842/C_A_842_204501_H5_O.txt.gz\"",
                download.header("Content-Disposition"));
        byte[] gz = download.asByteArray();
        assertEquals(0x1f, gz[0] & 0xff);
        assertEquals(0x8b, gz[1] & 0xff);
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                new ByteArrayInputStream(gz)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                rows.add(line.split("\t", -1));
            }
        }
        assertEquals(String.join(",", PlusBulk.COLUMNS), String.join(",", rows.get(0)));
        long records = Sql.count("SELECT record_count FROM data_availability WHERE reporter = 842 AND period = 2045"
                + " AND px = 'H5' AND freq = 'A'");
        assertEquals(records, rows.size() - 1, "every record of the reporter-period");
        List<String> header = List.of(rows.get(0));
        long exports = Math.round(Sql.number("SELECT sum(value) FROM trade_flow WHERE period = 2045 AND exporter = 842"));
        String[] total = rows.stream().filter(r -> r.length == 34 && r[header.indexOf("flowCode")].equals("X")
                && r[header.indexOf("partnerCode")].equals("0") && r[header.indexOf("cmdCode")].equals("TOTAL"))
                .findFirst().orElseThrow();
        assertEquals(Long.toString(exports), total[header.indexOf("primaryValue")]);
        assertEquals("H5", total[header.indexOf("classificationCode")]);
        assertEquals("0", total[header.indexOf("isQtyEstimated")]);
        // generated flows are reconciled, not declared; the World total is added up from them, an HS6 flow is not
        assertEquals("0", total[header.indexOf("isReported")]);
        assertEquals("1", total[header.indexOf("isAggregate")]);
        String[] flow = rows.stream().filter(r -> r.length == 34 && r[header.indexOf("cmdCode")].length() == 6
                && !r[header.indexOf("partnerCode")].equals("0")).findFirst().orElseThrow();
        assertEquals("0", flow[header.indexOf("isReported")]);
        assertEquals("0", flow[header.indexOf("isAggregate")]);
        // the estimate of fileSize is within a factor of two of the bytes sent
        double estimate = records * PlusBulkResource.BYTES_PER_RECORD;
        assertTrue(estimate > gz.length / 2.0 && estimate < gz.length * 2.0, estimate + " for " + gz.length
                + " bytes, " + (double) gz.length / records + " a record");
    }

    @Test
    void shouldListTheSameFilesAsClassicOnes() throws Exception {
        JsonNode listed = listing("reporterCode=842&period=2045").at("/data/0");
        Response r = given().get("/bulk/v1/getClassic/C/A/HS?reporterCode=842&period=2045&subscription-key=" + key);
        assertEquals(200, r.statusCode(), r.asString());
        JsonNode classic = MAPPER.readTree(r.asString()).at("/data/0");
        String url = classic.get("fileUrl").asText();
        assertTrue(url.matches("https?://[^/]+/bulk/v1/fileClassic/842/" + listed.get("rowKey").asText()), url);
        assertEquals(listed.get("rowKey"), classic.get("rowKey"));
        assertEquals(listed.get("fileSize"), classic.get("fileSize"));
        String finalUrl = listed.get("fileUrl").asText();
        byte[] a = given().get(finalUrl.substring(finalUrl.indexOf("/bulk/")) + "?subscription-key=" + key)
                .asByteArray();
        byte[] b = given().get(url.substring(url.indexOf("/bulk/")) + "?subscription-key=" + key).asByteArray();
        assertEquals(gunzip(a), gunzip(b));
        assertTrue(gunzip(b).length() > 1000);
        assertEquals(401, given().get("/bulk/v1/getClassic/C/A/HS?reporterCode=842").statusCode());
    }

    private static String gunzip(byte[] gz) throws Exception {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldAskForAKeyAndAnswerAFileNoLongerListedWith404() throws Exception {
        assertEquals(401, given().get("/bulk/v1/get/C/A/HS?reporterCode=842").statusCode());
        String url = listing("reporterCode=842&period=2045").at("/data/0/fileUrl").asText();
        String path = url.substring(url.indexOf("/bulk/"));
        assertEquals(401, given().get(path).statusCode());
        Response gone = given().get(path.substring(0, path.length() - 4) + "0000?subscription-key=" + key);
        assertEquals(404, gone.statusCode());
        assertEquals(404, MAPPER.readTree(gone.asString()).get("statusCode").asInt());
        assertEquals(0, listing("reporterCode=842&period=2045&publishedDateFrom=2999-01-01").get("count").asInt());
        assertTrue(listing("period=2045").get("count").asInt() > 100, "every reporter of the generated year");
    }

    @Test
    void shouldSayInTheDataRecordsWhatWasAddedUp() throws Exception {
        JsonNode data = MAPPER.readTree(given().get("/data/v1/get/C/A/HS?reporterCode=842&period=2045&flowCode=X"
                + "&partnerCode=0&cmdCode=TOTAL,AG6&maxRecords=5&subscription-key=" + key).asString()).get("data");
        JsonNode bilateral = MAPPER.readTree(given().get("/data/v1/get/C/A/HS?reporterCode=842&period=2045"
                + "&flowCode=X&partnerCode=124&cmdCode=AG6&maxRecords=1&subscription-key=" + key).asString())
                .at("/data/0");
        assertTrue(data.size() > 1, data.toString());
        data.forEach(r -> {
            assertEquals(false, r.get("isReported").asBoolean(), r.toString());
            assertEquals(true, r.get("isAggregate").asBoolean(), "World rows are sums of flows: " + r);
        });
        assertEquals(false, bilateral.get("isReported").asBoolean(), bilateral.toString());
        assertEquals(false, bilateral.get("isAggregate").asBoolean(), bilateral.toString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
