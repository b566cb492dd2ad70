package org.tradegateway.admin;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tradegateway.limits.Account;
import org.tradegateway.limits.AccountToken;
import org.tradegateway.limits.Tokens;

/**
 * {@code /admin}: account administration over HTTP, for an operator holding the admin credential
 * ({@code TRADE_ADMIN_TOKEN}, sent as a Bearer token), which {@link AdminAuthentication} checks before any of
 * these methods runs. Without that setting /admin is closed.
 */
@Path("/admin/accounts")
public class AdminResource {
    /** Account fields an operator sends. */
    public record AccountRequest(String name, String email, Integer hourlyQuota, Integer maxRecords,
                                 List<String> ipRanges) {
    }

    private static Map<String, Object> view(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name);
        m.put("email", a.email);
        m.put("active", a.active);
        m.put("hourlyQuota", a.hourlyQuota);
        m.put("maxRecords", a.maxRecords);
        m.put("ipRanges", a.ipRanges == null || a.ipRanges.isEmpty() ? List.of() : List.of(a.ipRanges.split(",")));
        m.put("createdAt", a.createdAt);
        m.put("lastUsedAt", a.lastUsedAt);
        return m;
    }

    private static Response json(int status, Object body) {
        return Response.status(status).type("application/json; charset=utf-8").entity(body).build();
    }

    private static Response problem(int status, String message) {
        return Response.status(status).type("text/plain; charset=utf-8").entity(message + "\n").build();
    }

    @GET
    @WithSession
    public Uni<Response> list() {
        return Account.<Account>listAll().map(accounts -> json(200, accounts.stream().map(AdminResource::view)
                .toList()));
    }

    @GET
    @Path("/{name}")
    @WithSession
    public Uni<Response> show(@PathParam("name") String name) {
        return Account.<Account>find("name", name).firstResult().map(a -> a == null
                ? problem(404, "No account named " + name) : json(200, view(a)));
    }

    @POST
    @WithTransaction
    public Uni<Response> create(AccountRequest request) {
        if (request == null || request.name() == null || request.name().isBlank()) {
            return Uni.createFrom().item(problem(400, "name is required"));
        }
        Account account = new Account();
        try {
            apply(account, request);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(problem(400, e.getMessage()));
        }
        account.name = request.name().trim();
        account.email = request.email() == null ? "" : request.email();
        account.active = true;
        account.createdAt = OffsetDateTime.now();
        return Account.<Account>find("name", account.name).firstResult().flatMap(existing -> existing != null
                ? Uni.createFrom().item(problem(409, "An account named " + account.name + " exists already"))
                : account.<Account>persist().flatMap(saved -> newToken(saved).map(token -> {
                    Map<String, Object> body = view(saved);
                    body.put("token", token);
                    return json(201, body);
                })));
    }

    @PUT
    @Path("/{name}")
    @WithTransaction
    public Uni<Response> update(@PathParam("name") String name,
                                AccountRequest request) {
        return Account.<Account>find("name", name).firstResult().map(a -> {
            if (a == null) {
                return problem(404, "No account named " + name);
            }
            try {
                apply(a, request);
            } catch (IllegalArgumentException e) {
                return problem(400, e.getMessage());
            }
            if (request.email() != null) {
                a.email = request.email();
            }
            return json(200, view(a));
        });
    }

    @POST
    @Path("/{name}/disable")
    @WithTransaction
    public Uni<Response> disable(@PathParam("name") String name) {
        return setActive(name, false);
    }

    @POST
    @Path("/{name}/enable")
    @WithTransaction
    public Uni<Response> enable(@PathParam("name") String name) {
        return setActive(name, true);
    }

    @POST
    @Path("/{name}/tokens")
    @WithTransaction
    public Uni<Response> addToken(@PathParam("name") String name) {
        return Account.<Account>find("name", name).firstResult().flatMap(a -> a == null
                ? Uni.createFrom().item(problem(404, "No account named " + name))
                : newToken(a).map(token -> json(201, Map.of("account", name, "token", token))));
    }

    @DELETE
    @Path("/{name}/tokens/{id}")
    @WithTransaction
    public Uni<Response> revoke(@PathParam("name") String name,
                                @PathParam("id") long id) {
        return AccountToken.<AccountToken>find("id = ?1 and account.name = ?2 and revokedAt is null", id, name)
                .firstResult().map(t -> {
                    if (t == null) {
                        return problem(404, "No active token #" + id + " for " + name);
                    }
                    t.revokedAt = OffsetDateTime.now();
                    return Response.noContent().build();
                });
    }

    private Uni<Response> setActive(String name, boolean active) {
        return Account.<Account>find("name", name).firstResult().map(a -> {
            if (a == null) {
                return problem(404, "No account named " + name);
            }
            a.active = active;
            return json(200, view(a));
        });
    }

    private static void apply(Account a, AccountRequest request) {
        if (request.hourlyQuota() != null) {
            a.hourlyQuota = AccountRules.hourlyQuota(request.hourlyQuota(), "hourlyQuota");
        }
        if (request.maxRecords() != null) {
            a.maxRecords = AccountRules.maxRecords(request.maxRecords(), "maxRecords");
        }
        if (request.ipRanges() != null) {
            a.ipRanges = AccountRules.ipRanges(request.ipRanges());
        } else if (a.ipRanges == null) {
            a.ipRanges = "";
        }
    }

    private static Uni<String> newToken(Account account) {
        String token = Tokens.newToken();
        AccountToken t = new AccountToken();
        t.account = account;
        t.tokenHash = Tokens.hash(token);
        t.createdAt = OffsetDateTime.now();
        return t.persist().replaceWith(token);
    }
}
