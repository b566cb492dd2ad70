package org.tradegateway.output;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Text written straight into UTF-8 bytes, for answers that stream: the encoders append to it as they would to a
 * StringBuilder, and its bytes go to the socket as they are, without a String and a second encoding pass between.
 *
 * <p>The bytes are kept in pieces of at most {@link #PIECE} bytes rather than one array that doubles: a large
 * array would be allocated outside the young generation of a small heap (G1 places an array of half a region or
 * more straight in the old generation) and copied at each doubling. The pieces go to the socket as one buffer.
 */
public final class Utf8Builder {
    /** The largest piece: a quarter of the smallest G1 region, so never a humongous allocation. */
    static final int PIECE = 256 * 1024;
    private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);
    private final List<ByteBuf> sealed = new ArrayList<>(2);
    private int sealedLength;
    private byte[] bytes;
    private int length;
    private char pendingHigh;

    public Utf8Builder(int capacity) {
        bytes = new byte[Math.min(PIECE, Math.max(16, capacity))];
    }

    /** Bytes written so far. */
    public int length() {
        return sealedLength + length;
    }

    /** Bytes already encoded (a cached label, say), appended as they are. */
    public Utf8Builder append(byte[] encoded) {
        int n = encoded.length;
        if (length + n > bytes.length) {
            room(n);
        }
        System.arraycopy(encoded, 0, bytes, length, n);
        length += n;
        return this;
    }

    public Utf8Builder append(String s) {
        int n = s.length();
        ensure(n);
        int i = 0;
        if (pendingHigh == 0) {
            // ASCII, the common case, straight into the array
            byte[] b = bytes;
            int len = length;
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    break;
                }
                b[len++] = (byte) c;
            }
            length = len;
        }
        for (; i < n; i++) {
            append(s.charAt(i));
        }
        return this;
    }

    public Utf8Builder append(char c) {
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(c)) {
                return codePoint(Character.toCodePoint(high, c));
            }
            codePoint('?');
        }
        if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
            return this;
        }
        return codePoint(Character.isLowSurrogate(c) ? '?' : c);
    }

    public Utf8Builder append(int value) {
        return append((long) value);
    }

    public Utf8Builder append(long value) {
        if (value == Long.MIN_VALUE) {
            ensure(MIN_LONG.length);
            System.arraycopy(MIN_LONG, 0, bytes, length, MIN_LONG.length);
            length += MIN_LONG.length;
            return this;
        }
        ensure(20);
        if (value < 0) {
            bytes[length++] = '-';
            value = -value;
        }
        int start = length;
        do {
            bytes[length++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        for (int i = start, j = length - 1; i < j; i++, j--) {
            byte t = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = t;
        }
        return this;
    }

    public Utf8Builder append(double value) {
        return append(Double.toString(value));
    }

    /** The bytes written so far, as a buffer that shares them (do not write to this builder afterwards). */
    public Buffer toBuffer() {
        return Buffer.buffer(toByteBuf());
    }

    /** The bytes written so far, sharing them: one array, or its pieces as one composite. */
    public ByteBuf toByteBuf() {
        if (sealed.isEmpty()) {
            return Unpooled.wrappedBuffer(bytes, 0, length);
        }
        ByteBuf[] pieces = sealed.toArray(new ByteBuf[sealed.size() + 1]);
        pieces[sealed.size()] = Unpooled.wrappedBuffer(bytes, 0, length);
        return Unpooled.wrappedBuffer(pieces.length, pieces);
    }

    public void writeTo(java.io.OutputStream out) throws java.io.IOException {
        for (ByteBuf piece : sealed) {
            piece.getBytes(piece.readerIndex(), out, piece.readableBytes());
        }
        out.write(bytes, 0, length);
    }

    /** The bytes written so far, copied into one array. */
    public byte[] toBytes() {
        byte[] all = new byte[length()];
        int at = 0;
        for (ByteBuf piece : sealed) {
            piece.getBytes(piece.readerIndex(), all, at, piece.readableBytes());
            at += piece.readableBytes();
        }
        System.arraycopy(bytes, 0, all, at, length);
        return all;
    }

    @Override
    public String toString() {
        return new String(toBytes(), StandardCharsets.UTF_8);
    }

    private Utf8Builder codePoint(int cp) {
        ensure(4);
        if (cp < 0x80) {
            bytes[length++] = (byte) cp;
        } else if (cp < 0x800) {
            bytes[length++] = (byte) (0xC0 | cp >> 6);
            bytes[length++] = (byte) (0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            bytes[length++] = (byte) (0xE0 | cp >> 12);
            bytes[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
            bytes[length++] = (byte) (0x80 | cp & 0x3F);
        } else {
            bytes[length++] = (byte) (0xF0 | cp >> 18);
            bytes[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
            bytes[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
            bytes[length++] = (byte) (0x80 | cp & 0x3F);
        }
        return this;
    }

    private void ensure(int more) {
        // a multi-byte character takes up to 3 bytes per char: make room for the worst case of what comes
        if (length + more * 3 + 4 > bytes.length) {
            room(more * 3 + 4);
        }
    }

    /** Room for {@code needed} more bytes: the piece grows up to {@link #PIECE}, then a new piece begins. */
    private void room(int needed) {
        if (length + needed <= PIECE) {
            bytes = Arrays.copyOf(bytes, Math.min(PIECE, Math.max(bytes.length * 2, length + needed)));
            return;
        }
        if (length > 0) {
            sealed.add(Unpooled.wrappedBuffer(bytes, 0, length));
            sealedLength += length;
        }
        bytes = new byte[Math.max(PIECE, needed)];
        length = 0;
    }
}
