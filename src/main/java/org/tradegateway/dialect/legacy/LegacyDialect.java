package org.tradegateway.dialect.legacy;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.tradegateway.core.Dialect;
import org.tradegateway.core.QueryFailure;

/**
 * The legacy UN Comtrade API at the edge: everything under /api; /api/get, /api/get/* and /api/refs/* count;
 * the credential is {@code token} ({@code uitoken}, the legacy web interface's, when known); refusals are the
 * validation answer in the requested {@code fmt} and the upstream's plain-text 409 texts.
 */
@ApplicationScoped
public class LegacyDialect implements Dialect {
    private static final DateTimeFormatter RESUME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String PLAIN = "text/plain; charset=utf-8";

    @Override
    public List<String> prefixes() {
        return List.of("/api/");
    }

    @Override
    public boolean counted(String path) {
        return path.equals("/api/get") || path.startsWith("/api/get/") || path.startsWith("/api/refs/");
    }

    @Override
    public List<String> credentialParameters() {
        return List.of("token");
    }

    @Override
    public List<String> optionalCredentialParameters() {
        return List.of("uitoken");
    }

    @Override
    public Refusal refuse(QueryFailure failure, Function<String, String> parameter) {
        OutputFormat format = OutputFormat.forRefusal(parameter.apply("fmt"));
        long retryAfter = failure instanceof QueryFailure.Unavailable u ? u.retryAfterSeconds() : 0;
        return new Refusal(retryAfter > 0 ? 503 : 200, format.contentType(), LegacyFailures.text(format, failure),
                retryAfter);
    }

    @Override
    public Refusal limited(Limit limit) {
        String message = limit.usage()
                ? "USAGE LIMIT: Hourly usage limit of " + limit.quota() + " actions reached. Requests may resume at "
                + RESUME.format(limit.resumeAt()) + "."
                : "RATE LIMIT: You must wait " + limit.waitSeconds() + " seconds.";
        return new Refusal(409, PLAIN, message, limit.waitSeconds());
    }
}
