package org.tradegateway.data;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.tradegateway.config.QueryConfig;

/**
 * Builds the reactive pool with the gateway's session settings: PostgreSQL cancels a statement that runs past the
 * query timeout itself (statement_timeout), so an abandoned query never keeps running on the server; a connection
 * attempt gives up after the connect timeout; sessions are named so that operators can find them.
 */
@Singleton
public class DatabasePoolCreator implements PgPoolCreator {
    static final String APPLICATION_NAME = "trade-gateway";
    private final QueryConfig config;

    public DatabasePoolCreator(QueryConfig config) {
        this.config = config;
    }

    @Override
    public Pool create(Input input) {
        List<SqlConnectOptions> servers = new ArrayList<>();
        for (PgConnectOptions options : input.pgConnectOptionsList()) {
            servers.add(new PgConnectOptions(options)
                    .addProperty("statement_timeout", Long.toString(config.timeout().toMillis()))
                    .addProperty("application_name", APPLICATION_NAME)
                    .setConnectTimeout((int) config.connectTimeout().toMillis()));
        }
        return PgBuilder.pool().with(input.poolOptions()).connectingTo(servers).using(input.vertx()).build();
    }
}
