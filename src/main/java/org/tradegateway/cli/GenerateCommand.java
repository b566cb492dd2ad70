package org.tradegateway.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tradegateway.ingest.FactLoader;
import org.tradegateway.ingest.Progress;
import org.tradegateway.ingest.synthetic.GeneratorSource;
import org.tradegateway.ingest.synthetic.GeneratorSource.GeneratorSettings;
import org.tradegateway.ingest.synthetic.MonthlyFlows;
import org.tradegateway.ingest.synthetic.SyntheticGenerator;
import org.tradegateway.refs.Classification;

/**
 * {@code generate}: synthetic BACI-like flows, imported directly or written as a BACI CSV with {@code --out};
 * {@code --freq M} gives each year as its twelve months (in a CSV, {@code t} is then YYYYMM).
 */
final class GenerateCommand {
    private final Arguments arguments;
    private final PrintStream out;

    GenerateCommand(Arguments arguments, PrintStream out) {
        this.arguments = arguments;
        this.out = out;
    }

    CommandLine.Body body() {
        GeneratorSettings settings;
        try {
            int[] years = GeneratorSettings.parseYears(arguments.option("years", "2019-2023"));
            String cls = arguments.option("classification", "H0");
            String freq = arguments.option("freq", "A").trim().toUpperCase(java.util.Locale.ROOT);
            if (!freq.equals("A") && !freq.equals("M")) {
                throw new IllegalArgumentException("--freq is A (annual) or M (monthly), not '" + freq + "'");
            }
            settings = new GeneratorSettings(years[0], years[1],
                    GeneratorSettings.parseScale(arguments.option("scale", "100k")),
                    Classification.parse(cls).orElseThrow(() -> new IllegalArgumentException(
                            "unknown classification '" + cls + "'")),
                    Long.parseLong(arguments.option("seed", "1")), freq.equals("M"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--years, --scale and --seed take numbers (e.g. 2019-2023, 100k, 1)");
        }
        String target = arguments.option("out", null);
        if (target != null) {
            writeCsv(settings, Path.of(target));
            return null;
        }
        return (CommandLine.LoadingBody) (connection, more) -> {
            out.printf("generating %s%n", settings.datasetName());
            Progress progress = new Progress(out, System.console() != null, -1);
            ImportCommand.report(out, new FactLoader(connection, more).load(new GeneratorSource(settings), progress));
            return 0;
        };
    }

    private void writeCsv(GeneratorSettings settings, Path file) {
        SyntheticGenerator generator = new SyntheticGenerator(settings.seed(), settings.classification(),
                settings.rowsPerYear());
        long[] rows = {0};
        StringBuilder line = new StringBuilder(64);
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("t,i,j,k,v,q\n");
            SyntheticGenerator.FlowConsumer row = (t, i, j, k, value, kg) -> {
                    line.setLength(0);
                    line.append(t).append(',').append(i).append(',').append(j).append(',').append(k).append(',');
                    thousands(line, (long) value);
                    line.append(',');
                    if (kg != null) {
                        thousands(line, kg.longValue());
                    }
                    line.append('\n');
                    w.append(line);
                    rows[0]++;
                };
            for (int year = settings.firstYear(); year <= settings.lastYear(); year++) {
                if (!settings.monthly()) {
                    generator.generateYear(year, row);
                    continue;
                }
                new MonthlyFlows(generator).generateMonths(year, row, month -> { });
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage());
        }
        out.printf("wrote %,d rows to %s%n", rows[0], file);
    }

    /** Units as BACI's thousands with three decimals: 357 becomes 0.357. */
    private static void thousands(StringBuilder sb, long units) {
        sb.append(units / 1000).append('.');
        long rest = units % 1000;
        if (rest < 100) {
            sb.append('0');
        }
        if (rest < 10) {
            sb.append('0');
        }
        sb.append(rest);
    }
}
