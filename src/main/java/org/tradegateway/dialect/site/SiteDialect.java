package org.tradegateway.dialect.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;
import org.tradegateway.core.Dialect;
import org.tradegateway.core.QueryFailure;

/**
 * The gateway's own small API for its web interface (and anyone else): {@code /site/catalog.json}, what is
 * loaded and how a guest is limited. No key and not counted: it is read once per page and costs one lookup.
 * Refusals are JSON {@code {"error","message"}}.
 */
@ApplicationScoped
public class SiteDialect implements Dialect {
    static final String JSON = "application/json; charset=utf-8";
    static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public List<String> prefixes() {
        return List.of("/site/");
    }

    @Override
    public boolean counted(String path) {
        return false;
    }

    @Override
    public Refusal refuse(QueryFailure failure, Function<String, String> parameter) {
        long retryAfter = failure instanceof QueryFailure.Unavailable u ? u.retryAfterSeconds() : 0;
        return error(retryAfter > 0 ? 503 : 500, failure.getMessage(), retryAfter);
    }

    @Override
    public Refusal limited(Limit limit) {
        return error(429, "try again in " + limit.waitSeconds() + " seconds", limit.waitSeconds());
    }

    static Refusal error(int status, String message, long retryAfter) {
        ObjectNode body = MAPPER.createObjectNode().put("error", status).put("message", message);
        return new Refusal(status, JSON, body.toString(), retryAfter);
    }

}
