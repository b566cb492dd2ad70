package org.tradegateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Browser clients (CORS preflight and cross-origin requests) and the OpenAPI description. */
@QuarkusTest
class BrowserAndDocsTest {
    private static final String ORIGIN = "https://stats.example.org";

    @Test
    void shouldAnswerAPreflightForTheQueryApi() {
        given().header("Origin", ORIGIN).header("Access-Control-Request-Method", "GET")
                .options("/api/get").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ORIGIN))
                .header("Access-Control-Allow-Methods", containsString("GET"));
    }

    @Test
    void shouldAllowCrossOriginReadsWithoutCredentials() {
        given().header("Origin", ORIGIN).get("/api/get?r=all&p=all").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ORIGIN))
                .header("Access-Control-Allow-Credentials", org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.nullValue(), equalTo("false")));
        given().header("Origin", ORIGIN).get("/Data/cache/tradeRegimes.json").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ORIGIN))
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }

    @Test
    void shouldDescribeTheQueryParametersInOpenApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/get'.get.parameters.name", hasItems("r", "p", "ps", "px", "rg", "cc", "fmt",
                        "max", "type", "freq", "head", "IMTS", "token"))
                .body("paths.'/api/get'.get.parameters.find { it.name == 'cc' }.schema.default", equalTo("AG2"))
                .body("paths.'/api/refs/da/view'.get", notNullValue())
                .body("paths.'/site/catalog.json'.get", notNullValue())
                .body("paths.'/data/timeseries/intltrade/{dataset}/hs'.get.parameters.name",
                        hasItems("dataset", "get", "time", "CTY_CODE", "key"));
    }

    @Test
    void shouldLetBrowsersReadTheCensusApi() {
        given().header("Origin", ORIGIN).get("/data/timeseries/intltrade/exports/hs/variables.json").then()
                .statusCode(200).header("Access-Control-Allow-Origin", equalTo(ORIGIN));
    }
}
