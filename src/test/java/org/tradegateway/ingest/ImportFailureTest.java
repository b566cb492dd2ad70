package org.tradegateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradegateway.support.Imports;
import org.tradegateway.support.SharedData;
import org.tradegateway.support.Sql;

/** A failed import leaves nothing of itself and the earlier data as it was. */
@QuarkusTest
class ImportFailureTest {
    private static final String NAME = "BACI_HS17_Y2017_V202301.csv";

    @TempDir
    Path temp;
    private Path file;
    private int goodDataset;

    @BeforeEach
    void importGoodData() throws Exception {
        file = temp.resolve(NAME);
        Files.copy(SharedData.path("data/samples/baci/baci_HS17_V202301_Y2017_head.csv"), file);
        goodDataset = Imports.load(new BaciSource(file, null)).datasetId();
    }

    @AfterEach
    void cleanUp() throws Exception {
        Imports.dropNamed("BACI_HS17");
        Imports.dropNamed("failing");
    }

    private void assertGoodDataIntact() {
        assertEquals(53, Sql.count("SELECT count(*) FROM trade_fact WHERE dataset_id = " + goodDataset));
        assertEquals(10, Sql.count("SELECT count(*) FROM trade_flow WHERE dataset_id = " + goodDataset));
        assertEquals(1, Sql.count("SELECT count(*) FROM dataset"));
        assertEquals(3, Sql.count("SELECT count(*) FROM data_availability"));
        assertEquals(1, Sql.count("SELECT count(*) FROM pg_inherits WHERE inhparent = 'trade_fact'::regclass"));
        assertEquals(1, Sql.count("SELECT count(*) FROM pg_inherits WHERE inhparent = 'trade_flow'::regclass"));
    }

    private MalformedInputException failWith(String content) throws IOException {
        Files.writeString(file, content);
        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> Imports.load(new BaciSource(file, null)));
        assertGoodDataIntact();
        return e;
    }

    @Test
    void shouldNameFileAndLineOfATruncatedFile() throws Exception {
        String good = Files.readString(SharedData.path("data/samples/baci/baci_HS17_V202301_Y2017_head.csv"));
        MalformedInputException e = failWith(good.substring(0, good.length() - 20));
        assertEquals(NAME + ":11: expected 6 fields (t,i,j,k,v,q), found 4", e.getMessage());
    }

    @Test
    void shouldRejectAWrongHeader() throws Exception {
        MalformedInputException e = failWith("year,exporter,importer,product,value,quantity\n2017,4,12,130120,1,1\n");
        assertEquals(NAME + ":1: wrong header: expected t,i,j,k,v,q, found year,exporter,importer,product,value,quantity",
                e.getMessage());
    }

    @Test
    void shouldRejectANonNumericValue() throws Exception {
        MalformedInputException e = failWith("t,i,j,k,v,q\n2017,4,12,130120,1.5,2\n2017,4,36,071320,abc,2.446\n");
        assertEquals(NAME + ":3: v (value) is not a number: 'abc'", e.getMessage());
    }

    @Test
    void shouldRejectTheSameFlowTwice() throws Exception {
        MalformedInputException e = failWith("t,i,j,k,v,q\n2017,4,12,130120,1.5,2\n2017,4,12,130120,1.5,2\n");
        assertEquals(NAME + ":3: the flow 2017 4 to 12 of 130120 appears twice", e.getMessage());
    }

    @Test
    void shouldRejectTheSameFlowTwiceInUnsortedInput() throws Exception {
        Files.writeString(file, "t,i,j,k,v,q\n2017,4,12,130120,1.5,2\n2017,4,12,010120,1,2\n2017,4,12,130120,1,2\n");
        ImportFailure e = assertThrows(ImportFailure.class, () -> Imports.load(new BaciSource(file, null)));
        assertEquals("the input holds the same record twice (period 2017): Key (exporter, importer, product)=(4, 12,"
                + " 130120) is duplicated.", e.getMessage());
        assertGoodDataIntact();
    }

    @Test
    void shouldLeaveNothingWhenTheSourceFailsMidway() {
        ImportSource failing = new ImportSource() {
            @Override
            public DatasetInfo dataset() {
                return new DatasetInfo("test", "failing-source", "", "", true, LocalDate.now());
            }

            @Override
            public Shape shape() {
                return Shape.FLOWS;
            }

            @Override
            public String flowClassification() {
                return "H5";
            }

            @Override
            public String contentHash() {
                return "x";
            }

            @Override
            public long sizeBytes() {
                return -1;
            }

            @Override
            public void writeTo(StageWriter writer) throws IOException {
                writer.flow(2018, 4, 12, "130120", 1000, 10d);
                writer.endPart();
                writer.flow(2019, 4, 12, "130120", 1000, 10d);
                throw new IOException("disk unplugged");
            }
        };
        IOException e = assertThrows(IOException.class, () -> Imports.load(failing));
        assertEquals("disk unplugged", e.getMessage());
        assertGoodDataIntact();
        assertEquals(0, Sql.count("SELECT count(*) FROM trade_fact WHERE period IN (2018, 2019)"));
        assertEquals(0, Sql.count("SELECT count(*) FROM trade_flow WHERE period IN (2018, 2019)"));
    }
}
