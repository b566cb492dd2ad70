package org.tradegateway.refs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compact classification lists give back every code of the shipped file exactly as the file has it. */
class CommodityListTest {

    @Test
    void shouldGiveBackEveryRowOfTheShippedFileInFileOrder() {
        ReferenceData refs = ReferenceData.get();
        Map<Classification, Integer> position = new HashMap<>();
        List<String[]> rows = ReferenceFiles.rows(ReferenceFiles.CLASSIFICATIONS);
        for (String[] r : rows) {
            Classification cls = Classification.valueOf(r[0]);
            CommodityList list = refs.tree(cls);
            int expected = position.merge(cls, 1, Integer::sum) - 1;
            int i = list.indexOf(r[1]);
            assertEquals(expected, i, r[0] + " " + r[1]);
            Commodity c = list.get(i);
            assertEquals(r[1], c.code());
            assertEquals(r[2], c.description());
            assertEquals(r[3].isEmpty() ? null : r[3], c.parent());
            assertEquals(Integer.parseInt(r[4]), c.aggrLevel());
            assertEquals("1".equals(r[5]), c.leaf());
            assertEquals(Integer.parseInt(r[6]), c.standardUnit());
            assertEquals(r[7], c.text());
        }
        assertEquals(77_452, rows.size());
        position.forEach((cls, n) -> assertEquals(n, refs.tree(cls).size(), cls.name()));
    }

    @Test
    void shouldKeepAccentsAndTheTextsThatAreNotCodeDashDescription() {
        CommodityList.Builder b = CommodityList.builder(Classification.H0);
        b.add("TOTAL", "All Commodities", null, 0, false, 1, "Total - All H0 Commodities");
        b.add("01", "Animaux vivants, bœufs", "TOTAL", 2, false, 1, "01 - Animaux vivants, bœufs");
        CommodityList list = b.build();
        assertEquals("Total - All H0 Commodities", list.label(0));
        assertEquals("01 - Animaux vivants, bœufs", list.label(1));
        assertEquals("Animaux vivants, bœufs", list.description(1));
        // one string per code from then on: the answers' encoders keep its bytes by it
        assertSame(list.description(1), list.description(1));
        assertEquals("TOTAL", list.get(1).parent());
    }

    @Test
    void shouldNotFindCodesItDoesNotHold() {
        CommodityList h0 = ReferenceData.get().tree(Classification.H0);
        assertTrue(h0.contains("010111"));
        assertFalse(h0.contains("000000"));
        assertFalse(h0.contains(""));
        assertFalse(h0.contains("0101110101"));
        assertFalse(h0.contains("01é"));
        assertFalse(h0.contains("01\u0000"));
    }

    @Test
    void shouldRefuseAFileWithRepeatedOrOverlongCodesOrUnknownParents() {
        CommodityList.Builder twice = CommodityList.builder(Classification.H0);
        twice.add("01", "a", null, 2, false, 1, "01 - a");
        twice.add("01", "b", null, 2, false, 1, "01 - b");
        assertThrows(IllegalArgumentException.class, twice::build);
        assertThrows(IllegalArgumentException.class, () -> CommodityList.builder(Classification.H0)
                .add("123456789", "a", null, 2, false, 1, ""));
        CommodityList.Builder orphan = CommodityList.builder(Classification.H0);
        orphan.add("0101", "a", "01", 4, false, 1, "0101 - a");
        assertThrows(IllegalArgumentException.class, orphan::build);
    }
}
