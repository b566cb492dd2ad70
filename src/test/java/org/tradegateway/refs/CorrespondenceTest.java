package org.tradegateway.refs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped UNSD conversion tables, checked by hand on real codes of HS 2017 to HS 1992, and the spellings of
 * the published files: header typos, headers without From/To, a byte-order mark, dotted and quoted codes, a flag
 * column, rows without a counterpart, blank lines.
 */
class CorrespondenceTest {
    private static final Correspondence H5_TO_H0 = Correspondence.shipped(Classification.H5, Classification.H0)
            .orElseThrow();

    @Test
    void shouldGiveOneTargetPerCodeAsTheUnsdTableDoes() {
        assertEquals("hs2017_to_hs1992_conversion", H5_TO_H0.name());
        assertEquals(5_388, H5_TO_H0.size());
        // 1:1
        assertEquals("010310", H5_TO_H0.target("010310"));
        // n:1, a merge: four HS 2017 poultry lines are one HS 1992 line
        for (String code : List.of("010512", "010513", "010514", "010515")) {
            assertEquals("010519", H5_TO_H0.target(code), code);
        }
        // 1:n, a split: 060290 overlaps 060291 and 060299 of HS 1992; the conversion table names one
        assertEquals("060299", H5_TO_H0.target("060290"));
        // leading zeros kept, and a code that changed
        assertEquals("010111", H5_TO_H0.target("010121"));
        assertNull(H5_TO_H0.target("10121"));
        assertNull(H5_TO_H0.target("990000"));
    }

    @Test
    void shouldReadEveryShippedTableWhateverItsHeaderSays() {
        // "From HS 2022,From HS 1992" (a UNSD typo), "HS 2012,HS 1992" (no From/To), "From HS2022,To HS2017"
        assertEquals(5_613, Correspondence.shipped(Classification.H6, Classification.H0).orElseThrow().size());
        assertEquals(5_206, Correspondence.shipped(Classification.H4, Classification.H0).orElseThrow().size());
        assertEquals(5_613, Correspondence.shipped(Classification.H6, Classification.H5).orElseThrow().size());
        int tables = 0;
        for (Classification from : Classification.values()) {
            for (Classification to : Classification.values()) {
                var table = Correspondence.shipped(from, to);
                if (table.isPresent()) {
                    tables++;
                    assertTrue(from.compareTo(to) > 0, from + " to " + to + ": only back in time");
                    assertTrue(table.get().size() > 5_000, table.get().name());
                }
            }
        }
        assertEquals(21, tables);
        assertTrue(Correspondence.shipped(Classification.H0, Classification.H5).isEmpty());
        assertTrue(Correspondence.shipped(Classification.H5, Classification.S4).isEmpty());
    }

    @Test
    void shouldReadThePublishedFilesSpellings() throws Exception {
        String text = "\uFEFFFrom HS 2007,To HS 1992,Relationship\n"
                + "0101.10,0101.11,'1:1\n"
                + "\"010190\",\"010119\",n:1\n"
                + "\n"
                + " 020110 , 020110 ,1 to 1\n"
                + "999999,n/a,\n"
                + "710820,,\n";
        Correspondence c = Correspondence.read("test", Classification.H3, Classification.H0,
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(3, c.size());
        assertEquals("010111", c.target("010110"));
        assertEquals("010119", c.target("010190"));
        assertEquals("020110", c.target("020110"));
        assertEquals(List.of("710820", "999999"), List.copyOf(c.withoutCounterpart()));
    }

    @Test
    void shouldRefuseATableThatGivesACodeTwoTargets() {
        String text = "From,To\n010110,010111\n010110,010119\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Correspondence.read("twice",
                Classification.H3, Classification.H0, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
        assertEquals("twice line 3: 010110 has two targets (010111 and 010119); a conversion table gives one",
                e.getMessage());
    }
}
