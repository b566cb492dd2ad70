package org.tradegateway.limits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tradegateway.support.Accounts;

/** Behind a configured trusted proxy, the forwarded client address selects the caller. */
@QuarkusTest
@TestProfile(TrustedProxyTest.BehindProxy.class)
class TrustedProxyTest {

    /** The test client (127.0.0.1) is a trusted proxy. */
    public static class BehindProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1",
                    "trade.limits.account-cache", "PT0.2S");
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        Accounts.deleteAll();
    }

    @Test
    void shouldRecogniseTheForwardedAddressFromATrustedProxy() throws Exception {
        Accounts.create("behind-proxy", 40, null, "10.0.0.0/8");
        Thread.sleep(300);
        given().header("X-Forwarded-For", "10.1.2.3").get("/api/getUserInfo").then().statusCode(200)
                .body("authentication", equalTo("ip")).body("account", equalTo("behind-proxy"));
        given().get("/api/getUserInfo").then().statusCode(200).body("authentication", equalTo("none"));
    }
}
