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
}
