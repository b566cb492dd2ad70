package org.tradegateway.dialect.legacy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradegateway.ingest.BaciSource;
import org.tradegateway.refs.ReferenceData;
import org.tradegateway.support.Imports;
import org.tradegateway.support.TestDatabase;

/**
 * An area that only the imported data names (a BACI release's country file brings a code the shipped list lacks)
 * is listed and queryable, at once after the import.
 */
@QuarkusTest
class ImportedAreasTest {
    private static final int CODE = 993;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    @TempDir
    Path temp;

    @AfterEach
    void drop() throws Exception {
        Imports.dropNamed("BACI_HS17_V202301_imported_area");
        try (java.sql.Connection c = TestDatabase.connect(); java.sql.Statement st = c.createStatement()) {
            st.execute("DELETE FROM area WHERE code = " + CODE); // the import added it; other tests name it anew
        }
    }

    @Test
    void shouldAnswerForAnAreaOnlyTheImportedDataNames() throws Exception {
        assertTrue(ReferenceData.get().area(CODE).isEmpty(), "the shipped list lacks the code");
        Path zip = temp.resolve("BACI_HS17_V202301_imported_area.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("country_codes_V202301.csv"));
            z.write(("country_code,country_name,country_iso2,country_iso3\n4,Afghanistan,AF,AFG\n"
                    + CODE + ",Testland,TL,TLD\n").getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("BACI_HS17_Y2017_V202301.csv"));
            z.write(("t,i,j,k,v,q\n2017," + CODE + ",4,130120,5.946,1.400\n2017,4," + CODE + ",130190,2.5,\n")
                    .getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        Imports.load(new BaciSource(zip, null));

        JsonNode reporters = MAPPER.readTree(given().get("/Data/cache/reporterAreas.json").then().statusCode(200)
                .extract().asString());
        boolean listed = false;
        for (JsonNode area : reporters.get("results")) {
            listed |= area.get("id").asText().equals(Integer.toString(CODE))
                    && area.get("text").asText().equals("Testland");
        }
        assertTrue(listed, "listed: " + reporters);
        JsonNode answer = MAPPER.readTree(given().urlEncodingEnabled(false)
                .get("/api/get?r=" + CODE + "&p=4&ps=2017&px=H5&rg=2&cc=130120").then().statusCode(200).extract()
                .asString());
        assertEquals(0, answer.at("/validation/status/value").asInt(), answer.toString());
        assertEquals(1, answer.get("dataset").size(), answer.toString());
        JsonNode row = answer.get("dataset").get(0);
        assertEquals(CODE, row.get("rtCode").asInt());
        assertEquals("Testland", row.get("rtTitle").asText());
        assertEquals(5946.0, row.get("TradeValue").asDouble(), 0.001);
        // as a partner too
        JsonNode imports = MAPPER.readTree(given().urlEncodingEnabled(false)
                .get("/api/get?r=4&p=" + CODE + "&ps=2017&px=H5&rg=2&cc=130190").then().statusCode(200).extract()
                .asString());
        assertEquals(1, imports.get("dataset").size(), imports.toString());
        assertEquals("Testland", imports.at("/dataset/0/ptTitle").asText());
        // a code nothing names is still refused
        String unknown = given().get("/api/get?r=997&p=4&ps=2017&px=H5").then().statusCode(200).extract().asString();
        assertTrue(unknown.contains("997 is an invalid reporter code."), unknown);
        assertFalse(unknown.contains("\"dataset\":[{"), unknown);
    }
}
