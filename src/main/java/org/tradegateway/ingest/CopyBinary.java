package org.tradegateway.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Rows in COPY's binary format (big-endian lengths and values, no text for PostgreSQL to parse) written through a
 * buffer of its own: each row is its field count, then each field's length (-1 for null) and bytes. The header is
 * written first, the trailer by {@link #close}, which also closes the stream. Write errors are unchecked, so that
 * rows can be written from the callbacks of a stream of flows.
 */
final class CopyBinary implements AutoCloseable {
    /** COPY's binary signature, flags and header extension length. */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0,
        0, 0, 0, 0};

    private static final int SHORT_TEXT = 256;

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int at;

    CopyBinary(OutputStream out) {
        this.out = out;
        bytes(HEADER);
    }

    /** Starts a row of {@code fields} fields. */
    void row(int fields) {
        room(2);
        put2(fields);
    }

    void int4(int value) {
        room(8);
        put4(4);
        put4(value);
    }

    void int2(int value) {
        if (value != (short) value) {
            throw new MalformedInputException("the number " + value + " does not fit a smallint column");
        }
        room(6);
        put4(2);
        put2(value);
    }

    void float8(double value) {
        room(12);
        put4(8);
        long bits = Double.doubleToRawLongBits(value);
        put4((int) (bits >>> 32));
        put4((int) bits);
    }

    void int2OrNull(Integer value) {
        if (value == null) {
            nullField();
        } else {
            int2(value);
        }
    }

    void bool(boolean value) {
        room(5);
        put4(1);
        buffer[at++] = (byte) (value ? 1 : 0);
    }

    /** A float8, or null. */
    void float8OrNull(Double value) {
        if (value == null) {
            nullField();
        } else {
            float8(value);
        }
    }

    /** A float8, or null for NaN. */
    void float8OrNull(double value) {
        if (Double.isNaN(value)) {
            nullField();
        } else {
            float8(value);
        }
    }

    /** A text field of these bytes (UTF-8). */
    void text(byte[] utf8) {
        room(4);
        put4(utf8.length);
        bytes(utf8);
    }

    /** A text field of one character. */
    void text(char c) {
        if (c >= 0x80) {
            text(String.valueOf(c));
            return;
        }
        room(5);
        put4(1);
        buffer[at++] = (byte) c;
    }

    /** A text field: a short ASCII string is written without making its bytes first, any other as UTF-8. */
    void text(String value) {
        int n = value.length();
        if (n <= SHORT_TEXT) {
            room(4 + n);
            int start = at;
            put4(n);
            for (int i = 0; i < n; i++) {
                char c = value.charAt(i);
                if (c >= 0x80) {
                    at = start;
                    text(value.getBytes(StandardCharsets.UTF_8));
                    return;
                }
                buffer[at++] = (byte) c;
            }
            return;
        }
        text(value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A flow in the column order of {@link StageWriter#FLOW_COLUMNS}, its product and measures checked as COPY's
     * text would have them; {@code kg} is NaN when the flow has none.
     */
    void flow(int datasetId, int period, String px, int exporter, int importer, String product, double value,
              double kg) {
        CopyText.checkCode(product, "product", 12);
        CopyText.checkFinite(value);
        if (!Double.isNaN(kg)) {
            CopyText.checkFinite(kg);
        }
        row(8);
        int4(datasetId);
        int4(period);
        text(px);
        int2(exporter);
        int2(importer);
        text(product);
        float8(value + 0.0);   // + 0.0: a negative zero is stored as zero, as COPY's text gave it
        float8OrNull(kg + 0.0);
    }

    /**
     * A fact row in the column order of {@link StageWriter#RECORD_COLUMNS}, each code and measure checked as
     * {@link CopyText#record} checks it.
     */
    void record(int datasetId, FactRow r) {
        CopyText.checkCode(r.px, "classification", 4);
        CopyText.checkCode(r.customs, "customs code", 8);
        CopyText.checkCode(r.mot, "mode of transport", 8);
        CopyText.checkCode(r.commodity, "commodity code", 12);
        for (Double d : new Double[] {r.tradeQuantity, r.altQuantity, r.netWeight, r.grossWeight, r.cifValue,
            r.fobValue}) {
            if (d != null) {
                CopyText.checkFinite(d);
            }
        }
        CopyText.checkFinite(r.tradeValue);
        row(24);
        int4(datasetId);
        int4(r.period);
        text(r.type);
        text(r.freq);
        text(r.px);
        int2(r.reporter);
        int2(r.flow);
        int2(r.partner);
        int2OrNull(r.partner2);
        text(r.customs);
        text(r.mot);
        text(r.commodity);
        int2(r.aggrLevel);
        bool(r.leaf);
        int2(r.qtCode);
        int2OrNull(r.qtAltCode);
        float8OrNull(r.tradeQuantity);
        float8OrNull(r.altQuantity);
        float8OrNull(r.netWeight);
        float8OrNull(r.grossWeight);
        float8(r.tradeValue);
        float8OrNull(r.cifValue);
        float8OrNull(r.fobValue);
        int2(r.estCode);
    }

    private void nullField() {
        room(4);
        put4(-1);
    }

    private void bytes(byte[] b) {
        int from = 0;
        while (from < b.length) {
            room(1);
            int n = Math.min(b.length - from, buffer.length - at);
            System.arraycopy(b, from, buffer, at, n);
            at += n;
            from += n;
        }
    }

    private void put2(int v) {
        buffer[at++] = (byte) (v >>> 8);
        buffer[at++] = (byte) v;
    }

    private void put4(int v) {
        buffer[at++] = (byte) (v >>> 24);
        buffer[at++] = (byte) (v >>> 16);
        buffer[at++] = (byte) (v >>> 8);
        buffer[at++] = (byte) v;
    }

    /** Makes room for {@code n} bytes (at most the buffer's size) by writing out what is buffered. */
    private void room(int n) {
        if (buffer.length - at < n) {
            flush();
        }
    }

    private void flush() {
        try {
            out.write(buffer, 0, at);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        at = 0;
    }

    /** Writes the trailer and what is buffered, and closes the stream. */
    @Override
    public void close() throws IOException {
        try (out) {
            room(2);
            put2(-1);
            flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
