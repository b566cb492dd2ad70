package org.tradegateway.dialect.plus;

import java.nio.charset.StandardCharsets;
import org.tradegateway.core.FactRecord;
import org.tradegateway.output.RowEncoder;
import org.tradegateway.output.Utf8Builder;

/**
 * {@code format=CSV}: the 47 field names as the header, one line per record (CRLF, RFC 4180 quoting), nulls as
 * empty fields, booleans {@code true}/{@code false}. Upstream's CSV was never recorded; this is the gateway's.
 */
final class PlusCsvEncoder implements RowEncoder {
    private final PlusEncoding encoding;
    private final PlusNames names = PlusNames.SHIPPED;

    PlusCsvEncoder(PlusEncoding encoding) {
        this.encoding = encoding;
    }

    @Override
    public byte[] head(Timing timing) {
        return (String.join(",", PlusFields.NAMES) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void row(Utf8Builder sb, FactRecord record) {
        if (encoding.countOnly()) {
            return;
        }
        Object[] values = PlusFields.values(encoding, names, record);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object v = values[i];
            if (v instanceof String s) {
                text(sb, s);
            } else if (v instanceof Double d) {
                PlusJsonEncoder.number(sb, d);
            } else if (v != null) {
                sb.append(v.toString());
            }
        }
        sb.append('\r').append('\n');
    }

    @Override
    public int rowBytes() {
        return 400;
    }

    @Override
    public byte[] tail() {
        return new byte[0];
    }

    @Override
    public byte[] empty(Timing timing) {
        return head(timing);
    }

    private static void text(Utf8Builder sb, String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            sb.append(s);
            return;
        }
        sb.append('"').append(s.replace("\"", "\"\"")).append('"');
    }
}
