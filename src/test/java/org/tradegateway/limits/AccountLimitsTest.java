package org.tradegateway.limits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tradegateway.support.Accounts;
import org.tradegateway.support.Sql;

/** Accounts by token and by IP range: their own quota and ceiling, and refusals of bad tokens. */
@QuarkusTest
@TestProfile(LimitsOn.class)
class AccountLimitsTest {

    @AfterEach
    void cleanUp() throws Exception {
        Accounts.deleteAll();
    }

    @Test
    void shouldApplyTheAccountsOwnQuotaToItsTokenInParameterOrHeader() throws Exception {
        String token = Accounts.create("ministry", 2, 250000, "");
        given().get("/api/get?r=all&p=all&token=" + token).then().statusCode(200)
                .header("RateLimit-Limit", "2").header("RateLimit-Remaining", "1");
        Thread.sleep(1100);
        given().header("Authorization", "Bearer " + token).get("/api/get?r=all&p=all").then().statusCode(200)
                .header("RateLimit-Remaining", "0");
        Thread.sleep(1100);
        given().get("/api/get?r=all&p=all&TOKEN=" + token).then().statusCode(409)
                .body(containsString("USAGE LIMIT: Hourly usage limit of 2 actions reached."));
        org.junit.jupiter.api.Assertions.assertEquals(1, Sql.count("SELECT count(*) FROM account WHERE name = 'ministry'"
                + " AND last_used_at > now() - interval '1 minute'"), "last use recorded");
        given().get("/api/getUserInfo?token=" + token).then().statusCode(200)
                .body("authenticated", equalTo(true)).body("authentication", equalTo("token"))
                .body("account", equalTo("ministry")).body("hourlyLimit", equalTo(2))
                .body("maxResultset", equalTo(250000)).body(not(containsString(token)));
    }

    @Test
    void shouldTakeAKnownUitokenAsTheTokenAndIgnoreAnUnknownOne() throws Exception {
        String token = Accounts.create("web-interface", 100, 250000, "");
        given().get("/api/getUserInfo?uitoken=" + token).then().statusCode(200)
                .body("authentication", equalTo("token")).body("account", equalTo("web-interface"));
        // an unknown one is no refusal: the caller is a guest, as without it
        given().get("/api/getUserInfo?uitoken=not-a-token-of-this-gateway").then().statusCode(200)
                .body("authenticated", equalTo(false));
        given().get("/api/get/plus?r=all&p=0&uitoken=" + token).then().statusCode(200)
                .header("RateLimit-Limit", equalTo("100"));
    }

    @Test
    void shouldLetAnAccountAskForItsOwnCeiling() throws Exception {
        String token = Accounts.create("researcher", 100, 150000, "");
        given().get("/api/get?r=826&p=0&ps=2013&max=150000&token=" + token).then().statusCode(200)
                .body("validation.status.value", equalTo(0));
        Thread.sleep(1100);
        given().get("/api/get?r=826&p=0&ps=2013&max=150001&token=" + token).then().statusCode(200)
                .body("validation.status.value", equalTo(5003))
                .body("validation.message", equalTo("Maximum resultset is: 150000"));
    }

    @Test
    void shouldRefuseUnknownRevokedAndDisabledTokensWith401() throws Exception {
        given().get("/api/get?token=not-a-token").then().statusCode(401)
                .body(equalTo("The token is unknown or revoked, or its account is disabled."));
        String token = Accounts.create("leaving", null, null, "");
        given().get("/api/getUserInfo?token=" + token).then().statusCode(200);
        Sql.execute("UPDATE account SET active = false WHERE name = 'leaving'");
        Thread.sleep(300);
        given().get("/api/getUserInfo?token=" + token).then().statusCode(401);
        Sql.execute("UPDATE account SET active = true WHERE name = 'leaving'");
        Sql.execute("UPDATE account_token SET revoked_at = now()");
        Thread.sleep(300);
        given().get("/api/get?r=all&p=all&token=" + token).then().statusCode(401);
    }

    @Test
    void shouldRecogniseAnAccountByTheCallersAddressRange() throws Exception {
        Accounts.create("campus", 7, null, "192.0.2.0/24,127.0.0.0/8");
        Thread.sleep(300);
        given().get("/api/getUserInfo").then().statusCode(200).body("authentication", equalTo("ip"))
                .body("account", equalTo("campus"));
        given().get("/api/get?r=all&p=all").then().statusCode(200).header("RateLimit-Limit", "7");
    }
}
