package org.tradegateway.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.tradegateway.support.Browser;

/**
 * The data selection page under the guest limits (a process of its own, so that no other test has used the
 * guest's quota): a refusal for the rate and one for the hourly quota, each shown as a message that says what
 * happened and what to do, and the home page stating the limits.
 */
@QuarkusTest
@TestProfile(WebGuestLimitsTest.TwoAnHour.class)
class WebGuestLimitsTest {
    @TestHTTPResource("/")
    URL root;

    /** Limits on, two counted requests an hour for a guest. */
    public static class TwoAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trade.limits.enabled", "true", "trade.limits.guest-quota", "2");
        }
    }

    @Test
    void shouldSayWhyAQueryWasRefusedAndWhatToDo() throws Exception {
        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver();
            String base = root.toString().replaceAll("/$", "");
            driver.get(base + "/");
            browser.await().until(d -> d.findElement(By.id("limits")).getText().contains("2 per hour"));
            assertTrue(driver.findElement(By.id("limits")).getText()
                    .startsWith("A guest (no token) may send 1 counted request a second and 2 per hour"));

            driver.get(base + "/query.html");
            browser.await().until(d -> "true".equals(d.findElement(By.id("query")).getAttribute("data-ready")));
            WebElement message = driver.findElement(By.id("message"));
            // another request of the same guest just before: the page's own is the second in that second
            given().get("/api/get?r=842&p=0&ps=now&cc=TOTAL").then().statusCode(200);
            driver.findElement(By.id("run")).click();
            browser.await().until(d -> message.getText().startsWith("Too many requests"));
            assertEquals("Too many requests: guests may send one query a second. Try again in 1 s.",
                    message.getText());
            browser.screenshot("query-rate-limit");

            Thread.sleep(1200);
            driver.findElement(By.id("run")).click();
            browser.await().until(d -> d.findElement(By.id("count")).isDisplayed()
                    && d.findElement(By.id("count")).getText().contains("match"));
            Thread.sleep(1200);
            driver.findElement(By.id("run")).click();
            browser.await().until(d -> message.getText().startsWith("The hourly limit"));
            assertTrue(message.getText().matches("The hourly limit for guests is reached: Hourly usage limit of 2"
                    + " actions reached\\. Requests may resume at .* UTC\\. An account token raises the limit\\."),
                    message.getText());
            assertEquals("alert", message.getAttribute("role"));
        }
    }
}
