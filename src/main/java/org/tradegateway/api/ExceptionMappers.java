package org.tradegateway.api;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.tradegateway.query.ServiceUnavailable;
import org.tradegateway.query.ValidationFailure;

/**
 * The status of the JAX-RS endpoints' typed failures: 503 with Retry-After when the database cannot answer now,
 * 400 for a request PostgreSQL gave up on (too long). Anything else goes on to {@link HttpFailures}.
 */
public class ExceptionMappers {

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailable failure) {
        return Response.status(503).header("Retry-After", failure.retryAfterSeconds())
                .type("text/plain; charset=utf-8").entity(failure.getMessage() + "\n").build();
    }

    @ServerExceptionMapper
    public Response refused(ValidationFailure failure) {
        return Response.status(400).type("text/plain; charset=utf-8").entity(failure.getMessage() + "\n").build();
    }
}
