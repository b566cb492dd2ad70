package org.tradegateway.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.util.Arrays;
import java.util.Set;
import org.tradegateway.db.DatabaseConnector;
import org.tradegateway.db.DatabaseSettings;
import org.tradegateway.db.SchemaMigrator;
import org.tradegateway.db.StartupProblem;
import org.tradegateway.ingest.ConnectionOpener;
import org.tradegateway.ingest.ImportFailure;
import org.tradegateway.ingest.MalformedInputException;
import org.tradegateway.refs.ReferenceLoader;

/**
 * The administration commands of the jar ({@code import}, {@code generate}, {@code datasets}). They run without
 * starting the HTTP server, against the same database the server would use.
 */
public final class CommandLine {
    public static final Set<String> COMMANDS = Set.of("import", "convert", "generate", "datasets", "query-sql",
            "accounts", "help", "--help", "-h");
    static final String USAGE = """
            usage: java -jar quarkus-run.jar <command> ...
              (no command)                         start the gateway
              import baci <zip|csv> [--classification H5]
              import comtrade-bulk <csv|zip> [--classification H4]
              import comtrade-plus <csv|csv.gz>
              import legacy-json <file.json> [--classification H4]
              import legacy-csv <file.csv> [--classification H4]
              import census <answer.json> [--reporter 842] [--classification H6]
                (every import takes --convert-to H0,S4,BEC: convert the dataset right after importing it)
              convert <dataset name> --to H0[,S4,BEC,...]   a dataset in earlier HS revisions, SITC Rev.1-4 or
                                                          BEC Rev.4 (UNSD tables)
              generate --years 2019-2023 --scale 100k [--classification H0] [--seed 1] [--freq A|M] [--out flows.csv]
              datasets list
              datasets drop <id>
              query-sql "r=842&p=156&ps=2021&cc=TOTAL"   the SQL /api/get runs for a query
              accounts create <name> [--email e] [--quota 10000] [--max 250000] [--ips 192.0.2.0/24,2001:db8::/32]
              accounts list | show <name> | disable <name> | enable <name>
              accounts token-add <name> | token-revoke <name> <#id or token>
              accounts set-quota <name> <per hour> [--max n] | set-ips <name> <cidr,...|none>
            The database is the one the gateway uses: TRADE_DB_URL, or the embedded one in
            TRADE_DB_EMBEDDED_DATA_DIR (default ./data/postgres), started for the command if needed.""";

    private CommandLine() {
    }

    /** A command body, run with an open connection to a migrated database. */
    interface Body {
        int run(Connection connection) throws Exception;
    }

    /** A body that also opens more connections (to read while the first one writes, to work beside it). */
    interface LoadingBody extends Body {
        int run(Connection connection, ConnectionOpener more) throws Exception;

        @Override
        default int run(Connection connection) {
            throw new IllegalStateException("needs more connections");
        }
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            out.println(args.length > 1 ? usage(args[1]) : USAGE);
            return 0;
        }
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.println(usage(args[0]));
            return 0;
        }
        try {
            Arguments arguments = new Arguments(args);
            Body body = switch (args[0]) {
                case "import" -> new ImportCommand(arguments, out).body();
                case "convert" -> new ConvertCommand(arguments, out).body();
                case "generate" -> new GenerateCommand(arguments, out).body();
                case "datasets" -> new DatasetsCommand(arguments, out).body();
                case "query-sql" -> new QuerySqlCommand(arguments, out).body();
                case "accounts" -> new AccountsCommand(arguments, out).body();
                default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'");
            };
            if (body == null) {
                return 0;
            }
            return withDatabase(body, err);
        } catch (IllegalArgumentException e) {
            err.println("trade-gateway: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    private static int withDatabase(Body body, PrintStream err) {
        try (DatabaseConnector.OpenDatabase db = DatabaseConnector.open(DatabaseSettings.load())) {
            SchemaMigrator.migrate(db.target());
            try (Connection connection = DatabaseConnector.connect(db.target())) {
                ReferenceLoader.loadIfChanged(connection);
                if (body instanceof LoadingBody loading) {
                    return loading.run(connection, () -> DatabaseConnector.connect(db.target()));
                }
                return body.run(connection);
            }
        } catch (StartupProblem e) {
            err.println("trade-gateway: " + e.getMessage());
            return 2;
        } catch (ImportFailure | MalformedInputException e) {
            err.println("trade-gateway: failed, nothing was changed: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("trade-gateway: failed, nothing was changed: " + rootMessage(e));
            return 1;
        }
    }

    /** The usage lines of one command (all of them for a name that is not a command). */
    static String usage(String command) {
        String[] lines = USAGE.split("\n");
        StringBuilder sb = new StringBuilder(lines[0]).append('\n');
        boolean any = false;
        for (String line : lines) {
            if (line.startsWith("  " + command + " ")) {
                sb.append(line).append('\n');
                any = true;
            }
        }
        if (!any) {
            return USAGE;
        }
        for (int i = lines.length - 2; i < lines.length; i++) {
            sb.append(lines[i]).append(i < lines.length - 1 ? "\n" : "");
        }
        return sb.toString();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            if (t instanceof MalformedInputException || t instanceof ImportFailure) {
                break;
            }
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
