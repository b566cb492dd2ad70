package org.tradegateway.data;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the database, as the watchdog last found it: answered from memory, so that the check itself
 * answers at once while the database hangs.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {
    private final DatabaseWatchdog watchdog;

    public DatabaseHealth(DatabaseWatchdog watchdog) {
        this.watchdog = watchdog;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database").status(!watchdog.unresponsive())
                .withData("last answer ms ago", watchdog.millisSinceAnswer())
                .withData("problem", watchdog.reason()).build();
    }
}
