package org.tradegateway.support;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/**
 * Endpoints that exist only in the tests and fail as a defect would, with the request's token in the failure's
 * message: a JAX-RS resource and a route of the HTTP server.
 */
@Path("/api/test-failure")
@ApplicationScoped
public class FailingEndpoints {

    @GET
    public String fail(@QueryParam("token") String token) {
        throw new IllegalStateException("could not serve token " + token);
    }

    void install(@Observes Router router) {
        router.route("/api/test-route-failure").order(1000).handler(rc -> rc.fail(new IllegalArgumentException(
                "bad request " + rc.request().uri(), new RuntimeException("token=" + rc.request().getParam("token")))));
    }
}
