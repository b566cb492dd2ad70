package org.tradegateway.data;

import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.tradegateway.config.QueryConfig;
import org.tradegateway.core.QueryFailure;

/**
 * SmallRye Fault Tolerance around the calls that answer /api/get: a circuit breaker shared by all of them opens
 * when the database cannot be reached, so that requests are refused at once (503) instead of waiting on a dead
 * server, and closes by itself after one call succeeds again. Inside it, a deadline a little longer than
 * PostgreSQL's own statement timeout catches a server that stopped answering; it is a timer of the calling event
 * loop (a fault-tolerance timeout hands every call to a timer thread and back, which cost a tenth of the CPU of a
 * one-row answer). A statement cancelled by PostgreSQL for running too long is the query's fault, not the
 * database's: it becomes a 5002 answer and leaves the breaker alone.
 */
@ApplicationScoped
public class DatabaseGuard {
    /** The circuit breaker's name, for its metrics and its state. */
    public static final String BREAKER = "database";
    private static final Logger LOG = Logger.getLogger(DatabaseGuard.class);
    /** Connection failures, shutdowns, refused connections, too many connections. */
    private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    private static final String QUERY_CANCELED = "57014";
    private final Guard guard;
    private final QueryConfig config;
    private final DatabaseWatchdog watchdog;
    /** What gives up each call under way, run when the watchdog finds the database unresponsive. */
    private final Set<Runnable> underWay = ConcurrentHashMap.newKeySet();

    public DatabaseGuard(QueryConfig config, DatabaseWatchdog watchdog) {
        this.config = config;
        this.watchdog = watchdog;
        watchdog.whenUnresponsive(() -> List.copyOf(underWay).forEach(Runnable::run));
        this.guard = Guard.create().withDescription("database calls of /api/get")
                .withCircuitBreaker().name(BREAKER)
                .requestVolumeThreshold(config.breakerWindow()).failureRatio(0.5).successThreshold(1)
                .delay(config.breakerDelay().toMillis(), ChronoUnit.MILLIS)
                .when(DatabaseGuard::isOutage)
                .onStateChange(state -> LOG.infof("database circuit breaker %s", state)).done()
                .withThreadOffload(false)
                .build();
    }

    /**
     * Runs one database call under the breaker and the deadline, failures translated for the caller; refused at
     * once while the watchdog finds the database unresponsive, and given up when it does.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> Uni<T> call(Supplier<Uni<T>> work) {
        if (watchdog.unresponsive()) {
            return Uni.createFrom().failure(unavailable());
        }
        Supplier<Uni<T>> timed = () -> withDeadline(work.get());
        Uni<T> guarded = (Uni<T>) guard.get((Supplier) timed, Uni.class);
        return guarded.onFailure().transform(this::translate);
    }

    /** The call, failed with a {@link TimeoutException} if it has not ended by the deadline. */
    private <T> Uni<T> withDeadline(Uni<T> work) {
        long millis = config.timeout().toMillis() + 5_000;
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().<T>emitter(emitter -> {
                Runnable giveUp = () -> emitter.fail(unavailable());
                underWay.add(giveUp);
                Cancellable running = work.ifNoItem().after(Duration.ofMillis(millis)).failWith(() -> timeout(millis))
                        .subscribe().with(emitter::complete, emitter::fail);
                emitter.onTermination(() -> {
                    underWay.remove(giveUp);
                    running.cancel();
                });
            });
        }
        return Uni.createFrom().emitter(emitter -> {
            long timer = context.owner().setTimer(millis, id -> emitter.fail(timeout(millis)));
            Runnable giveUp = () -> context.runOnContext(v -> emitter.fail(unavailable()));
            underWay.add(giveUp);
            Cancellable running = work.subscribe().with(item -> {
                context.owner().cancelTimer(timer);
                emitter.complete(item);
            }, failure -> {
                context.owner().cancelTimer(timer);
                emitter.fail(failure);
            });
            emitter.onTermination(() -> {
                underWay.remove(giveUp);
                context.owner().cancelTimer(timer);
                running.cancel();
            });
        });
    }

    private static TimeoutException timeout(long millis) {
        return new TimeoutException("no answer from the database within " + millis + " ms");
    }

    /** A failure as the client should see it: 503 for an outage, 5002 for a cancelled statement. */
    public Throwable translate(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof QueryFailure) {
            return cause;
        }
        if (isOutage(cause)) {
            return unavailable();
        }
        if (cause instanceof PgException pg && QUERY_CANCELED.equals(pg.getSqlState())) {
            long limit = seconds(config.timeout().toMillis());
            return QueryFailure.timedOut("The query ran longer than " + limit
                    + (limit == 1 ? " second" : " seconds") + " and was stopped."
                    + " Select fewer reporters, partners, periods or commodities.");
        }
        return cause;
    }

    /** The refusal while the database is down: retry once the breaker would try again. */
    public QueryFailure.Unavailable unavailable() {
        return QueryFailure.unavailable("The database is unavailable. Please retry later.",
                seconds(config.breakerDelay().toMillis()));
    }

    /** Whether a failure says the database cannot be used, as opposed to a problem of one statement. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = unwrap(failure); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof QueryFailure.Unavailable refusal && refusal.kind() == QueryFailure.Kind.UNAVAILABLE) {
                return true;
            }
            if (t instanceof PgException pg) {
                String state = pg.getSqlState();
                return state != null && (state.startsWith("08") || OUTAGE_STATES.contains(state));
            }
            if (t instanceof ConnectException || t instanceof TimeoutException || t instanceof IOException
                    || t instanceof CircuitBreakerOpenException
                    || t instanceof io.vertx.sqlclient.ClosedConnectionException
                    || t instanceof io.netty.channel.ConnectTimeoutException) {
                return true;
            }
            String message = t.getMessage();
            if (t instanceof io.vertx.core.VertxException && message != null
                    && (message.contains("closed") || message.contains("Connection"))) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompositeException composite && !composite.getCauses().isEmpty()) {
            t = composite.getCauses().get(0);
        }
        return t;
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
