package org.tradegateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.tradegateway.support.TestDatabase;

/**
 * Rows written by {@link CopyBinary} are read back from PostgreSQL as written: numbers at their widths, nulls,
 * negative zero, text that is not ASCII, text longer than the writer's buffer, and more rows than fill it.
 */
@QuarkusTest
class CopyBinaryTest {
    private static final String TABLE = "CREATE TEMP TABLE copy_binary_check (n int, s smallint, b boolean,"
            + " c char(1), t varchar, d double precision, k smallint)";

    @Test
    void shouldStoreEveryKindOfFieldAsWritten() throws Exception {
        String longText = "x".repeat(70_000) + "é";
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement()) {
            st.execute(TABLE);
            try (CopyBinary out = copy(c)) {
                row(out, -2_000_000_000, -32768, true, 'C', "Côte d'Ivoire", -0.0, null);
                row(out, 7, 32767, false, 'é', longText, 1e300, 5);
                row(out, 8, 0, false, 'A', "", Double.NaN, null);
                for (int i = 0; i < 20_000; i++) {
                    row(out, 100 + i, i % 1000, i % 2 == 0, 'M', "0101" + i, i / 8.0, i);
                }
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT n, s, b, c, left(t, 20), length(t), right(t, 1), d::text,"
                    + " k FROM copy_binary_check WHERE n < 100 ORDER BY n")) {
                while (rs.next()) {
                    rows.add(rs.getInt(1) + " " + rs.getInt(2) + " " + rs.getBoolean(3) + " " + rs.getString(4) + " "
                            + rs.getString(5) + " " + rs.getInt(6) + " " + rs.getString(7) + " " + rs.getString(8)
                            + " " + rs.getString(9));
                }
            }
            assertEquals(List.of(
                    "-2000000000 -32768 true C Côte d'Ivoire 13 e -0 null",
                    "7 32767 false é xxxxxxxxxxxxxxxxxxxx 70001 é 1e+300 5",
                    "8 0 false A  0  null null"), rows);
            try (ResultSet rs = st.executeQuery("SELECT count(*), sum(d), sum(k), min(t), max(t), count(*) FILTER"
                    + " (WHERE b) FROM copy_binary_check WHERE n >= 100")) {
                rs.next();
                assertEquals("20000 " + (19_999 * 20_000 / 2 / 8.0) + " " + (19_999L * 20_000 / 2)
                        + " 01010 01019999 10000", rs.getLong(1) + " " + rs.getDouble(2) + " " + rs.getLong(3) + " "
                        + rs.getString(4) + " " + rs.getString(5) + " " + rs.getLong(6));
            }
        }
    }

    @Test
    void shouldRefuseANumberTooWideForASmallint() throws Exception {
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement()) {
            st.execute(TABLE);
            CopyBinary out = copy(c);
            out.row(7);
            out.int4(1);
            assertEquals("the number 32768 does not fit a smallint column",
                    assertThrows(MalformedInputException.class, () -> out.int2(32768)).getMessage());
        }
    }

    private static CopyBinary copy(Connection c) throws Exception {
        return new CopyBinary(new PGCopyOutputStream(c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY copy_binary_check FROM STDIN (FORMAT binary)"), 1));
    }

    private static void row(CopyBinary out, int n, int s, boolean b, char c, String t, double d, Integer k) {
        out.row(7);
        out.int4(n);
        out.int2(s);
        out.bool(b);
        out.text(c);
        out.text(t);
        out.float8OrNull(d);
        out.int2OrNull(k);
    }
}
