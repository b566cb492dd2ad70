package org.tradegateway;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.tradegateway.cli.CommandLine;
import org.tradegateway.db.DatabaseConnector;
import org.tradegateway.db.DatabaseSettings;
import org.tradegateway.db.DatabaseTarget;
import org.tradegateway.db.StartupProblem;

/**
 * Entry point: runs an administration command, or resolves the database (starting the embedded PostgreSQL when
 * none is configured) and then starts the gateway on it, stopping the embedded server after the gateway.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        if (args.length > 0 && CommandLine.COMMANDS.contains(args[0])) {
            System.exit(CommandLine.run(args, System.out, System.err));
        }
        DatabaseConnector.OpenDatabase db;
        try {
            db = DatabaseConnector.open(DatabaseSettings.load());
        } catch (StartupProblem e) {
            System.err.println("trade-gateway: " + e.getMessage());
            System.exit(2);
            return;
        }
        useDatabase(db.target());
        if (db.startedHere() != null) {
            db.startedHere().stopAfter(org.tradegateway.db.ServerShutdown.stopped());
        }
        Quarkus.run(Gateway.class, (exitCode, failure) -> {
            if (failure != null) {
                System.err.println("trade-gateway: could not start: " + describe(failure));
            }
            db.close();
            System.exit(exitCode);
        }, args);
    }

    /** The innermost message of a startup failure, which is the one that names the problem. */
    static String describe(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getName() : t.getMessage();
    }

    /** Hands the resolved database to Quarkus as datasource configuration. */
    static void useDatabase(DatabaseTarget target) {
        System.setProperty("quarkus.datasource.jdbc.url", target.jdbcUrl());
        System.setProperty("quarkus.datasource.reactive.url", target.reactiveUrl());
        System.setProperty("quarkus.datasource.username", target.user());
        if (target.password() != null) {
            System.setProperty("quarkus.datasource.password", target.password());
        }
        System.setProperty("trade.db.mode", target.embedded() ? "embedded" : "external");
        System.setProperty("trade.db.description", target.describe());
    }

    /** The running gateway: serves until asked to stop. */
    public static class Gateway implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }
}
