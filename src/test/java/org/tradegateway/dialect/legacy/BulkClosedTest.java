package org.tradegateway.dialect.legacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** By default only authenticated callers may download bulk files; a guest gets the upstream 409. */
@QuarkusTest
class BulkClosedTest {

    @Test
    void shouldRefuseAGuestWith409() {
        given().get("/api/get/bulk/C/A/2017/4/H5").then().statusCode(409)
                .contentType("text/plain; charset=utf-8")
                .body(equalTo("Either a usage limit is hit or no authorisation code used.\n"));
    }

    @Test
    void shouldServeTheZipToAnAccount(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp) throws Exception {
        java.nio.file.Path file = temp.resolve("BACI_HS17_Y2017_V202301.csv");
        java.nio.file.Files.copy(org.tradegateway.support.SharedData.path(
                "data/samples/baci/baci_HS17_V202301_Y2017_head.csv"), file);
        org.tradegateway.support.Imports.load(new org.tradegateway.ingest.BaciSource(file, null));
        String token = org.tradegateway.support.Accounts.create("bulk-reader", null, null, "");
        try {
            byte[] zip = given().get("/api/get/bulk/C/A/2017/36/H5?token=" + token).then().statusCode(200)
                    .contentType("application/zip").extract().asByteArray();
            try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
                    new java.io.ByteArrayInputStream(zip))) {
                in.getNextEntry();
                String csv = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                // Australia: 14 import records from Afghanistan (6 HS6, 5 HS4, 2 HS2, TOTAL) and 14 from the World
                org.junit.jupiter.api.Assertions.assertEquals(1 + 28, csv.split("\r\n").length);
            }
            given().get("/api/get/bulk/C/A/2017/36/H5").then().statusCode(409);
        } finally {
            org.tradegateway.support.Accounts.deleteAll();
            org.tradegateway.support.Imports.dropNamed("BACI_HS17");
        }
    }

    @Test
    void shouldLetAnAccountThroughToTheFileItAsksFor() throws Exception {
        String token = org.tradegateway.support.Accounts.create("bulk-user", null, null, "");
        try {
            // nothing is loaded for 2017 here: an authenticated caller gets as far as the 404
            given().get("/api/get/bulk/C/A/2017/4/H5?token=" + token).then().statusCode(404);
            given().header("Authorization", "Bearer " + token).get("/api/get/bulk/C/A/2017/4/H5").then()
                    .statusCode(404);
        } finally {
            org.tradegateway.support.Accounts.deleteAll();
        }
    }
}
