package org.tradegateway.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.Statement;
import org.tradegateway.ingest.FactLoader;
import org.tradegateway.ingest.ImportFailure;

/** {@code datasets list | drop <id>}: what is loaded, with provenance, and its removal. */
final class DatasetsCommand {
    private final Arguments arguments;
    private final PrintStream out;

    DatasetsCommand(Arguments arguments, PrintStream out) {
        this.arguments = arguments;
        this.out = out;
    }

    CommandLine.Body body() {
        String action = arguments.positional(0, "action (list or drop)");
        return switch (action) {
            case "list" -> connection -> {
                try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT id, source, name, source_version, synthetic, row_count, imported_at, licence"
                                + " FROM dataset ORDER BY id")) {
                    out.printf("%4s  %-18s %-44s %-10s %9s %12s  %s%n", "id", "source", "name", "version", "synthetic",
                            "records", "imported");
                    while (rs.next()) {
                        out.printf("%4d  %-18s %-44s %-10s %9s %,12d  %s%n", rs.getInt(1), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getBoolean(5) ? "yes" : "no", rs.getLong(6),
                                rs.getTimestamp(7).toInstant());
                    }
                }
                return 0;
            };
            case "drop" -> {
                int id;
                try {
                    id = Integer.parseInt(arguments.positional(1, "dataset id"));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("the dataset id is a number (see `datasets list`)");
                }
                yield connection -> {
                    connection.setAutoCommit(false);
                    if (!new FactLoader(connection).dropDataset(id)) {
                        connection.rollback();
                        throw new ImportFailure("there is no dataset #" + id + " (see `datasets list`)");
                    }
                    connection.commit();
                    out.printf("dataset #%d dropped%n", id);
                    return 0;
                };
            }
            default -> throw new IllegalArgumentException("unknown datasets action '" + action + "'");
        };
    }
}
