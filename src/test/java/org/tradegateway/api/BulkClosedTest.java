package org.tradegateway.api;

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
