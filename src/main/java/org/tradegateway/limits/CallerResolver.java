package org.tradegateway.limits;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tradegateway.config.LimitsConfig;
import org.tradegateway.data.DatabaseGuard;

/**
 * Recognises the caller: a token selects its account; without one, a client IP inside an account's ranges
 * selects that account; otherwise a guest keyed by IP. Accounts and tokens are read with Hibernate Reactive and
 * kept for a few seconds, so that a revocation or a disabled account takes effect on every replica that fast.
 */
@ApplicationScoped
public class CallerResolver {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CallerResolver.class);
    private final LimitsConfig config;
    private final DatabaseGuard guard;
    private volatile Snapshot snapshot;
    private final Map<Long, Long> lastTouched = new java.util.concurrent.ConcurrentHashMap<>();

    public CallerResolver(LimitsConfig config, DatabaseGuard guard) {
        this.config = config;
        this.guard = guard;
    }

    /** A token that selects no active account. */
    public static class InvalidToken extends RuntimeException {
        public InvalidToken() {
            super("The token is unknown or revoked, or its account is disabled.", null, false, false);
        }
    }

    private record Known(Account account, List<IpRange> ranges) {
    }

    /** Accounts and tokens as read; {@code anyRanges}: whether an address need be parsed at all. */
    private record Snapshot(long loadedAt, Map<String, Long> tokens, Map<Long, Known> accounts, boolean anyRanges) {
        Snapshot(long loadedAt, Map<String, Long> tokens, Map<Long, Known> accounts) {
            this(loadedAt, tokens, accounts, accounts.values().stream()
                    .anyMatch(k -> k.account().active && !k.ranges().isEmpty()));
        }
    }

    /**
     * The caller, when it can be told from what is held in memory (accounts read recently, and no token or a token
     * among them); null when the database must be asked, through {@link #resolve}.
     *
     * @throws InvalidToken for a token of a disabled account
     */
    public Caller resolveNow(String token, String clientIp) {
        Snapshot s = snapshot;
        return fresh(s) ? known(s, token, clientIp) : null;
    }

    /** The caller of a request with this token (or null) from this client IP. */
    public Uni<Caller> resolve(String token, String clientIp) {
        return current(false).flatMap(s -> {
            Caller known = known(s, token, clientIp);
            if (known != null) {
                return Uni.createFrom().item(known);
            }
            // a token made since the last read: look it up alone
            return guard.call(() -> Panache.withSession(() -> AccountToken.<AccountToken>find(
                    "tokenHash = ?1 and revokedAt is null", Tokens.hash(token)).firstResult())).map(found -> {
                        if (found == null || !found.account.active) {
                            throw new InvalidToken();
                        }
                        remember(found);
                        return account(Caller.Kind.TOKEN, found.account);
                    });
        });
    }

    /**
     * Adds a token found on its own to the accounts held, so that it is recognised like the others, also while the
     * database is down; the next read replaces them all.
     */
    private void remember(AccountToken found) {
        Snapshot now = snapshot;
        if (now == null) {
            return;
        }
        Map<String, Long> tokens = new HashMap<>(now.tokens());
        tokens.put(found.tokenHash, found.account.id);
        Map<Long, Known> accounts = new HashMap<>(now.accounts());
        accounts.putIfAbsent(found.account.id, new Known(found.account, ranges(found.account)));
        snapshot = new Snapshot(now.loadedAt(), tokens, accounts);
    }

    private static List<IpRange> ranges(Account a) {
        List<IpRange> ranges = new ArrayList<>();
        for (String cidr : a.ipRanges == null ? new String[0] : a.ipRanges.split(",")) {
            if (!cidr.isBlank()) {
                ranges.add(IpRange.parse(cidr));
            }
        }
        return ranges;
    }

    /** Whether accounts were read, and recently enough to be used as they are. */
    private boolean fresh(Snapshot s) {
        return s != null && System.nanoTime() - s.loadedAt() < config.accountCache().toNanos();
    }

    /** The caller as these accounts tell it; null for a token they do not hold. */
    private Caller known(Snapshot s, String token, String clientIp) {
        if (token == null || token.isBlank()) {
            return byAddress(s, clientIp);
        }
        String hash = Tokens.hash(token);
        return s.tokens().containsKey(hash) ? byToken(s, hash) : null;
    }

    private Caller byToken(Snapshot s, String hash) {
        Long id = s.tokens().get(hash);
        Known known = id == null ? null : s.accounts().get(id);
        if (known == null || !known.account().active) {
            throw new InvalidToken();
        }
        return account(Caller.Kind.TOKEN, known.account());
    }

    private Caller byAddress(Snapshot s, String clientIp) {
        byte[] address = s.anyRanges() ? address(clientIp) : null;
        if (address != null) {
            for (Known known : s.accounts().values()) {
                if (known.account().active && known.ranges().stream().anyMatch(r -> r.contains(address))) {
                    return account(Caller.Kind.IP_ACCOUNT, known.account());
                }
            }
        }
        return new Caller(Caller.Kind.GUEST, "ip:" + clientIp, null, null, config.guestQuota(),
                config.guestMaxRecords());
    }

    private Caller account(Caller.Kind kind, Account a) {
        touch(a.id);
        int max = Math.min(250_000, a.maxRecords == null ? config.accountMaxRecords() : a.maxRecords);
        return new Caller(kind, "account:" + a.id, a.id, a.name,
                a.hourlyQuota == null ? config.accountQuota() : a.hourlyQuota, max);
    }

    /** Records when an account was last used, at most once a minute per account, without holding the request. */
    private void touch(long accountId) {
        long now = System.nanoTime();
        Long last = lastTouched.get(accountId);
        if (last != null && now - last < 60_000_000_000L) {
            return;
        }
        lastTouched.put(accountId, now);
        Panache.withTransaction(() -> Account.update("lastUsedAt = ?1 where id = ?2", OffsetDateTime.now(), accountId))
                .subscribe().with(updated -> { }, failure -> lastTouched.remove(accountId));
    }

    private static byte[] address(String ip) {
        if (ip == null || !ip.matches("[0-9a-fA-F:.%]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(ip.replaceFirst("%.*$", "")).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private Uni<Snapshot> current(boolean force) {
        Snapshot s = snapshot;
        if (!force && fresh(s)) {
            return Uni.createFrom().item(s);
        }
        return guard.call(() -> Panache.withSession(() -> Account.<Account>listAll().flatMap(accounts ->
                AccountToken.<AccountToken>list("revokedAt is null").map(tokens -> {
                    Map<Long, Known> byId = new HashMap<>();
                    for (Account a : accounts) {
                        byId.put(a.id, new Known(a, ranges(a)));
                    }
                    Map<String, Long> byHash = new HashMap<>();
                    for (AccountToken t : tokens) {
                        byHash.put(t.tokenHash, t.account.id);
                    }
                    Snapshot fresh = new Snapshot(System.nanoTime(), byHash, byId);
                    snapshot = fresh;
                    return fresh;
                })))).onFailure(failure -> s != null && DatabaseGuard.isOutage(failure)).recoverWithItem(failure -> {
                    // the database is down: go on with the accounts last read, and ask again one period later
                    LOG.warnf("accounts could not be read, using those read before: %s", failure.getMessage());
                    Snapshot stale = new Snapshot(System.nanoTime(), s.tokens(), s.accounts());
                    snapshot = stale;
                    return stale;
                });
    }
}
