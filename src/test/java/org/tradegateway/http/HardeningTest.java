package org.tradegateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * What every answer carries and what a hostile or confused client gets: security headers, CORS only on the public
 * read endpoints, short plain 404s under /api, the legacy web interface's /api/get/plus, input never echoed raw.
 */
@QuarkusTest
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class HardeningTest {
    private static final String ORIGIN = "https://stats.example.org";

    @org.junit.jupiter.api.BeforeAll
    void load(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp) throws Exception {
        org.tradegateway.support.Imports.baciSample(temp);
    }

    @org.junit.jupiter.api.AfterAll
    void drop() throws Exception {
        org.tradegateway.support.Imports.dropNamed("BACI_HS17");
    }

    @Test
    void shouldForbidSniffingAndFramingOnEveryAnswer() {
        for (String path : new String[] {"/api/get?r=all&p=all", "/Data/cache/tradeRegimes.json", "/api/nothing",
            "/q/health/live", "/admin/accounts", "/api/get/bulk/C/A/2017/4/H5"}) {
            given().get(path).then().header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("Content-Security-Policy", equalTo("frame-ancestors 'none'"));
        }
    }

    @Test
    void shouldAnswerPreflightsOnlyForThePublicReadEndpoints() {
        given().header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization")
                .options("/admin/accounts").then().header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue());
        given().header("Origin", ORIGIN).header("Authorization", "Bearer x").get("/admin/accounts").then()
                .statusCode(401).header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", ORIGIN).get("/q/metrics").then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", ORIGIN).header("Access-Control-Request-Method", "GET")
                .options("/api/refs/da/view").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ORIGIN));
    }

    @Test
    void shouldAnswerAShortPlain404ForAnyUnknownPathUnderApi() {
        for (String path : new String[] {"/api/nothing", "/api/get/plusplus", "/api/refs/da/nothing", "/api/"}) {
            Response r = given().get(path);
            assertEquals(404, r.statusCode(), path);
            assertEquals("text/plain; charset=utf-8", r.contentType(), path);
            assertFalse(r.asString().contains("<"), path + ": " + r.asString());
            assertTrue(r.asString().length() < 200, path);
        }
        String echoed = given().urlEncodingEnabled(false).get("/api/%3Cscript%3Ealert(1)%3C%2Fscript%3E").asString();
        assertFalse(echoed.contains("<script>"), echoed);
    }

    @Test
    void shouldServeTheWebInterfacesPlusPathAsTheQueryItself() {
        String query = "?r=4&p=all&ps=2017&rg=all&cc=AG2&px=H5";
        String plain = given().urlEncodingEnabled(false).get("/api/get" + query).then().statusCode(200).extract()
                .jsonPath().prettify();
        Response plus = given().urlEncodingEnabled(false).get("/api/get/plus" + query + "&uitoken=not-a-known-token");
        assertEquals(200, plus.statusCode());
        assertEquals("application/json; charset=utf-8", plus.contentType());
        assertEquals(strip(plain), strip(plus.jsonPath().prettify()));
        assertTrue(plus.jsonPath().getInt("validation.count.value") > 5, plus.asString());
        given().urlEncodingEnabled(false).get("/api/get/plus" + query + "&fmt=csv").then().statusCode(200)
                .contentType("text/csv; charset=utf-8").body(not(equalTo("")));
    }

    /** The answer without its timestamps, which differ between two requests. */
    private static String strip(String json) {
        return json.replaceAll("\"(started|finished)\": \"[^\"]*\"", "").replaceAll("\"durationSeconds\": [0-9.E-]+", "");
    }
}
