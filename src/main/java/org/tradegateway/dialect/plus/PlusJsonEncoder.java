package org.tradegateway.dialect.plus;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.tradegateway.core.FactRecord;
import org.tradegateway.output.Json;
import org.tradegateway.output.RowEncoder;
import org.tradegateway.output.Utf8Builder;

/**
 * The Comtrade+ v1 envelope {@code {"elapsedTime","count","data","error"}} with the 47-field records, written in
 * pieces so that a large answer streams. {@code count} is every record that matched, also when {@code maxRecords}
 * cut the answer.
 */
final class PlusJsonEncoder implements RowEncoder {
    private static final byte[][] KEYS = keys();
    private final PlusEncoding encoding;
    private final PlusNames names = PlusNames.SHIPPED;
    private boolean first = true;

    PlusJsonEncoder(PlusEncoding encoding) {
        this.encoding = encoding;
    }

    private static byte[][] keys() {
        byte[][] keys = new byte[PlusFields.NAMES.size()][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ((i == 0 ? "{\"" : ",\"") + PlusFields.NAMES.get(i) + "\":").getBytes(StandardCharsets.UTF_8);
        }
        return keys;
    }

    @Override
    public byte[] head(Timing timing) {
        Utf8Builder sb = new Utf8Builder(96);
        sb.append("{\"elapsedTime\":\"").append(elapsed(timing)).append("\",\"count\":").append(timing.total())
                .append(",\"data\":[");
        return sb.toBytes();
    }

    @Override
    public void row(Utf8Builder sb, FactRecord record) {
        if (encoding.countOnly()) {
            return;
        }
        if (!first) {
            sb.append(',');
        }
        first = false;
        Object[] values = PlusFields.values(encoding, names, record);
        for (int i = 0; i < values.length; i++) {
            sb.append(KEYS[i]);
            value(sb, values[i]);
        }
        sb.append('}');
    }

    @Override
    public byte[] tail() {
        return "],\"error\":\"\"}".getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] empty(Timing timing) {
        return envelope(elapsed(timing), "");
    }

    /** The whole answer of a refused query: upstream's HTTP 200 with no data, here with the reason in error. */
    static byte[] envelope(String elapsed, String error) {
        Utf8Builder sb = new Utf8Builder(128);
        sb.append("{\"elapsedTime\":\"").append(elapsed).append("\",\"count\":0,\"data\":[],\"error\":");
        Json.string(sb, error);
        return sb.append('}').toBytes();
    }

    static String elapsed(Timing timing) {
        double seconds = Duration.between(timing.requestStart(), timing.countEnd()).toNanos() / 1e9;
        return String.format(Locale.ROOT, "%.2f secs", Math.max(0, seconds));
    }

    static void value(Utf8Builder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            Json.string(sb, s);
        } else if (v instanceof Integer n) {
            sb.append(n.intValue());
        } else if (v instanceof Double d) {
            number(sb, d);
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else {
            sb.append(v.toString());
        }
    }

    /** A measure as Comtrade+ writes it: whole values with ".0" (6804128143.0), others in shortest form. */
    static void number(Utf8Builder sb, double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            sb.append((long) d).append(".0");
        } else {
            sb.append(d);
        }
    }
}
