package org.tradegateway.ingest.synthetic;

import java.io.IOException;
import java.time.LocalDate;
import org.tradegateway.ingest.DatasetInfo;
import org.tradegateway.ingest.FileDigest;
import org.tradegateway.ingest.ImportSource;
import org.tradegateway.ingest.StageWriter;
import org.tradegateway.refs.Classification;

/** Feeds the synthetic generator straight into an import, one year per part; marked synthetic in provenance. */
public final class GeneratorSource implements ImportSource {
    /** Bumped whenever the generator's output changes, so that the same settings re-import new output. */
    public static final String GENERATOR_VERSION = "2";
    private final GeneratorSettings settings;

    public GeneratorSource(GeneratorSettings settings) {
        this.settings = settings;
    }

    @Override
    public DatasetInfo dataset() {
        return new DatasetInfo("synthetic", settings.datasetName(), "generator v" + GENERATOR_VERSION,
                "synthetic data, no restriction", true, LocalDate.now());
    }

    @Override
    public Shape shape() {
        return Shape.FLOWS;
    }

    @Override
    public String flowClassification() {
        return settings.classification().name();
    }

    @Override
    public String contentHash() {
        return FileDigest.sha256(settings.datasetName() + "/" + GENERATOR_VERSION);
    }

    @Override
    public long sizeBytes() {
        return -1;
    }

    @Override
    public void writeTo(StageWriter writer) throws IOException {
        SyntheticGenerator generator = new SyntheticGenerator(settings.seed(), settings.classification(),
                settings.rowsPerYear());
        // a flow without a quantity is null here and NaN to the writer
        SyntheticGenerator.FlowConsumer flows = (year, exporter, importer, product, value, kg) ->
                writer.flow(year, exporter, importer, product, value, kg == null ? Double.NaN : kg);
        for (int year = settings.firstYear(); year <= settings.lastYear(); year++) {
            if (settings.monthly()) {
                new MonthlyFlows(generator).generateMonths(year, flows, month -> writer.endPart());
            } else {
                generator.generateYear(year, flows);
                writer.endPart();
            }
        }
    }

    /**
     * What to generate: years, rows per year, HS revision, seed, and whether each year comes as its twelve months
     * (which add up to the annual flows of the same settings).
     */
    public record GeneratorSettings(int firstYear, int lastYear, long rowsPerYear, Classification classification,
                                    long seed, boolean monthly) {
        public GeneratorSettings(int firstYear, int lastYear, long rowsPerYear, Classification classification,
                                 long seed) {
            this(firstYear, lastYear, rowsPerYear, classification, seed, false);
        }

        public GeneratorSettings {
            if (firstYear < 1988 || lastYear > 2100 || firstYear > lastYear) {
                throw new IllegalArgumentException("years must be a range such as 2019-2023");
            }
            if (rowsPerYear < 1 || rowsPerYear > 50_000_000) {
                throw new IllegalArgumentException("scale must be between 1 and 50M rows per year");
            }
            if (!classification.isHarmonizedSystem() || !classification.isStoredRevision()) {
                throw new IllegalArgumentException("the generator writes HS revisions H0 to H6");
            }
        }

        public String datasetName() {
            return String.format("synthetic-%s%s-%d-%d-%d-seed%d", classification, monthly ? "-monthly" : "",
                    firstYear, lastYear, rowsPerYear, seed);
        }

        /** Parses "2019-2023" or "2021". */
        public static int[] parseYears(String text) {
            String[] parts = text.trim().split("-", 2);
            int first = Integer.parseInt(parts[0].trim());
            int last = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : first;
            return new int[] {first, last};
        }

        /** Parses "100k", "10M", "250000". */
        public static long parseScale(String text) {
            String s = text.trim().toLowerCase(java.util.Locale.ROOT).replace("_", "");
            long factor = 1;
            if (s.endsWith("k")) {
                factor = 1_000;
                s = s.substring(0, s.length() - 1);
            } else if (s.endsWith("m")) {
                factor = 1_000_000;
                s = s.substring(0, s.length() - 1);
            }
            return Math.round(Double.parseDouble(s) * factor);
        }
    }
}
