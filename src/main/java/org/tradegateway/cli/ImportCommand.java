package org.tradegateway.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.tradegateway.ingest.BaciSource;
import org.tradegateway.ingest.ComtradePlusSource;
import org.tradegateway.ingest.FactLoader;
import org.tradegateway.ingest.ImportResult;
import org.tradegateway.ingest.ImportSource;
import org.tradegateway.ingest.LegacyCsvSource;
import org.tradegateway.ingest.LegacyJsonSource;
import org.tradegateway.ingest.Progress;
import org.tradegateway.refs.Classification;

/** {@code import <format> <file>}: loads one file atomically and reports what it stored. */
final class ImportCommand {
    private final Arguments arguments;
    private final PrintStream out;

    ImportCommand(Arguments arguments, PrintStream out) {
        this.arguments = arguments;
        this.out = out;
    }

    CommandLine.Body body() {
        String format = arguments.positional(0, "format (baci, comtrade-bulk, comtrade-plus, legacy-json, legacy-csv)");
        Path file = Path.of(arguments.positional(1, "file to import"));
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        String cls = arguments.option("classification", null);
        Classification override = cls == null ? null : Classification.parse(cls).orElseThrow(
                () -> new IllegalArgumentException("unknown classification '" + cls + "'"));
        ImportSource source = switch (format.toLowerCase(Locale.ROOT)) {
            case "baci" -> new BaciSource(file, override);
            case "comtrade-bulk" -> new LegacyCsvSource(file, "comtrade-bulk", override);
            case "legacy-csv" -> new LegacyCsvSource(file, "legacy-csv", override);
            case "legacy-json" -> new LegacyJsonSource(file, override);
            case "comtrade-plus" -> new ComtradePlusSource(file);
            default -> throw new IllegalArgumentException("unknown import format '" + format + "'");
        };
        return connection -> {
            out.printf("importing %s (%s)%n", file, format);
            Progress progress = new Progress(out, System.console() != null, source.sizeBytes());
            ImportResult result = new FactLoader(connection).load(source, progress);
            report(out, result);
            if (source instanceof ComtradePlusSource plus && plus.skippedFlows() > 0) {
                out.printf("skipped %,d rows whose flow has no legacy code (only M, X, RM, RX are served)%n",
                        plus.skippedFlows());
            }
            return 0;
        };
    }

    static void report(PrintStream out, ImportResult result) {
        if (result.unchanged()) {
            out.printf("dataset #%d already holds this exact input; nothing to do%n", result.datasetId());
            return;
        }
        out.printf(Locale.ROOT, "dataset #%d: %,d input rows, %,d records stored for periods %s in %.1f s (%,.0f input"
                        + " rows/s)%n", result.datasetId(), result.rowsRead(), result.recordsStored(), result.periods(),
                result.seconds(), result.rowsRead() / Math.max(result.seconds(), 1e-3));
    }
}
