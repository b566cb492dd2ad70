package org.tradegateway.limits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Guessing tokens or the admin credential is slowed down per client address; a short admin credential is refused. */
@QuarkusTest
@TestProfile(CredentialGuessingTest.FewGuesses.class)
class CredentialGuessingTest {
    private static final String ADMIN = "admin-credential-of-the-guessing-test-0123456789";

    /** Three refused credentials a minute per address. */
    public static class FewGuesses implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trade.admin.token", ADMIN, "trade.limits.refused-credentials-per-minute", "3");
        }
    }

    @Test
    void shouldRefuseAnAddressThatKeepsGuessingBeforeLookingAtItsCredentials() {
        // the credential works while the address has not guessed
        given().header("Authorization", "Bearer " + ADMIN).get("/admin/accounts").then().statusCode(200);
        for (int i = 0; i < 3; i++) {
            given().get("/api/getUserInfo?token=guess-" + i).then().statusCode(401);
        }
        Response api = given().get("/api/getUserInfo?token=guess-4");
        assertEquals(409, api.statusCode(), api.asString());
        assertTrue(api.asString().startsWith("RATE LIMIT: You must wait "), api.asString());
        assertTrue(Long.parseLong(api.header("Retry-After")) >= 1);
        // the address is refused on /admin too, even with the right credential, without it being checked
        Response admin = given().header("Authorization", "Bearer " + ADMIN).get("/admin/accounts");
        assertEquals(429, admin.statusCode(), admin.asString());
        assertTrue(Long.parseLong(admin.header("Retry-After")) >= 1);
        // requests without credentials go on as before
        given().get("/Data/cache/tradeRegimes.json").then().statusCode(200);
        given().get("/api/get?r=all&p=all").then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void shouldRefuseAnAdminCredentialShorterThan32Characters() {
        org.tradegateway.db.StartupProblem problem = assertThrows(org.tradegateway.db.StartupProblem.class,
                () -> org.tradegateway.admin.AdminAuthentication.credential("short-secret"));
        assertTrue(problem.getMessage().contains("at least 32 characters"), problem.getMessage());
        assertEquals(null, org.tradegateway.admin.AdminAuthentication.credential(""));
    }
}
