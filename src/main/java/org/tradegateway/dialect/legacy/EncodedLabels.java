package org.tradegateway.dialect.legacy;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.tradegateway.output.Utf8Builder;

/**
 * The encoded bytes of the texts that repeat from row to row of one answer (area titles, ISO codes, commodity
 * descriptions, units, flows), so that each is escaped and turned into UTF-8 once per answer rather than once per
 * row. Texts are recognised by identity: the record mapper hands out one string per title or description, and a
 * string met for the first time is simply encoded. Bounded, so that an answer of ever new strings costs no memory.
 */
final class EncodedLabels {
    private static final int MAX_ENTRIES = 8192;
    private final Map<String, byte[]> encoded = new IdentityHashMap<>();
    private final BiConsumer<Utf8Builder, String> encoder;
    private int lastPeriod = -1;
    private byte[] lastPeriodDesc;

    /** @param encoder how one text is written (quoted and escaped for JSON, RFC 4180 for CSV) */
    EncodedLabels(BiConsumer<Utf8Builder, String> encoder) {
        this.encoder = encoder;
    }

    void append(Utf8Builder sb, String text) {
        byte[] bytes = encoded.get(text);
        if (bytes == null) {
            if (encoded.size() >= MAX_ENTRIES) {
                encoder.accept(sb, text);
                return;
            }
            Utf8Builder one = new Utf8Builder(text.length() + 8);
            encoder.accept(one, text);
            bytes = one.toBytes();
            encoded.put(text, bytes);
        }
        sb.append(bytes);
    }

    /** The periodDesc of a period ("2013", "January 2011"), encoded again only when the period changes. */
    void period(Utf8Builder sb, int period) {
        if (period != lastPeriod) {
            Utf8Builder desc = new Utf8Builder(24);
            encoder.accept(desc, Periods.describe(period));
            lastPeriodDesc = desc.toBytes();
            lastPeriod = period;
        }
        sb.append(lastPeriodDesc);
    }
}
