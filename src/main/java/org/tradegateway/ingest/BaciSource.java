package org.tradegateway.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.tradegateway.refs.Classification;

/**
 * CEPII BACI: a release zip (one {@code BACI_HSxx_Yyyyy_Vxxxxxx.csv} per year plus {@code country_codes}) or one
 * of its yearly CSVs. Columns {@code t,i,j,k,v,q}: value in thousand USD, quantity in metric tons (may be blank),
 * numbers possibly space-padded, product codes kept as text (a 5-digit code regains its leading zero).
 */
public final class BaciSource extends FileSource {
    private static final Pattern RELEASE = Pattern.compile("(?i)BACI_(HS\\d\\d)_");
    private static final Pattern VERSION = Pattern.compile("(?i)_V(\\d{6})");
    private static final Pattern YEAR_FILE = Pattern.compile("(?i)(^|/)BACI_HS\\d\\d_Y\\d{4}_V\\w+\\.csv$");
    private static final Pattern COUNTRY_FILE = Pattern.compile("(?i)(^|/)country_codes\\w*\\.csv$");
    public static final String LICENCE = "Etalab Open Licence 2.0 (CEPII BACI)";
    /** BACI lines are about 40 characters; anything near this is not BACI. */
    static final int MAX_LINE = 4096;

    private final Classification classification;
    private final String version;
    /** The string of each 6-digit product code read, made once (index: the code as a number). */
    private final String[] productCodes = new String[1_000_000];

    public BaciSource(Path file, Classification override) {
        super(file);
        String name = file.getFileName().toString();
        Matcher m = RELEASE.matcher(name);
        boolean named = m.find();
        Optional<Classification> fromName = named ? Classification.ofBaciRelease(m.group(1)) : Optional.empty();
        this.classification = override != null ? override : fromName.orElseThrow(() -> new ImportFailure(
                "cannot tell the HS revision of " + name + ": keep the release name (BACI_HS17_...) or pass"
                        + " --classification H5"));
        if (!classification.isHarmonizedSystem() || !classification.isStoredRevision()) {
            throw new ImportFailure("BACI data is in an HS revision (H0 to H6), not " + classification);
        }
        Matcher v = VERSION.matcher(name);
        this.version = v.find() ? v.group(1) : "";
    }

    @Override
    public DatasetInfo dataset() {
        LocalDate published = version.isEmpty() ? null
                : LocalDate.of(Integer.parseInt(version.substring(0, 4)), Integer.parseInt(version.substring(4, 6)), 1);
        return new DatasetInfo("baci", file.getFileName().toString(), version.isEmpty() ? "" : "V" + version, LICENCE,
                false, published);
    }

    @Override
    public Shape shape() {
        return Shape.FLOWS;
    }

    @Override
    public String flowClassification() {
        return classification.name();
    }

