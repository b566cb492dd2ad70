package org.tradegateway.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tradegateway.support.Accounts;
import org.tradegateway.support.Sql;

/** The admin API behind its credential: accounts, quotas, IP ranges, tokens made, revoked and refused. */
@QuarkusTest
@TestProfile(AdminApiTest.AdminOpen.class)
class AdminApiTest {
    private static final String ADMIN = "Bearer admin-secret-for-tests-0123456789abcdef";

    /** Sets the admin credential; account changes are seen within 0.2 s. */
    public static class AdminOpen implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trade.admin.token", "admin-secret-for-tests-0123456789abcdef", "trade.limits.account-cache", "PT0.2S");
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        Accounts.deleteAll();
    }

    @Test
    void shouldRefuseCallsWithoutTheCredential() {
        given().get("/admin/accounts").then().statusCode(401)
                .body(equalTo("The admin credential is missing or wrong.\n"));
        given().header("Authorization", "Bearer wrong").get("/admin/accounts").then().statusCode(401);
    }

    @Test
    void shouldManageAnAccountAndItsTokens() throws Exception {
        String token = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"ministry\",\"email\":\"stats@example.org\",\"hourlyQuota\":500,"
                        + "\"ipRanges\":[\"192.0.2.0/24\"]}")
                .post("/admin/accounts").then().statusCode(201).body("name", equalTo("ministry"))
                .body("hourlyQuota", equalTo(500)).extract().path("token");
        given().get("/api/getUserInfo?token=" + token).then().statusCode(200).body("account", equalTo("ministry"))
                .body("hourlyLimit", equalTo(500));
        given().header("Authorization", ADMIN).get("/admin/accounts").then().statusCode(200)
                .body("name", hasItem("ministry"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"hourlyQuota\":900,\"maxRecords\":200000,\"ipRanges\":[\"2001:db8::/32\"]}")
                .put("/admin/accounts/ministry").then().statusCode(200).body("hourlyQuota", equalTo(900))
                .body("maxRecords", equalTo(200000)).body("ipRanges", equalTo(java.util.List.of("2001:db8::/32")));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"ipRanges\":[\"nonsense\"]}")
                .put("/admin/accounts/ministry").then().statusCode(400)
                .body(equalTo("'nonsense' is not an IP address or CIDR range\n"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"name\":\"ministry\"}")
                .post("/admin/accounts").then().statusCode(409);

        String second = given().header("Authorization", ADMIN).post("/admin/accounts/ministry/tokens").then()
                .statusCode(201).extract().path("token");
        long first = (long) Sql.number("SELECT min(id) FROM account_token");
        given().header("Authorization", ADMIN).delete("/admin/accounts/ministry/tokens/" + first).then()
                .statusCode(204);
        Thread.sleep(300);
        given().get("/api/getUserInfo?token=" + token).then().statusCode(401);
        given().get("/api/getUserInfo?token=" + second).then().statusCode(200);

        given().header("Authorization", ADMIN).post("/admin/accounts/ministry/disable").then().statusCode(200)
                .body("active", equalTo(false));
        Thread.sleep(300);
        given().get("/api/getUserInfo?token=" + second).then().statusCode(401);
        given().header("Authorization", ADMIN).get("/admin/accounts/nobody").then().statusCode(404);
    }
}
