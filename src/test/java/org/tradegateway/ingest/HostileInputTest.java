package org.tradegateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradegateway.ingest.synthetic.GeneratorSource;
import org.tradegateway.ingest.synthetic.GeneratorSource.GeneratorSettings;
import org.tradegateway.refs.Classification;
import org.tradegateway.support.Imports;
import org.tradegateway.support.Sql;

/**
 * Input made to hurt: an endless line in a small zip, an entry that inflates past its declared size, fields of
 * megabytes and binary bytes, a truncated zip, and a failure that is not an exception. Memory stays bounded, the
 * messages stay short and printable and name the file, and nothing of a failed import is committed.
 */
@QuarkusTest
class HostileInputTest {
    private static final String HEADER = "t,i,j,k,v,q\n";

    @TempDir
    Path temp;
    private long datasets;

    @org.junit.jupiter.api.BeforeEach
    void count() {
        datasets = Sql.count("SELECT count(*) FROM dataset");
    }

    @AfterEach
    void nothingLeft() {
        assertEquals(datasets, Sql.count("SELECT count(*) FROM dataset"), "a failed import left a dataset row");
        assertEquals(0, Sql.count("SELECT count(*) FROM data_availability WHERE period IN (2018, 2039)"));
    }

    private Path zip(String entryName, String header, long repeatedBytes) throws IOException {
        Path file = temp.resolve("BACI_HS17_V202301.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry(entryName));
            zip.write(header.getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) '7');
            for (long written = 0; written < repeatedBytes; written += block.length) {
                zip.write(block, 0, (int) Math.min(block.length, repeatedBytes - written));
            }
            zip.closeEntry();
        }
        return file;
    }

    private static MalformedInputException refused(ImportSource source) {
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> Imports.load(source));
        assertTrue(e.getMessage().length() < 400, "message of " + e.getMessage().length() + " characters");
        assertTrue(e.getMessage().chars().allMatch(c -> c >= 0x20 && c < 0x7f), e.getMessage());
        return e;
    }

    @Test
    void shouldRefuseAnEndlessLineInASmallZipWithBoundedMemory() throws Exception {
        // 512 MiB of one line compress to about half a megabyte
        Path file = zip("BACI_HS17_Y2018_V202301.csv", HEADER, 512L << 20);
        assertTrue(Files.size(file) < 5_000_000, "size " + Files.size(file));
        Runtime runtime = Runtime.getRuntime();
        long before = runtime.totalMemory() - runtime.freeMemory();
        long started = System.nanoTime();
        MalformedInputException e = refused(new BaciSource(file, null));
        assertTrue(e.getMessage().startsWith("BACI_HS17_Y2018_V202301.csv:2: a line longer than 4096 characters: 777"),
                e.getMessage());
        assertTrue((System.nanoTime() - started) / 1_000_000_000 < 20, "refused at once, not after reading it all");
        long grew = runtime.totalMemory() - runtime.freeMemory() - before;
        assertTrue(grew < 256L << 20, "heap grew by " + grew);
    }

    @Test
    void shouldRefuseAnEntryThatInflatesPastItsDeclaredSize() throws Exception {
        Path file = zip("BACI_HS17_Y2018_V202301.csv", HEADER + "2018,4,12,130120,1.5,2\n", 10_000);
        declareSize(file, 30);
        MalformedInputException e = refused(new BaciSource(file, null));
        assertTrue(e.getMessage().contains("holds more than the 30 bytes its archive declares"), e.getMessage());
    }

    /** Rewrites the uncompressed size of the zip's only entry in its central directory. */
    private static void declareSize(Path file, int size) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = bytes.length - 22; i >= 0; i--) {
            if (buffer.getInt(i) == 0x02014b50) { // central directory file header
                buffer.putInt(i + 24, size);
                Files.write(file, bytes);
                return;
            }
        }
        throw new IllegalStateException("no central directory");
    }

    @Test
    void shouldQuoteAHugeFieldOrBinaryBytesOnlyAsAShortPrintableExcerpt() throws Exception {
        Path csv = temp.resolve("BACI_HS17_Y2018_V202301.csv");
        Files.writeString(csv, HEADER + "2018,4,12,130120," + "9".repeat(3000) + "x,2\n");
        assertTrue(refused(new BaciSource(csv, null)).getMessage().startsWith(
                "BACI_HS17_Y2018_V202301.csv:2: v (value) is not a number: '999"));
        try (OutputStream out = Files.newOutputStream(csv)) {
            out.write(new byte[] {0x1b, '[', '2', 'J', 0, 7, (byte) 0xff, (byte) 0xfe, '\n'});
        }
        assertTrue(refused(new BaciSource(csv, null)).getMessage().startsWith(
                "BACI_HS17_Y2018_V202301.csv:1: wrong header"));
        Path legacy = temp.resolve("type-C_r-4_ps-2018_freq-A_px-H5.csv");
        Files.writeString(legacy, "Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,"
                + "Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,"
                + "Commodity,Qty Unit Code,Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag\r\n\""
                + "y".repeat(CsvReader.MAX_RECORD + 10));
        MalformedInputException e = refused(new LegacyCsvSource(legacy, "comtrade-bulk", Classification.H5));
        assertTrue(e.getMessage().startsWith("type-C_r-4_ps-2018_freq-A_px-H5.csv:2: a record longer than"),
                e.getMessage());
    }

    @Test
    void shouldNameTheFileOfATruncatedZip() throws Exception {
        Path file = zip("BACI_HS17_Y2018_V202301.csv", HEADER + "2018,4,12,130120,1.5,2\n", 200_000);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        MalformedInputException e = refused(new BaciSource(file, null));
        assertTrue(e.getMessage().startsWith("BACI_HS17_V202301.zip"), e.getMessage());
    }

    @Test
    void shouldCommitNothingWhenTheImportFailsWithAnError() throws Exception {
        GeneratorSource generator = new GeneratorSource(new GeneratorSettings(2039, 2039, 5_000, Classification.H4, 5));
        ImportSource failing = new ImportSource() {
            public DatasetInfo dataset() {
                return generator.dataset();
            }

            public Shape shape() {
                return generator.shape();
            }

            public String flowClassification() {
                return generator.flowClassification();
            }

            public String contentHash() {
                return generator.contentHash();
            }

            public long sizeBytes() {
                return generator.sizeBytes();
            }

            public void writeTo(StageWriter writer) throws IOException {
                generator.writeTo(writer);
                throw new OutOfMemoryError("as if the heap ran out after the rows");
            }
        };
        assertThrows(OutOfMemoryError.class, () -> Imports.load(failing));
    }
}
