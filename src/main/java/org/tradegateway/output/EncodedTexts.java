package org.tradegateway.output;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The encoded bytes of the texts of one answer (area titles, ISO codes, commodity descriptions, units, flows), so
 * that each is escaped and turned into UTF-8 once rather than once per row.
 *
 * <p>Two tiers. The answer's own table, by identity, is read first: the record mapper hands out one string per
 * title or description, so a text that repeats from row to row is found by comparing references. A text new to the
 * answer is then looked up in the table kept for the process, one per encoding, by the text's value: the
 * descriptions of one pair's 500 HS4 records are all different, so the answer's table alone made, escaped and
 * encoded every one of them on every request (a quarter of the gateway's samples for
 * {@code r=392&p=842&rg=2&cc=AG4&max=500}). The process's table holds at most {@link #SHARED_ENTRIES} texts, more
 * than the 6,382 codes of H0 and the area names (at most about 2 MB with the longest descriptions), and is never
 * evicted: the texts are reference wording that changes only with a reload. Past that bound a text is encoded for
 * the answer only. The answer's table is bounded too, so that an answer of ever new strings costs no memory.
 */
public final class EncodedTexts {
    public static final int SHARED_ENTRIES = 8192;
    private static final int ANSWER_ENTRIES = 8192;
    /** JSON strings, for every dialect's JSON: {@link Json#string} is the one way they are written. */
    private static final Map<String, byte[]> JSON = new ConcurrentHashMap<>();
    private final Map<String, byte[]> shared;
    private final Map<String, byte[]> encoded = new IdentityHashMap<>();
    private final BiConsumer<Utf8Builder, String> encoder;

    /**
     * @param encoder how one text is written
     * @param shared the texts kept for the process, written by that encoder only: a constant of its writer, safe for
     *     concurrent use (a {@link ConcurrentHashMap})
     */
    public EncodedTexts(BiConsumer<Utf8Builder, String> encoder, Map<String, byte[]> shared) {
        this.encoder = encoder;
        this.shared = shared;
    }

    /** Texts quoted and escaped as JSON strings ({@link Json#string}), kept in the process's JSON table. */
    public static EncodedTexts json() {
        return new EncodedTexts(Json::string, JSON);
    }

    public void append(Utf8Builder sb, String text) {
        byte[] bytes = encoded.get(text);
        if (bytes == null) {
            bytes = shared.get(text);
            if (bytes == null) {
                bytes = encode(text);
                if (shared.size() < SHARED_ENTRIES) {
                    shared.put(text, bytes);
                }
            }
            if (encoded.size() < ANSWER_ENTRIES) {
                encoded.put(text, bytes);
            }
        }
        sb.append(bytes);
    }

    /** One text's bytes, kept nowhere. */
    public byte[] encode(String text) {
        Utf8Builder one = new Utf8Builder(text.length() + 8);
        encoder.accept(one, text);
        return one.toBytes();
    }
}
