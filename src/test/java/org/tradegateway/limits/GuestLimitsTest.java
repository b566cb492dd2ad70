package org.tradegateway.limits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tradegateway.support.Accounts;

/** A guest, keyed by its socket address: one request a second, a quota per window, the upstream 409 answers. */
@QuarkusTest
@TestProfile(LimitsOn.class)
class GuestLimitsTest {
    private static final String QUERY = "/api/get?r=all&p=all";

    @AfterEach
    void cleanUp() throws Exception {
        Accounts.deleteAll();
    }

    @Test
    void shouldAnswer409ForTheSecondRequestInASecondAndWhenTheQuotaIsUsed() throws Exception {
        // an account for 10.0.0.0/8 must not capture a guest that only claims such an address
        Accounts.create("ten-net", 50, null, "10.0.0.0/8");
        Thread.sleep(300);
        given().header("X-Forwarded-For", "10.1.2.3").get(QUERY).then().statusCode(200)
                .header("RateLimit-Limit", "3").header("RateLimit-Remaining", "2");
        given().get(QUERY).then().statusCode(409).contentType("text/plain; charset=utf-8")
                .body(equalTo("RATE LIMIT: You must wait 1 seconds.")).header("Retry-After", "1");
        Thread.sleep(1100);
        given().get(QUERY).then().statusCode(200).header("RateLimit-Remaining", "1");
        Thread.sleep(1100);
        given().get("/api/refs/da/view").then().statusCode(200).header("RateLimit-Remaining", "0");
        Thread.sleep(1100);
        given().get(QUERY).then().statusCode(409)
                .body(matchesPattern("USAGE LIMIT: Hourly usage limit of 3 actions reached\\. Requests may resume at"
                        + " \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\."))
                .header("Retry-After", matchesPattern("\\d+"));
        // not counted: reference lists, user info, health
        given().get("/Data/cache/tradeRegimes.json").then().statusCode(200);
        given().get("/api/getUserInfo").then().statusCode(200).body("authenticated", equalTo(false))
                .body("authentication", equalTo("none")).body("hourlyLimit", equalTo(3))
                .body("maxResultset", equalTo(100000));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void shouldCountOneCallerAcrossTheDialectsAndRefuseInEachOnesWords() throws Exception {
        String token = Accounts.create("both-apis", 3, null, "");
        Thread.sleep(300);
        given().get(QUERY + "&token=" + token).then().statusCode(200).header("RateLimit-Remaining", "2");
        // the same account's key on the Comtrade+ preview within the same second: its rate, in Comtrade+ words
        given().get("/public/v1/preview/C/A/HS?period=2017&subscription-key=" + token).then().statusCode(429)
                .contentType("application/json; charset=utf-8").header("Retry-After", "1")
                .body("statusCode", equalTo(429))
                .body("message", equalTo("Rate limit is exceeded. Try again in 1 seconds."));
        Thread.sleep(1100);
        given().header("Ocp-Apim-Subscription-Key", token).get("/data/v1/get/C/A/HS?period=2017").then()
                .statusCode(200).header("RateLimit-Remaining", "1");
        // and on the Census API within that second, in its words
        given().get("/data/timeseries/intltrade/exports/hs?get=CTY_CODE&time=2017-01&key=" + token).then()
                .statusCode(429).contentType("text/plain;charset=utf-8").header("Retry-After", "1")
                .body(equalTo("error: more than the requests a second this caller may send; try again in 1 seconds"));
        Thread.sleep(1100);
        given().get(QUERY + "&token=" + token).then().statusCode(200).header("RateLimit-Remaining", "0");
        Thread.sleep(1100);
        given().get("/data/v1/get/C/A/HS?period=2017&subscription-key=" + token).then().statusCode(403)
                .contentType("application/json; charset=utf-8").header("Retry-After", matchesPattern("\\d+"))
                .body("message", matchesPattern("Out of call volume quota\\. Quota will be replenished in"
                        + " \\d\\d:\\d\\d:\\d\\d\\."));
        Thread.sleep(1100);
        given().get("/data/timeseries/intltrade/imports/hs?get=CTY_CODE&time=2017-01&key=" + token).then()
                .statusCode(429).header("Retry-After", matchesPattern("\\d+"))
                .body(matchesPattern("error: the 3 requests an hour of this caller are used up; try again in \\d+"
                        + " seconds"));
    }
}
