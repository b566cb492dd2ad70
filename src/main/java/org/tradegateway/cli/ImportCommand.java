package org.tradegateway.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import org.tradegateway.db.DatabaseSettings;
import org.tradegateway.ingest.BaciSource;
import org.tradegateway.ingest.CensusSource;
import org.tradegateway.ingest.ComtradePlusSource;
import org.tradegateway.ingest.ConnectionOpener;
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
        String format = arguments.positional(0, "format (baci, comtrade-bulk, comtrade-plus, legacy-json, legacy-csv,"
                + " census)");
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
            case "census" -> new CensusSource(file, override, reporter());
            default -> throw new IllegalArgumentException("unknown import format '" + format + "'");
        };
        // the deployment's setting converts to what can be reached; a target named on the command line must be
        String configured = DatabaseSettings.load().get("trade.data.convert-to");
        String convertTo = arguments.option("convert-to", configured);
        boolean fromSetting = arguments.option("convert-to", null) == null;
        List<Classification> targets = convertTo == null || convertTo.equalsIgnoreCase("none") ? List.of()
                : ConvertCommand.targets(convertTo, fromSetting ? "TRADE_DATA_CONVERT_TO" : "--convert-to");
        if (!targets.isEmpty()) {
            return (CommandLine.LoadingBody) (connection, more) -> {
                int status = importFile(connection, more, source, file, format);
                ConvertCommand.convert(connection, more, source.dataset().name(), targets, fromSetting, out);
                return status;
            };
        }
        return (CommandLine.LoadingBody) (connection, more) -> importFile(connection, more, source, file, format);
    }

    private int importFile(Connection connection, ConnectionOpener more, ImportSource source, Path file,
                           String format) throws Exception {
        out.printf("importing %s (%s)%n", file, format);
        Progress progress = new Progress(out, System.console() != null, source.sizeBytes());
        ImportResult result = new FactLoader(connection, more).load(source, progress);
        report(out, result);
        if (source instanceof CensusSource census && census.skipped() > 0) {
            out.printf("skipped %,d rows: groupings (sums of the countries), 10-digit codes, suppressed"
                    + " values%n", census.skipped());
        }
        if (source instanceof ComtradePlusSource plus && plus.skippedFlows() > 0) {
            out.printf("skipped %,d rows whose flow has no legacy code (only M, X, RM, RX are served)%n",
                    plus.skippedFlows());
        }
        return 0;
    }

    /** The reporter of a Census answer: --reporter, else the United States. */
    private int reporter() {
        String reporter = arguments.option("reporter", "842");
        try {
            return Integer.parseInt(reporter.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--reporter takes a Comtrade area code such as 842, not '" + reporter
                    + "'");
        }
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
