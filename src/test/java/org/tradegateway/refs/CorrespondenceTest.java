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
                    assertTrue(!to.isHarmonizedSystem() || from.compareTo(to) > 0, from + " to " + to
                            + ": only back in time");
                    assertTrue(table.get().size() > (from.isHarmonizedSystem() ? 5_000 : 1_800), table.get().name());
                }
            }
        }
        // HS to HS 21, HS to SITC 7 x 4, HS to BEC 7, SITC to SITC 3, SITC to BEC 2
        assertEquals(21 + 28 + 7 + 3 + 2, tables);
        assertTrue(Correspondence.shipped(Classification.H0, Classification.H5).isEmpty());
        assertTrue(Correspondence.shipped(Classification.S4, Classification.H5).isEmpty());
        assertTrue(Correspondence.shipped(Classification.BEC, Classification.S4).isEmpty());
        assertTrue(Correspondence.shipped(Classification.H5, Classification.HS).isEmpty());
    }

    @Test
    void shouldConvertToSitcAndBecAsTheUnsdTablesDo() {
        Correspondence s4 = Correspondence.shipped(Classification.H5, Classification.S4).orElseThrow();
        assertEquals("hs2017_to_sitc4_conversion", s4.name());
        // n:1 into a 4-digit SITC subgroup that has no basic headings: live horses, asses, mules
        for (String code : List.of("010121", "010129", "010130", "010190")) {
            assertEquals("0015", s4.target(code), code);
        }
        // 1:1 into a basic heading, leading zeros kept
        assertEquals("00111", s4.target("010221"));
        // a code with no counterpart: monetary gold
        assertNull(s4.target("710820"));
        // dotted codes on both sides (HS 2012 to SITC Rev.4: 0101.21 -> 001.5)
        assertEquals("0015", Correspondence.shipped(Classification.H4, Classification.S4).orElseThrow()
                .target("010121"));
        // the WITS export: descriptions with quoted commas between the codes, and "n/a" in a description
        Correspondence wits = Correspondence.shipped(Classification.H3, Classification.S4).orElseThrow();
        assertEquals("hs2007_to_sitc4_wits", wits.name());
        assertEquals("67121", wits.target("720110"));
        assertEquals("0015", Correspondence.shipped(Classification.H0, Classification.S4).orElseThrow()
                .target("010120"));
        // BEC Rev.4: 010130 (asses) is listed as 111 and 41; the first listed is the target
        Correspondence bec = Correspondence.shipped(Classification.H5, Classification.BEC).orElseThrow();
        assertEquals("hs2017_to_bec4", bec.name());
        assertEquals("111", bec.target("010130"));
        assertEquals("41", bec.target("010121"));
        // no HS 1992 to SITC Rev.1 table: through SITC Rev.3
        Correspondence chain = Correspondence.shipped(Classification.H0, Classification.S1).orElseThrow();
        assertEquals("hs1992_to_sitc3_wits then sitc3_to_sitc1_conversion", chain.name());
        String viaS3 = Correspondence.shipped(Classification.H0, Classification.S3).orElseThrow().target("010210");
        assertEquals(Correspondence.shipped(Classification.S3, Classification.S1).orElseThrow().target(viaS3),
                chain.target("010210"));
        assertEquals("hs1992_to_sitc3_wits then sitc3_to_bec4",
                Correspondence.shipped(Classification.H0, Classification.BEC).orElseThrow().name());
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
    void shouldFindTheTargetColumnPastDescriptionsAndFlags() throws Exception {
        String text = "HS 1988/92 Product Code,HS 1988/92 Product Description,SITC Revision 4 Product Code,"
                + "SITC Revision 4 Product Description\n"
                + "010111,\"Live horses, pure-bred\",0015,\"Horses, asses\"\n"
                + "300120,Extracts of glands \u00e9,54162,n/a glands\n";
        Correspondence c = Correspondence.read("wits", Classification.H0, Classification.S4,
                new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("0015", c.target("010111"));
        assertEquals("54162", c.target("300120"));
        Correspondence flagged = Correspondence.read("ex", Classification.S4, Classification.S3,
                new ByteArrayInputStream("S4,ex,S3\n001.5,,001.5\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("0015", flagged.target("0015"));
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
