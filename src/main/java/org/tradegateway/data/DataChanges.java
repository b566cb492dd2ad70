package org.tradegateway.data;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Hears of every change of the loaded data as PostgreSQL announces it (LISTEN trade_data_changed: an import, a
 * drop, new wording of areas or commodities, see migration V6) on a connection of its own, and counts them: an
 * answer kept in memory is good only while the count has not moved since the answer was read.
 *
 * <p>While that connection is not listening (not yet connected, lost, or a server that cannot LISTEN, such as a
 * read replica), {@link #listening()} is false and nothing kept may be used: the gateway cannot know what changed.
 * The connection is tried again every few seconds and checked with a round trip every few seconds, so that one
 * that silently died is noticed; each time it starts listening again the count moves, because anything may have
 * changed meanwhile.
 */
@ApplicationScoped
public class DataChanges {
    static final String CHANNEL = "trade_data_changed";
    private static final Logger LOG = Logger.getLogger(DataChanges.class);
    private static final long RETRY_MILLIS = 2_000;
    private static final long CHECK_MILLIS = 5_000;
    private final Pool pool;
    private final DatabasePoolCreator pools;
    private final Vertx vertx;
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;
    private volatile boolean stopped;
    private volatile PgConnection connection;
    private volatile boolean complained;
    private boolean retrying;
    private long checkTimer = -1;

    public DataChanges(Pool pool, DatabasePoolCreator pools, Vertx vertx) {
        this.pool = pool;
        this.pools = pools;
        this.vertx = vertx;
    }

    /** How many changes have been heard of (and reconnections made); compare two readings, nothing else. */
    public long generation() {
        return generation.get();
    }

    /** Whether changes are being heard right now. */
    public boolean listening() {
        return listening;
    }

    void start(@Observes StartupEvent event) {
        pool.getDelegate(); // the pool, and with it the connection settings, exist from here on
        connect();
        checkTimer = vertx.setPeriodic(CHECK_MILLIS, id -> check());
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        listening = false;
        if (checkTimer >= 0) {
            vertx.cancelTimer(checkTimer);
        }
        PgConnection c = connection;
        if (c != null) {
            c.close();
        }
    }

    private void connect() {
        if (stopped) {
            return;
        }
        PgConnection.connect(vertx, pools.ownConnection("listener")).compose(c -> {
            connection = c;
            c.notificationHandler(n -> {
                if (CHANNEL.equals(n.getChannel())) {
                    generation.incrementAndGet();
                }
            });
            c.closeHandler(closed -> {
                if (connection == c) {
                    lost("its connection closed");
                }
            });
            return c.query("LISTEN " + CHANNEL).execute();
        }).onSuccess(done -> {
            generation.incrementAndGet();
            listening = true;
            if (complained) {
                LOG.info("hearing of data changes again: answers are kept in memory again");
                complained = false;
            }
        }).onFailure(failure -> {
            PgConnection c = connection;
            lost(failure.getMessage());
            if (c != null) {
                c.close();
            }
        });
    }

    /** Stops trusting what is kept, and tries to listen again a little later. */
    private synchronized void lost(String why) {
        listening = false;
        connection = null;
        generation.incrementAndGet();
        if (stopped || retrying) {
            return;
        }
        if (!complained) {
            LOG.warnf("not hearing of data changes (%s): no answer is served from memory until that works again",
                    why);
            complained = true;
        }
        retrying = true;
        vertx.setTimer(RETRY_MILLIS, id -> {
            synchronized (this) {
                retrying = false;
            }
            connect();
        });
    }

    /** A round trip on the listening connection: one that does not answer in time is closed, and so given up. */
    private void check() {
        PgConnection c = connection;
        if (c == null || !listening) {
            return;
        }
        long deadline = vertx.setTimer(CHECK_MILLIS / 2, id -> c.close());
        c.query("SELECT 1").execute().onComplete(done -> {
            vertx.cancelTimer(deadline);
            if (done.failed()) {
                c.close();
            }
        });
    }
}
