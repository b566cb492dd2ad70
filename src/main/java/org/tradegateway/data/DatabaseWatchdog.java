package org.tradegateway.data;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;
import org.tradegateway.config.QueryConfig;

/**
 * Tells within about a second when PostgreSQL stops answering, which neither a refused connection nor a statement
 * timeout reveals when the server hangs (a stopped process, a frozen host): a round trip on a connection of its own
 * every quarter of the allowance, each given {@code trade.query.unresponsive-after} to answer. While the server is
 * unresponsive every database call is refused at once (503), calls under way are given up, and readiness is DOWN;
 * the first round trip that answers again ends it.
 */
@ApplicationScoped
public class DatabaseWatchdog {
    private static final Logger LOG = Logger.getLogger(DatabaseWatchdog.class);
    private final DatabasePoolCreator pools;
    private final Vertx vertx;
    private final long allowanceNanos;
    private final long intervalMillis;
    private final List<Runnable> onUnresponsive = new CopyOnWriteArrayList<>();
    private volatile boolean unresponsive;
    private volatile String reason = "";
    private volatile long lastAnswer = System.nanoTime();
    private PgConnection connection;
    private boolean waiting;
    private long waitingSince;
    private long timer = -1;
    private volatile boolean stopped;

    private final io.vertx.mutiny.sqlclient.Pool pool;

    public DatabaseWatchdog(io.vertx.mutiny.sqlclient.Pool pool, DatabasePoolCreator pools, Vertx vertx,
                            QueryConfig config) {
        this.pool = pool;
        this.pools = pools;
        this.vertx = vertx;
        this.allowanceNanos = config.unresponsiveAfter().toNanos();
        this.intervalMillis = Math.max(50, config.unresponsiveAfter().toMillis() / 4);
    }

    /** Whether the database is known not to answer right now. */
    public boolean unresponsive() {
        return unresponsive;
    }

    /** Why it is unresponsive, for readiness. */
    public String reason() {
        return reason;
    }

    /** Milliseconds since the database last answered a round trip. */
    public long millisSinceAnswer() {
        return (System.nanoTime() - lastAnswer) / 1_000_000;
    }

    /** Runs this each time the database is found unresponsive. */
    public void whenUnresponsive(Runnable action) {
        onUnresponsive.add(action);
    }

    void start(@Observes StartupEvent event) {
        if (allowanceNanos <= 0) {
            return;
        }
        pool.getDelegate(); // the pool, and with it the connection settings, exist from here on
        timer = vertx.setPeriodic(intervalMillis, id -> tick());
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (connection != null) {
            connection.close();
        }
    }

    /** One step, always on the timer's event loop: give up a round trip that is late, or start the next one. */
    private void tick() {
        if (stopped) {
            return;
        }
        if (waiting) {
            if (System.nanoTime() - waitingSince > allowanceNanos) {
                down("no answer within " + allowanceNanos / 1_000_000 + " ms");
                if (connection != null) {
                    PgConnection late = connection;
                    connection = null;
                    waiting = false;
                    late.close();
                }
                // a connection attempt that hangs is left to end by itself: only one is ever under way
            }
            return;
        }
        waiting = true;
        waitingSince = System.nanoTime();
        PgConnection c = connection;
        if (c == null) {
            PgConnection.connect(vertx, pools.ownConnection("watchdog")).onComplete(done -> {
                waiting = false;
                if (done.failed()) {
                    down(String.valueOf(done.cause().getMessage()));
                } else if (stopped) {
                    done.result().close();
                } else {
                    connection = done.result();
                    done.result().closeHandler(v -> {
                        if (connection == done.result()) {
                            connection = null;
                        }
                    });
                    up();
                }
            });
        } else {
            c.query("SELECT 1").execute().onComplete(done -> {
                if (connection != c) {
                    return; // given up already
                }
                waiting = false;
                if (done.succeeded()) {
                    up();
                } else {
                    connection = null;
                    c.close();
                    down(String.valueOf(done.cause().getMessage()));
                }
            });
        }
    }

    private void up() {
        lastAnswer = System.nanoTime();
        if (unresponsive) {
            unresponsive = false;
            reason = "";
            LOG.info("the database answers again");
        }
    }

    private void down(String why) {
        if (stopped) {
            return; // its own connection closing at shutdown says nothing of the database
        }
        reason = why;
        if (!unresponsive) {
            unresponsive = true;
            LOG.warnf("the database does not answer (%s): refusing database calls until it does", why);
            onUnresponsive.forEach(Runnable::run);
        }
    }
}
