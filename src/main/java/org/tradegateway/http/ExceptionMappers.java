package org.tradegateway.http;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.tradegateway.core.QueryFailure;

/**
 * The JAX-RS endpoints' query failures, answered as {@link HttpFailures} answers those of the routes: 503 with
 * Retry-After when the gateway cannot answer now, 400 for anything else (a request PostgreSQL gave up on, a bad
 * parameter). Anything else goes on to {@link HttpFailures}.
 */
public class ExceptionMappers {

    @ServerExceptionMapper
    public Response refused(QueryFailure failure) {
        Response.ResponseBuilder response = Response.status(HttpFailures.status(failure));
        if (failure instanceof QueryFailure.Unavailable unavailable) {
            response.header("Retry-After", unavailable.retryAfterSeconds());
        }
        return response.type("text/plain; charset=utf-8").entity(failure.getMessage() + "\n").build();
    }
}
