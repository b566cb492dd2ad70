package org.tradegateway.data;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.tradegateway.config.QueryConfig;

/**
 * Builds the reactive pools with the gateway's session settings: PostgreSQL cancels a statement that runs past the
 * query timeout itself (statement_timeout), so an abandoned query never keeps running on the server; a connection
 * attempt gives up after the connect timeout; sessions are named so that operators can find them.
 *
 * <p>Two pools. The main one serves the many small statements (an answer of up to 1,000 rows, availability,
 * accounts) with generic plans: planning the fact statement over its partitions for each execution cost PostgreSQL
 * about three times the CPU of running it. The streaming pool serves the few large answers read through a cursor,
 * planned for their actual values, which matters when a statement reads a whole partition.
 */
@Singleton
public class DatabasePoolCreator implements PgPoolCreator {
    static final String APPLICATION_NAME = "trade-gateway";
    private final QueryConfig config;
    private volatile Input input;
    private Pool streaming;

    public DatabasePoolCreator(QueryConfig config) {
        this.config = config;
    }

    @Override
    public Pool create(Input input) {
        this.input = input;
        return build(input.pgConnectOptionsList(), input.poolOptions(), true);
    }

    /** The pool of the large answers, made with the main pool's settings the first time it is asked for. */
    synchronized Pool streaming() {
        if (streaming == null) {
            if (input == null) {
                throw new IllegalStateException("the main pool is not built yet");
            }
            PoolOptions options = new PoolOptions(input.poolOptions())
                    .setMaxSize(config.heavyLimit() + 4).setName("trade-gateway-streaming");
            streaming = build(input.pgConnectOptionsList(), options, false);
        }
        return streaming;
    }

    /** Settings for a connection of its own (the change listener's): the main pool's first server, named. */
    synchronized PgConnectOptions ownConnection(String name) {
        if (input == null) {
            throw new IllegalStateException("the main pool is not built yet");
        }
        return new PgConnectOptions(input.pgConnectOptionsList().get(0))
                .addProperty("application_name", APPLICATION_NAME + "-" + name)
                .setConnectTimeout((int) config.connectTimeout().toMillis());
    }

    /**
     * A read replica's two pools, like the main and the streaming pool, on the server of {@code url}
     * ({@code postgresql://host:port/database}, with the main pool's user and password unless it names its own).
     */
    synchronized Pool[] replica(String url, String name) {
        if (input == null) {
            throw new IllegalStateException("the main pool is not built yet");
        }
        PgConnectOptions main = input.pgConnectOptionsList().get(0);
        String uri = url.replaceFirst("^jdbc:", "");
        PgConnectOptions options = PgConnectOptions.fromUri(uri);
        if (!uri.matches("^[a-z]+://[^/@]+@.*")) {
            options.setUser(main.getUser()).setPassword(main.getPassword());
        }
        options.setPipeliningLimit(main.getPipeliningLimit()).setCachePreparedStatements(
                main.getCachePreparedStatements());
        PoolOptions small = new PoolOptions(input.poolOptions()).setName("trade-gateway-" + name);
        PoolOptions large = new PoolOptions(input.poolOptions()).setMaxSize(config.heavyLimit() + 4)
                .setName("trade-gateway-" + name + "-streaming");
        return new Pool[] {build(List.of(options), small, true), build(List.of(options), large, false)};
    }

    synchronized void close(@Observes ShutdownEvent event) {
        if (streaming != null) {
            streaming.close();
            streaming = null;
        }
    }

    private Pool build(List<PgConnectOptions> connectOptions, PoolOptions poolOptions, boolean genericPlans) {
        List<SqlConnectOptions> servers = new ArrayList<>();
        for (PgConnectOptions options : connectOptions) {
            PgConnectOptions session = new PgConnectOptions(options)
                    .addProperty("statement_timeout", Long.toString(config.timeout().toMillis()))
                    .addProperty("application_name", APPLICATION_NAME)
                    .setConnectTimeout((int) config.connectTimeout().toMillis());
            if (genericPlans) {
                session.addProperty("plan_cache_mode", "force_generic_plan");
            }
            servers.add(session);
        }
        return PgBuilder.pool().with(poolOptions).connectingTo(servers).using(input.vertx()).build();
    }
}
