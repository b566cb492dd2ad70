package org.tradegateway.dialect.legacy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tradegateway.output.EncodedTexts;
import org.tradegateway.output.Utf8Builder;

/** The encoded texts of one legacy answer ({@link EncodedTexts}), and its periodDesc. */
final class EncodedLabels {
    private static final Map<String, byte[]> CSV = new ConcurrentHashMap<>();
    private final EncodedTexts texts;
    private int lastPeriod = -1;
    private byte[] lastPeriodDesc;

    private EncodedLabels(EncodedTexts texts) {
        this.texts = texts;
    }

    /** Texts quoted and escaped as JSON strings. */
    static EncodedLabels json() {
        return new EncodedLabels(EncodedTexts.json());
    }

    /** Texts as CSV fields. */
    static EncodedLabels csv() {
        return new EncodedLabels(new EncodedTexts(CsvAnswerWriter::text, CSV));
    }

    void append(Utf8Builder sb, String text) {
        texts.append(sb, text);
    }

    /** The periodDesc of a period ("2013", "January 2011"), encoded again only when the period changes. */
    void period(Utf8Builder sb, int period) {
        if (period != lastPeriod) {
            lastPeriodDesc = texts.encode(Periods.describe(period));
            lastPeriod = period;
        }
        sb.append(lastPeriodDesc);
    }
}
