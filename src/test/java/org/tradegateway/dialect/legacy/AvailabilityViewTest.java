package org.tradegateway.dialect.legacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradegateway.ingest.BaciSource;
import org.tradegateway.support.Imports;
import org.tradegateway.support.SharedData;

/** /api/refs/da/view reflects exactly what is loaded, at once. */
@QuarkusTest
class AvailabilityViewTest {
    @TempDir
    Path temp;

    @AfterEach
    void cleanUp() throws Exception {
        Imports.dropNamed("BACI_HS17");
    }

    private void importSample() throws Exception {
        Path file = temp.resolve("BACI_HS17_Y2017_V202301.csv");
        Files.copy(SharedData.path("data/samples/baci/baci_HS17_V202301_Y2017_head.csv"), file);
        Imports.load(new BaciSource(file, null));
    }

    @Test
    void shouldAnswerTheNoDataRecordWhenNothingIsLoaded() {
        given().get("/api/refs/da/view?type=C&freq=A&r=4&ps=2017&px=HS").then().statusCode(200)
                .contentType("application/json; charset=utf-8")
                .body("size()", equalTo(1)).body("[0].type", nullValue()).body("[0].TotalRecords", equalTo(0))
                .body("[0].isPartnerDetail", equalTo(0));
    }

    @Test
    void shouldListAnImportAtOnceAndForgetItWhenDropped() throws Exception {
        importSample();
        given().get("/api/refs/da/view?type=C&freq=A&ps=2017&px=HS").then().statusCode(200)
                .body("r", containsInAnyOrder("4", "12", "36"))
                .body("TotalRecords", containsInAnyOrder(49, 22, 28));
        given().get("/api/refs/da/view?r=4").then().statusCode(200)
                .body("[0].type", equalTo("COMMODITIES")).body("[0].freq", equalTo("ANNUAL"))
                .body("[0].px", equalTo("H5")).body("[0].rDesc", equalTo("Afghanistan"))
                .body("[0].ps", equalTo("2017")).body("[0].isOriginal", equalTo(1))
                .body("[0].publicationDate", equalTo("2023-01-01T00:00:00")).body("[0].isPartnerDetail", equalTo(1));
        given().get("/api/refs/da/view?r=4&fmt=csv").then().statusCode(200).contentType("text/csv; charset=utf-8")
                .body(equalTo("type,freq,px,r,rDesc,ps,TotalRecords,isOriginal,publicationDate,isPartnerDetail\r\n"
                        + "COMMODITIES,ANNUAL,H5,4,Afghanistan,2017,49,1,2023-01-01T00:00:00,1\r\n"));
        given().get("/api/refs/da/view?type=S").then().body("[0].TotalRecords", equalTo(0));
        given().get("/api/refs/da/view?ps=2018").then().body("[0].TotalRecords", equalTo(0));
        Imports.dropNamed("BACI_HS17");
        given().get("/api/refs/da/view?r=4").then().body("TotalRecords", contains(0));
    }

    @Test
    void shouldRefuseMalformedParametersWithAReason() {
        given().get("/api/refs/da/view?r=abc").then().statusCode(400).body(equalTo("r must be a number, got 'abc'\n"));
        given().get("/api/refs/da/view?px=XX").then().statusCode(400)
                .body(equalTo("px 'XX' is not a known classification\n"));
    }
}
