package org.tradegateway.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.tradegateway.ingest.ConnectionOpener;
import org.tradegateway.ingest.Conversion;
import org.tradegateway.ingest.FactLoader;
import org.tradegateway.ingest.ImportFailure;
import org.tradegateway.ingest.ImportResult;
import org.tradegateway.ingest.ImportSource;
import org.tradegateway.ingest.Progress;
import org.tradegateway.ingest.RecordConversionSource;
import org.tradegateway.refs.Classification;

/**
 * {@code convert <dataset> --to H0[,S4,BEC,...]}: a loaded dataset (flows or declared records) converted to earlier
 * HS revisions, SITC Rev.1-4 or BEC Rev.4, each stored as a dataset of its own (atomically, like an import), so that
 * every dialect answers those classifications from stored rows. Converting again after the source is imported anew
 * replaces the conversion.
 */
final class ConvertCommand {
    private final Arguments arguments;
    private final PrintStream out;

    ConvertCommand(Arguments arguments, PrintStream out) {
        this.arguments = arguments;
        this.out = out;
    }

    CommandLine.Body body() {
        String name = arguments.positional(0, "name of the dataset to convert (see `datasets list`)");
        String to = arguments.option("to", null);
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("--to names the classifications to convert to, such as H0 or H0,S4,BEC");
        }
        List<Classification> targets = targets(to, "--to");
        return (CommandLine.LoadingBody) (connection, more) -> {
            convert(connection, more, name, targets, false, out);
            return 0;
        };
    }

    /** The classifications a comma-separated option names; refused with the reason when one cannot be a target. */
    static List<Classification> targets(String list, String option) {
        List<Classification> targets = new ArrayList<>();
        for (String item : list.split(",")) {
            Classification px = Classification.parse(item.trim()).filter(c -> c.type() == 'C')
                    .filter(Classification::isStoredRevision).orElseThrow(() -> new IllegalArgumentException(
                            option + " takes H0 to H6, S1 to S4 or BEC, not '" + item.trim() + "'"));
            targets.add(px);
        }
        return targets;
    }

    /**
     * Converts the dataset {@code name} to each target in turn, each stored atomically, reporting to {@code out};
     * with {@code reachableOnly}, a target no table leads to (the dataset's own classification, a later HS
     * revision) is reported and skipped instead of refused. The source is read through a connection of its own
     * from {@code more} while {@code connection} writes.
     */
    static void convert(Connection connection, ConnectionOpener more, String name, List<Classification> targets,
                        boolean reachableOnly, PrintStream out) throws Exception {
        try (Connection reader = more.open()) {
            convert(connection, reader, more, name, targets, reachableOnly, out);
        }
    }

    private static void convert(Connection connection, Connection reader, ConnectionOpener more, String name,
                                List<Classification> targets, boolean reachableOnly, PrintStream out)
            throws Exception {
        for (Classification target : targets) {
            Conversion source;
            try {
                source = Conversion.of(reader, name, target);
            } catch (ImportFailure e) {
                if (!reachableOnly) {
                    throw e;
                }
                out.printf("not converted to %s: %s%n", target, e.getMessage());
                continue;
            }
            out.printf("converting %s to %s with UNSD %s (%,d codes)%n", name, target, source.tables(),
                    source.codes());
            ImportResult result = new FactLoader(connection, more).load(source, new Progress(out,
                    System.console() != null, -1));
            ImportCommand.report(out, result);
            if (!result.unchanged()) {
                out.printf("%,d source %s converted; %,d of them (%,.0f USD) %s (the table has no target for"
                        + " their code)%n", source.converted(), source.shape() == ImportSource.Shape.FLOWS ? "flows"
                        : "leaf records", source.kept(), source.keptValue(),
                        target.isHarmonizedSystem() ? "kept under their own code" : "counted in the totals only");
                if (source instanceof RecordConversionSource records && records.groupsLeftOut() > 0) {
                    out.printf("%,d record groups left out: already in %s, or in a classification no table leads"
                            + " from%n", records.groupsLeftOut(), target);
                }
            }
        }
    }
}
