package org.tradegateway.dialect.wtf;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tradegateway.support.Sql;

/** With {@code TRADE_VIEWS_STORED=false} every request renders its view, nothing is stored, and ETags still hold. */
@QuarkusTest
@TestProfile(WtfUnstoredTest.ViewsUnstored.class)
class WtfUnstoredTest {
    private static final String PATH = "/data/countries.json";

    /** Views not stored. */
    public static class ViewsUnstored implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trade.views.stored", "false");
        }
    }

    @Test
    void shouldRenderEveryRequestAndStoreNothing() throws Exception {
        Sql.execute("DELETE FROM view_document WHERE uri = '" + PATH + "'");
        double rendered = rendered();
        Response first = given().get(PATH);
        assertEquals(200, first.statusCode());
        assertEquals(first.asString(), given().get(PATH).then().statusCode(200).extract().asString());
        assertEquals(rendered + 2, rendered(), "each request rendered");
        assertEquals(304, given().header("If-None-Match", first.header("ETag")).get(PATH).statusCode());
        Thread.sleep(300);
        assertEquals(0, Sql.count("SELECT count(*) FROM view_document WHERE uri = '" + PATH + "'"));
    }

    /** {@code trade_views_documents_total{from="rendered"}}. */
    private static double rendered() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("trade_views_documents_total\\{[^}]*from=\"rendered\"[^}]*} ([0-9.E]+)")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
