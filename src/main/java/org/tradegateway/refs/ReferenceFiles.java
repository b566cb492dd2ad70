package org.tradegateway.refs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.tradegateway.ingest.CsvReader;

/** Reads the reference CSV files shipped under {@code reference/} on the classpath. */
public final class ReferenceFiles {
    public static final String AREAS = "areas.csv";
    public static final String CLASSIFICATIONS = "classifications.csv.gz";
    public static final String QUANTITY_UNITS = "quantity_units.csv";
    public static final String TRADE_REGIMES = "trade_regimes.csv";

    private ReferenceFiles() {
    }

    public static InputStream open(String name) throws IOException {
        InputStream in = ReferenceFiles.class.getResourceAsStream("/reference/" + name);
        if (in == null) {
            throw new IOException("reference file missing from the build: reference/" + name);
        }
        return name.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** All data rows of a reference CSV (header skipped), split into fields. */
    public static List<String[]> rows(String name) {
        List<String[]> rows = new ArrayList<>();
        forEachRow(name, rows::add);
        return rows;
    }

    /** Each data row of a reference CSV (header skipped), split into fields, without holding them all. */
    public static void forEachRow(String name, Consumer<String[]> action) {
        try (CsvReader reader = new CsvReader(new BufferedReader(new InputStreamReader(open(name),
                StandardCharsets.UTF_8)), ',')) {
            reader.next();
            String[] row;
            while ((row = reader.next()) != null) {
                action.accept(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
