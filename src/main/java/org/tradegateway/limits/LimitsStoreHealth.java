package org.tradegateway.limits;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the shared rate-limit store. The gateway keeps serving when the store fails (per-process limits),
 * so the check stays up and says "degraded" instead of taking the process out of service.
 */
@Readiness
@ApplicationScoped
public class LimitsStoreHealth implements HealthCheck {
    private final RateLimiter limiter;

    public LimitsStoreHealth(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public HealthCheckResponse call() {
        String state = !limiter.sharedConfigured() ? "per-process" : limiter.degraded() ? "degraded" : "shared";
        return HealthCheckResponse.named("rate-limit store").up().withData("state", state).build();
    }
}
