package org.tradegateway.refs;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The codes of one classification in file order, held in a few arrays rather than one object and four strings per
 * code: the 77,000 codes of all classifications then take about 7 MB instead of 30 MB, which matters to a gateway
 * that runs in a small heap and allocates quickly while it streams answers. Codes (up to 8 ASCII characters) are
 * packed into longs and found through an open-addressing table; descriptions are kept as UTF-8 in one array and
 * become strings only when asked for. A description asked for is kept as that one string from then on: answers
 * then hand the encoders the same string each time, whose encoded bytes they keep by it (an HS4 description made
 * anew for each record of each answer, then hashed to find its bytes, was a tenth of a pair's answer). Only the
 * codes that answers name cost that memory: the 1,200 HS4 headings of one revision about 0.3 MB.
 */
public final class CommodityList extends AbstractList<Commodity> {
    private final Classification classification;
    private final long[] keys;
    private final int[] slots;
    private final int[] textStart;
    private final byte[] text;
    private final int[] parent;
    private final byte[] level;
    private final boolean[] leaf;
    private final short[] unit;
    /** The descriptions made into strings so far, by index (a race makes an equal string twice, no more). */
    private final String[] descriptions;
    /** The select2 texts that are not "code - description" (TOTAL's, for one), by index. */
    private final Map<Integer, String> labels;

    private CommodityList(Builder b) {
        int n = b.size;
        this.classification = b.classification;
        this.keys = Arrays.copyOf(b.keys, n);
        this.textStart = Arrays.copyOf(b.textStart, n + 1);
        this.textStart[n] = b.textLength;
        this.text = Arrays.copyOf(b.text, b.textLength);
        this.level = Arrays.copyOf(b.level, n);
        this.leaf = Arrays.copyOf(b.leaf, n);
        this.unit = Arrays.copyOf(b.unit, n);
        this.labels = Map.copyOf(b.labels);
        this.descriptions = new String[n];
        this.slots = new int[Integer.highestOneBit(Math.max(4, n) * 2) * 2];
        for (int i = 0; i < n; i++) {
            int slot = slot(keys[i]);
            while (slots[slot] != 0) {
                if (keys[slots[slot] - 1] == keys[i]) {
                    throw new IllegalArgumentException(classification + " lists code " + code(i) + " twice");
                }
                slot = (slot + 1) & (slots.length - 1);
            }
            slots[slot] = i + 1;
        }
        this.parent = new int[n];
        for (int i = 0; i < n; i++) {
            String p = b.parents[i];
            parent[i] = p == null ? -1 : indexOf(p);
            if (p != null && parent[i] < 0) {
                throw new IllegalArgumentException(classification + " code " + code(i) + " has an unknown parent " + p);
            }
        }
    }

    /** Collects the codes of one classification in file order. */
    static Builder builder(Classification classification) {
        return new Builder(classification);
    }

    public Classification classification() {
        return classification;
    }

    @Override
    public int size() {
        return keys.length;
    }

    /** The code as a materialised record (a new object each time: prefer the accessors by index). */
    @Override
    public Commodity get(int i) {
        int p = parent[i];
        return new Commodity(classification, code(i), description(i), p < 0 ? null : code(p), level[i], leaf[i],
                unit[i], label(i));
    }

    /** The position of a code, or -1 when the classification does not have it. */
    public int indexOf(String code) {
        long key = pack(code);
        if (key == 0) {
            return -1;
        }
        for (int slot = slot(key); ; slot = (slot + 1) & (slots.length - 1)) {
            int i = slots[slot];
            if (i == 0) {
                return -1;
            }
            if (keys[i - 1] == key) {
                return i - 1;
            }
        }
    }

    public boolean contains(String code) {
        return indexOf(code) >= 0;
    }

    public String code(int i) {
        long key = keys[i];
        int length = (64 - Long.numberOfLeadingZeros(key) + 7) / 8;
        byte[] chars = new byte[length];
        for (int c = length - 1; c >= 0; c--) {
            chars[c] = (byte) key;
            key >>>= 8;
        }
        return new String(chars, StandardCharsets.US_ASCII);
    }

    public String description(int i) {
        String description = descriptions[i];
        if (description == null) {
            description = new String(text, textStart[i], textStart[i + 1] - textStart[i], StandardCharsets.UTF_8);
            descriptions[i] = description;
        }
        return description;
    }

    public int aggrLevel(int i) {
        return level[i];
    }

    public boolean leaf(int i) {
        return leaf[i];
    }

    /** The text of the select2 list: "code - description" unless the list says otherwise. */
    public String label(int i) {
        String label = labels.get(i);
        return label != null ? label : code(i) + " - " + description(i);
    }

    /** The code packed into a long, one byte per character; 0 when it cannot be a code of any list. */
    static long pack(String code) {
        int n = code.length();
        if (n == 0 || n > 8) {
            return 0;
        }
        long key = 0;
        for (int c = 0; c < n; c++) {
            char ch = code.charAt(c);
            if (ch == 0 || ch >= 0x80) {
                return 0;
            }
            key = key << 8 | ch;
        }
        return key;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & (slots.length - 1);
    }

    /** Gathers the codes while the reference file is read. */
    static final class Builder {
        private final Classification classification;
        private int size;
        private long[] keys = new long[256];
        private int[] textStart = new int[257];
        private byte[] text = new byte[16_384];
        private int textLength;
        private String[] parents = new String[256];
        private byte[] level = new byte[256];
        private boolean[] leaf = new boolean[256];
        private short[] unit = new short[256];
        private final Map<Integer, String> labels = new HashMap<>();

        private Builder(Classification classification) {
            this.classification = classification;
        }

        void add(String code, String description, String parentCode, int aggrLevel, boolean isLeaf, int stdUnit,
                 String label) {
            long key = pack(code);
            if (key == 0) {
                throw new IllegalArgumentException(classification + " code '" + code
                        + "' is not 1 to 8 ASCII characters");
            }
            if (size == keys.length) {
                int grown = size * 2;
                keys = Arrays.copyOf(keys, grown);
                textStart = Arrays.copyOf(textStart, grown + 1);
                parents = Arrays.copyOf(parents, grown);
                level = Arrays.copyOf(level, grown);
                leaf = Arrays.copyOf(leaf, grown);
                unit = Arrays.copyOf(unit, grown);
            }
            byte[] utf8 = description.getBytes(StandardCharsets.UTF_8);
            if (textLength + utf8.length > text.length) {
                text = Arrays.copyOf(text, Math.max(text.length * 2, textLength + utf8.length));
            }
            System.arraycopy(utf8, 0, text, textLength, utf8.length);
            keys[size] = key;
            textStart[size] = textLength;
            textLength += utf8.length;
            parents[size] = parentCode;
            level[size] = (byte) aggrLevel;
            leaf[size] = isLeaf;
            unit[size] = (short) stdUnit;
            if (!label.equals(code + " - " + description)) {
                labels.put(size, label);
            }
            size++;
        }

        CommodityList build() {
            return new CommodityList(this);
        }
    }
}
