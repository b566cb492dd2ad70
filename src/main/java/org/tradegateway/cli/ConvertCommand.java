package org.tradegateway.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.tradegateway.ingest.ConversionSource;
import org.tradegateway.ingest.FactLoader;
import org.tradegateway.ingest.ImportResult;
import org.tradegateway.ingest.Progress;
import org.tradegateway.refs.Classification;

/**
 * {@code convert <dataset> --to H0[,H2,...]}: a loaded flow dataset converted to earlier HS revisions, each
 * stored as a dataset of its own (atomically, like an import), so that every dialect answers those revisions from
 * stored rows. Converting again after the source is imported anew replaces the conversion.
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
            throw new IllegalArgumentException("--to names the HS revisions to convert to, such as H0 or H0,H2");
        }
        List<Classification> targets = new ArrayList<>();
        for (String item : to.split(",")) {
            Classification px = Classification.parse(item.trim()).filter(Classification::isHarmonizedSystem)
                    .filter(Classification::isStoredRevision).orElseThrow(() -> new IllegalArgumentException(
                            "--to takes HS revisions H0 to H6, not '" + item.trim() + "'"));
            targets.add(px);
        }
        return (CommandLine.ReadingBody) (connection, reader) -> {
            for (Classification target : targets) {
                ConversionSource source = new ConversionSource(reader, name, target);
                out.printf("converting %s to %s with UNSD %s (%,d codes)%n", name, target, source.table().name(),
                        source.table().size());
                ImportResult result = new FactLoader(connection).load(source, new Progress(out,
                        System.console() != null, -1));
                ImportCommand.report(out, result);
                if (!result.unchanged()) {
                    out.printf("%,d source flows converted; %,d of them kept under their own code (the table has no"
                            + " target for it)%n", source.converted(), source.kept());
                }
            }
            return 0;
        };
    }
}