    @Override
    public void writeTo(StageWriter writer) throws IOException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            try (InputStream in = Files.newInputStream(file)) {
                readYear(in, file.getFileName().toString(), writer, 0);
            }
            return;
        }
        try (ZipFile zip = open(file)) {
            List<ZipEntry> years = new ArrayList<>();
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (COUNTRY_FILE.matcher(entry.getName()).find()) {
                    try (InputStream in = declared(zip, entry)) {
                        BaciCountryCodes.read(in, entry.getName(), writer);
                    }
                } else if (YEAR_FILE.matcher(entry.getName()).find()) {
                    years.add(entry);
                }
            }
            if (years.isEmpty()) {
                throw new MalformedInputException(file.getFileName() + ": the zip holds no BACI_HS.._Y...csv file");
            }
            years.sort(Comparator.comparing(ZipEntry::getName));
            long done = 0;
            for (ZipEntry entry : years) {
                try (InputStream in = declared(zip, entry)) {
                    readYear(in, entry.getName(), writer, done);
                }
                done += Math.max(entry.getCompressedSize(), 0);
                writer.endPart();
            }
        }
    }

    /** The next line; a line past the limit, or input that cannot be read, fails naming the file and line. */
    private static String line(LineReader reader, String name, long lineNo) throws IOException {
        try {
            return reader.readLine();
        } catch (MalformedInputException e) {
            throw new MalformedInputException(name + ":" + lineNo + ": " + e.getMessage());
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new MalformedInputException(name + ":" + lineNo + ": the compressed data ends or breaks here ("
                    + MalformedInputException.quote(String.valueOf(e.getMessage())) + ")");
        }
    }

    private static ZipFile open(Path file) throws IOException {
        try {
            return new ZipFile(file.toFile());
        } catch (java.util.zip.ZipException e) {
            throw new MalformedInputException(file.getFileName() + ": not a readable zip file ("
                    + MalformedInputException.quote(String.valueOf(e.getMessage())) + ")");
        }
    }

    private static InputStream declared(ZipFile zip, ZipEntry entry) throws IOException {
        return new DeclaredSizeInputStream(zip.getInputStream(entry), entry.getSize(), entry.getName());
    }

    private void readYear(InputStream raw, String name, StageWriter writer, long offset) throws IOException {
        CountingInputStream counted = new CountingInputStream(raw);
        LineReader reader = new LineReader(new InputStreamReader(counted, StandardCharsets.UTF_8), MAX_LINE);
        String header = line(reader, name, 1);
        if (header == null) {
            throw new MalformedInputException(name + ":1: the file is empty");
        }
        String normalized = header.replace("\uFEFF", "").replace("\"", "").replace(" ", "").toLowerCase(Locale.ROOT);
        if (!normalized.equals("t,i,j,k,v,q")) {
            throw new MalformedInputException(name + ":1: wrong header: expected t,i,j,k,v,q, found "
                    + MalformedInputException.quote(header));
        }
        int[] at = new int[7];
        long lineNo = 1;
        String line;
        while ((line = line(reader, name, lineNo + 1)) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                split(line, at);
                int year = Numbers.integer(line, at[0], at[1] - 1, "t (year)");
                int exporter = Numbers.integer(line, at[1], at[2] - 1, "i (exporter)");
                int importer = Numbers.integer(line, at[2], at[3] - 1, "j (importer)");
                String product = product(line, at[3], at[4] - 1);
                double value = Numbers.thousands(line, at[4], at[5] - 1, "v (value)");
                if (Double.isNaN(value) || value < 0) {
                    throw new MalformedInputException("v (value) must be a positive number, found '"
                            + MalformedInputException.quote(line.substring(at[4], at[5] - 1).trim()) + "'");
                }
                double kg = Numbers.thousands(line, at[5], at[6] - 1, "q (quantity)");
                writer.flow(year, exporter, importer, product, value, kg);
            } catch (MalformedInputException e) {
                throw new MalformedInputException(name + ":" + lineNo + ": " + e.getMessage());
            }
            if ((lineNo & 4095) == 0) {
                writer.progress().position(offset + counted.count());
            }
        }
    }

    /**
     * Where the six fields of a line start: field {@code i} runs from {@code at[i]} to {@code at[i + 1] - 1} (its
     * comma, or the line's end for the last, {@code at[6]} being one past it).
     */
    private static void split(String line, int[] at) {
        at[0] = 0;
        for (int i = 0; i < 5; i++) {
            int comma = line.indexOf(',', at[i]);
            if (comma < 0) {
                throw new MalformedInputException("expected 6 fields (t,i,j,k,v,q), found " + (i + 1));
            }
            at[i + 1] = comma + 1;
        }
        if (line.indexOf(',', at[5]) >= 0) {
            throw new MalformedInputException("expected 6 fields (t,i,j,k,v,q), found more");
        }
        at[6] = line.length() + 1;
    }

    /**
     * The product code of the characters {@code from} to {@code to} of a line: five or six digits, possibly padded,
     * give the one string kept for that code; anything else is read as {@link #product(String)} reads it.
     */
    private String product(String line, int from, int to) {
        int code = Numbers.paddedDigits(line, from, to, 5, 6);
        if (code < 0) {
            return product(line.substring(from, to));
        }
        String known = productCodes[code];
        if (known == null) {
            known = String.format("%06d", code);
            productCodes[code] = known;
        }
        return known;
    }

    static String product(String field) {
        String k = field.trim().replace("\"", "");
        for (int i = 0; i < k.length(); i++) {
            if (!Character.isDigit(k.charAt(i))) {
                throw new MalformedInputException("k (product) '" + MalformedInputException.quote(k) + "' is not an HS6 code");
            }
        }
        if (k.length() == 5) {
            return "0" + k;
        }
        if (k.length() != 6) {
            throw new MalformedInputException("k (product) '" + MalformedInputException.quote(k) + "' is not an HS6 code");
        }
        return k;
    }
}
