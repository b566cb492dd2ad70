package org.tradegateway.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Without a configured credential the admin API is closed, whatever is sent. */
@QuarkusTest
class AdminClosedTest {

    @Test
    void shouldStayClosedWhenNoCredentialIsConfigured() {
        given().header("Authorization", "Bearer anything").get("/admin/accounts").then().statusCode(401)
                .body(equalTo("The admin API is closed: set TRADE_ADMIN_TOKEN to open it.\n"));
        given().contentType("application/json").body("{\"name\":\"x\"}").post("/admin/accounts").then()
                .statusCode(401);
    }
}
