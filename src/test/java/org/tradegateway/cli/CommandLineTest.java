package org.tradegateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradegateway.support.SharedData;

/** The import commands as an operator runs them: own embedded database, readable output, exit codes. */
class CommandLineTest {

    @TempDir
    Path temp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void useOwnDataDirectory() {
        System.setProperty("trade.db.embedded-data-dir", temp.resolve("pg").toString());
    }

    @AfterEach
    void reset() {
        System.clearProperty("trade.db.embedded-data-dir");
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return CommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldImportListAndDropAgainstItsOwnEmbeddedDatabase() throws Exception {
        Path file = temp.resolve("BACI_HS17_Y2017_V202301.csv");
        Files.copy(SharedData.path("data/samples/baci/baci_HS17_V202301_Y2017_head.csv"), file);

        assertEquals(0, run("import", "baci", file.toString()), err.toString());
        assertTrue(out.toString().contains("10 input rows, 53 records stored for periods [2017]"), out.toString());
        assertFalse(Files.exists(temp.resolve("pg").resolve("postmaster.pid")), "embedded server left running");

        assertEquals(0, run("import", "baci", file.toString()));
        assertTrue(out.toString().contains("already holds this exact input; nothing to do"), out.toString());

        assertEquals(0, run("datasets", "list"));
        assertTrue(out.toString().contains("BACI_HS17_Y2017_V202301.csv"), out.toString());
        assertTrue(out.toString().contains("V202301"), out.toString());

        assertEquals(0, run("datasets", "drop", "1"));
        assertEquals(0, run("datasets", "list"));
        assertFalse(out.toString().contains("BACI_HS17_Y2017_V202301.csv"), out.toString());
        assertEquals(1, run("datasets", "drop", "1"));
        assertEquals("trade-gateway: failed, nothing was changed: there is no dataset #1 (see `datasets list`)",
                err.toString().trim());
    }

    @Test
    void shouldConvertALoadedBaciReleaseToEarlierRevisions() throws Exception {
        Path file = temp.resolve("BACI_HS17_Y2017_V202301.csv");
        Files.copy(SharedData.path("data/samples/baci/baci_HS17_V202301_Y2017_head.csv"), file);
        assertEquals(2, run("import", "baci", file.toString(), "--convert-to", "H0,X9"));
        assertTrue(err.toString().contains("--convert-to takes H0 to H6, S1 to S4 or BEC, not 'X9'"), err.toString());
        // imported, then converted in the same command
        assertEquals(0, run("import", "baci", file.toString(), "--convert-to", "H0,H4,S4,BEC"), err.toString());
        String report = out.toString();
        assertTrue(report.indexOf("importing") < report.indexOf("converting"), report);
        assertTrue(report.contains("converting BACI_HS17_Y2017_V202301.csv to H0 with UNSD"
                + " hs2017_to_hs1992_conversion (5,388 codes)"), report);
        assertTrue(report.contains("converting BACI_HS17_Y2017_V202301.csv to H4 with UNSD"
                + " hs2017_to_hs2012_conversion"), report);
        assertTrue(report.contains("10 source flows converted; 0 of them (0 USD) kept under their own code"), report);
        assertTrue(report.contains("converting BACI_HS17_Y2017_V202301.csv to S4 with UNSD"
                + " hs2017_to_sitc4_conversion (5,386 codes)"), report);
        assertTrue(report.contains("converting BACI_HS17_Y2017_V202301.csv to BEC with UNSD hs2017_to_bec4"), report);
        assertTrue(report.contains("10 source flows converted; 0 of them (0 USD) counted in the totals only"), report);
        assertEquals(0, run("convert", "BACI_HS17_Y2017_V202301.csv", "--to", "H0"));
        assertTrue(out.toString().contains("already holds this exact input; nothing to do"), out.toString());
        assertEquals(0, run("datasets", "list"));
        assertTrue(out.toString().contains("BACI_HS17_Y2017_V202301.csv-as-H0"), out.toString());
        assertTrue(out.toString().contains("BACI_HS17_Y2017_V202301.csv-as-S4"), out.toString());

        assertEquals(1, run("convert", "BACI_HS17_Y2017_V202301.csv", "--to", "H6"));
        assertEquals("trade-gateway: failed, nothing was changed: no conversion table leads from H5 to H6: UNSD"
                + " converts from each HS revision to the earlier ones, to SITC and to BEC only",
                err.toString().trim());
        assertEquals(2, run("convert", "BACI_HS17_Y2017_V202301.csv"));
        assertTrue(err.toString().startsWith("trade-gateway: --to names the classifications"), err.toString());
        // the deployment's setting: what no table reaches is reported and skipped, not refused
        System.setProperty("trade.data.convert-to", "H6,S3");
        try {
            Path other = temp.resolve("BACI_HS17_Y2016_V202301.csv");
            Files.writeString(other, Files.readString(file).replace("2017,", "2016,"));
            assertEquals(0, run("import", "baci", other.toString()), err.toString());
            String converted = out.toString();
            assertTrue(converted.contains("not converted to H6: no conversion table leads from H5 to H6"), converted);
            assertTrue(converted.contains("converting BACI_HS17_Y2016_V202301.csv to S3 with UNSD"
                    + " hs2017_to_sitc3_conversion"), converted);
            assertEquals(0, run("import", "baci", other.toString(), "--convert-to", "none"), err.toString());
            assertFalse(out.toString().contains("converting"), out.toString());
        } finally {
            System.clearProperty("trade.data.convert-to");
        }
        assertEquals(2, run("convert", "BACI_HS17_Y2017_V202301.csv", "--to", "EB02"));
        assertTrue(err.toString().startsWith("trade-gateway: --to takes H0 to H6, S1 to S4 or BEC, not 'EB02'"),
                err.toString());
    }

    @Test
    void shouldExitWithOneAndAReasonWhenTheFileIsBad() throws Exception {
        Path file = temp.resolve("BACI_HS17_Y2017_V202301.csv");
        Files.writeString(file, "t,i,j,k,v,q\n2017,4,12,130120,oops,1\n");
        assertEquals(1, run("import", "baci", file.toString()));
        assertEquals("trade-gateway: failed, nothing was changed: BACI_HS17_Y2017_V202301.csv:2: v (value) is not"
                + " a number: 'oops'", err.toString().trim());
    }

    @Test
    void shouldPrintTheUsageOfEveryCommandOnHelpAndExitWithZero() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("accounts create <name>"), out.toString());
        assertEquals(0, run("import", "--help"));
        assertTrue(out.toString().contains("import baci <zip|csv>"), out.toString());
        assertFalse(out.toString().contains("accounts create"), out.toString());
        assertEquals("", err.toString());
        assertEquals(0, run("accounts", "create", "--help"));
        assertTrue(out.toString().contains("accounts create <name>"), out.toString());
        assertFalse(out.toString().contains("import baci"), out.toString());
        assertEquals(0, run("datasets", "-h"));
        assertTrue(out.toString().contains("datasets drop <id>"), out.toString());
        assertEquals(0, run("help", "generate"));
        assertTrue(out.toString().contains("generate --years"), out.toString());
        assertFalse(Files.exists(temp.resolve("pg")), "no database for help");
    }

    @Test
    void shouldExitWithTwoOnUsageErrors() {
        assertEquals(2, run("import", "parquet", "x"));
        assertTrue(err.toString().contains("cannot read x") || err.toString().contains("unknown import format"));
        assertEquals(2, run("import"));
        assertTrue(err.toString().startsWith("trade-gateway: missing format"), err.toString());
        // the account rules are the admin API's: no record cap above the ceiling, by either way of setting it
        assertEquals(2, run("accounts", "set-quota", "ministry", "10", "--max", "300000"));
        assertTrue(err.toString().startsWith("trade-gateway: --max must be between 1 and 250000"), err.toString());
        assertEquals(2, run("accounts", "create", "ministry", "--max", "250001"));
        assertTrue(err.toString().startsWith("trade-gateway: --max must be between 1 and 250000"), err.toString());
        assertEquals(2, run("accounts", "set-ips", "ministry", "192.0.2.0/24,example.org"));
        assertFalse(Files.exists(temp.resolve("pg")), "refused before the database is opened");
    }

    @Test
    void shouldCreateAnAccountShowItsTokenOnceAndManageIt() {
        assertEquals(0, run("accounts", "create", "ministry", "--email", "stats@example.org", "--quota", "500",
                "--ips", "192.0.2.0/24"), err.toString());
        String created = out.toString();
        assertTrue(created.matches("(?s)account ministry created; its token \\(shown once, keep it\\): [A-Za-z0-9_-]{43}\\s*"),
                created);
        String token = created.trim().substring(created.trim().lastIndexOf(' ') + 1);
        assertEquals(0, run("accounts", "list"));
        assertTrue(out.toString().contains("ministry") && out.toString().contains("192.0.2.0/24"), out.toString());
        assertFalse(out.toString().contains(token), "the token is shown only when it is made");
        assertEquals(0, run("accounts", "set-quota", "ministry", "900", "--max", "200000"));
        assertEquals(0, run("accounts", "disable", "ministry"));
        assertEquals(0, run("accounts", "list"));
        assertTrue(out.toString().matches("(?s).*ministry\\s+stats@example.org\\s+no\\s+900\\s+200000\\s+1.*"),
                out.toString());
        assertEquals(0, run("accounts", "token-revoke", "ministry", token));
        assertEquals(1, run("accounts", "token-revoke", "ministry", token));
        assertEquals(2, run("accounts", "create", "other", "--ips", "not-an-ip"));
        assertEquals("trade-gateway: 'not-an-ip' is not an IP address or CIDR range", err.toString().lines().findFirst()
                .orElse(""));
    }

    @Test
    void shouldWriteGeneratedFlowsAsABaciCsv() throws Exception {
        Path csv = temp.resolve("flows.csv");
        assertEquals(0, run("generate", "--years", "2020", "--scale", "2k", "--out", csv.toString()));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("t,i,j,k,v,q", lines.get(0));
        assertTrue(lines.size() > 1900 && lines.size() < 2100, "lines: " + lines.size());
        assertTrue(lines.get(1).matches("2020,\\d+,\\d+,\\d{6},\\d+\\.\\d{3},(\\d+\\.\\d{3})?"), lines.get(1));
    }
}
