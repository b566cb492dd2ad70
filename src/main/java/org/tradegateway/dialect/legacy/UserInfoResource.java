package org.tradegateway.dialect.legacy;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tradegateway.config.LimitsConfig;
import org.tradegateway.limits.Caller;
import org.tradegateway.limits.LimitHandler;

/** {@code GET /api/getUserInfo?token=}: the caller's account and limits (never the token). */
@Path("/api/getUserInfo")
public class UserInfoResource {
    private final LimitsConfig limits;

    public UserInfoResource(LimitsConfig limits) {
        this.limits = limits;
    }

    @GET
    public Uni<Response> info(@Context RoutingContext routing) {
        Caller who = LimitHandler.caller(routing);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("authenticated", who.authenticated());
        info.put("authentication", switch (who.kind()) {
            case TOKEN -> "token";
            case IP_ACCOUNT -> "ip";
            case GUEST -> "none";
        });
        info.put("account", who.accountName());
        info.put("hourlyLimit", who.hourlyQuota());
        info.put("perSecondLimit", limits.perSecond());
        info.put("maxResultset", who.maxRecords());
        return Uni.createFrom().item(Response.ok(info).type("application/json; charset=utf-8").build());
    }
}
