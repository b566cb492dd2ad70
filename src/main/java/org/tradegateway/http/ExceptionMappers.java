package org.tradegateway.http;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.tradegateway.core.QueryFailure;

/**
 * The status of the JAX-RS endpoints' query failures: 503 with Retry-After when the gateway cannot answer now,
 * 400 for anything else (a request PostgreSQL gave up on, a bad parameter). Anything else goes on to
 * {@link HttpFailures}.
 */
public class ExceptionMappers {

    @ServerExceptionMapper
    public Response refused(QueryFailure failure) {
        if (failure instanceof QueryFailure.Unavailable unavailable) {
            return Response.status(503).header("Retry-After", unavailable.retryAfterSeconds())
                    .type("text/plain; charset=utf-8").entity(failure.getMessage() + "\n").build();
        }
        return Response.status(400).type("text/plain; charset=utf-8").entity(failure.getMessage() + "\n").build();
    }
}
