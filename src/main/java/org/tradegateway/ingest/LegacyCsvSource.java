package org.tradegateway.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.tradegateway.refs.Classification;

/**
 * Legacy CSV in any of its headers: {@code /api/get?fmt=csv} answers (35 or 22 human-readable columns, or the
 * machine names of head=M) and the legacy bulk files (22 columns for goods, 18 for services), plain or zipped,
 * with or without a byte-order mark. The "No data matches your query" answer holds no records.
 */
public final class LegacyCsvSource extends FileSource {
    static final String NO_DATA = "No data matches your query";
    private final String source;
    private final LegacyRecordMapper mapper;

    /** @param source "legacy-csv" for saved answers, "comtrade-bulk" for bulk files */
    public LegacyCsvSource(Path file, String source, Classification override) {
        super(file);
        this.source = source;
        this.mapper = new LegacyRecordMapper(override);
    }

    @Override
    public DatasetInfo dataset() {
        return new DatasetInfo(source, file.getFileName().toString(), "", "UN Comtrade", false, null);
    }

    @Override
    public Shape shape() {
        return Shape.RECORDS;
    }

    @Override
    public void writeTo(StageWriter writer) throws IOException {
        String name = file.getFileName().toString();
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = raw;
            ZipInputStream zip = null;
            if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                zip = new ZipInputStream(raw);
                ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null && !entry.getName().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    // skip anything that is not the CSV
                }
                if (entry == null) {
                    throw new MalformedInputException(name + ": the zip holds no .csv file");
                }
                name = name + "!" + entry.getName();
                in = new DeclaredSizeInputStream(zip, entry.getSize(), name);
            }
            read(new CsvReader(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16), ','),
                    name, writer);
        }
    }

    private void read(CsvReader csv, String name, StageWriter writer) throws IOException {
        String[] header = csv.next(name);
        if (header == null) {
            throw new MalformedInputException(name + ":1: the file is empty");
        }
        Map<LegacyField, Integer> columns = new EnumMap<>(LegacyField.class);
        for (int i = 0; i < header.length; i++) {
            LegacyField f = LegacyField.ofHeader(header[i]);
            if (f != null) {
                columns.putIfAbsent(f, i);
            }
        }
        for (LegacyField required : new LegacyField[] {LegacyField.RT_CODE, LegacyField.PT_CODE,
                LegacyField.RG_CODE, LegacyField.CMD_CODE, LegacyField.TRADE_VALUE}) {
            if (!columns.containsKey(required)) {
                throw new MalformedInputException(name + ":1: wrong header: no column for " + required.jsonName()
                        + " (found " + MalformedInputException.quote(String.join(",", header)) + ")");
            }
        }
        FactRow row = new FactRow();
        String[] fields;
        while ((fields = csv.next(name)) != null) {
            if (fields.length > 0 && fields[0].startsWith(NO_DATA)) {
                continue;
            }
            String[] current = fields;
            try {
                if (current.length != header.length) {
                    throw new MalformedInputException("expected " + header.length + " fields, found " + current.length);
                }
                mapper.map(f -> {
                    Integer i = columns.get(f);
                    return i == null ? null : current[i];
                }, row, writer);
                writer.record(row);
            } catch (MalformedInputException e) {
                throw new MalformedInputException(name + ":" + csv.recordLine() + ": " + e.getMessage());
            }
        }
    }
}
