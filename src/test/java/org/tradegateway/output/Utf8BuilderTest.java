package org.tradegateway.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The answer encoders' byte builder writes exactly what String.getBytes(UTF_8) of the same text would. */
class Utf8BuilderTest {

    private static byte[] bytes(Utf8Builder b) {
        return b.toBuffer().getBytes();
    }

    @Test
    void shouldEncodeAsciiAccentsCjkAndSurrogatePairsAsUtf8() {
        String text = "Côte d'Ivoire, Türkiye, 中国, \uD83D\uDE00 and plain ASCII";
        Utf8Builder b = new Utf8Builder(4);
        b.append(text);
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), bytes(b));
        Utf8Builder chars = new Utf8Builder(4);
        text.chars().forEach(c -> chars.append((char) c));
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), bytes(chars));
    }

    @Test
    void shouldReplaceALoneSurrogateAsJavaDoes() {
        String broken = "a\uD83Db\uDE00c";
        Utf8Builder b = new Utf8Builder(16);
        b.append(broken);
        assertEquals(new String(broken.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), b.toString());
    }

    @Test
    void shouldWriteWholeNumbersAndDecimalsAsTheirDecimalText() {
        Utf8Builder b = new Utf8Builder(1);
        b.append(0).append(',').append(-7).append(',').append(2_147_483_647).append(',').append(Long.MIN_VALUE)
                .append(',').append(1234567890123L).append(',').append(0.5).append(',').append(-1.25e-7);
        assertEquals("0,-7,2147483647,-9223372036854775808,1234567890123,0.5,-1.25E-7", b.toString());
    }

    @Test
    void shouldGrowPastItsCapacityWithoutLosingBytes() {
        Utf8Builder b = new Utf8Builder(16);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            b.append("row ").append(i).append(" é\r\n");
            expected.append("row ").append(i).append(" é\r\n");
        }
        assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), bytes(b));
        assertEquals(expected.toString().getBytes(StandardCharsets.UTF_8).length, b.length());
    }

    @Test
    void shouldKeepLargeTextInBoundedPiecesAndGiveItBackWhole() {
        Utf8Builder b = new Utf8Builder(1 << 20);
        StringBuilder expected = new StringBuilder();
        byte[] label = "\"Côte d'Ivoire\"".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 60_000; i++) {
            b.append("{\"row\":").append(i).append(",\"title\":").append(label).append("}\r\n");
            expected.append("{\"row\":").append(i).append(",\"title\":\"Côte d'Ivoire\"}\r\n");
        }
        byte[] want = expected.toString().getBytes(StandardCharsets.UTF_8);
        assertEquals(want.length, b.length());
        assertArrayEquals(want, bytes(b));
        assertArrayEquals(want, b.toBytes());
        assertEquals(expected.toString(), b.toString());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        assertDoesNotThrow(() -> b.writeTo(out));
        assertArrayEquals(want, out.toByteArray());
        io.netty.buffer.ByteBuf whole = ((io.vertx.core.buffer.impl.BufferImpl) b.toBuffer()).byteBuf();
        assertTrue(whole instanceof io.netty.buffer.CompositeByteBuf composite && composite.numComponents() > 1,
                "more than one piece");
        if (whole instanceof io.netty.buffer.CompositeByteBuf composite) {
            for (int i = 0; i < composite.numComponents() - 1; i++) {
                assertTrue(composite.component(i).readableBytes() <= Utf8Builder.PIECE, "piece " + i);
            }
        }
    }

    @Test
    void shouldTakeOneAppendLargerThanAPiece() {
        Utf8Builder b = new Utf8Builder(16);
        byte[] big = new byte[Utf8Builder.PIECE + 10];
        java.util.Arrays.fill(big, (byte) 'x');
        b.append("é").append(big).append('.');
        assertEquals("é" + "x".repeat(big.length) + ".", b.toString());
        assertEquals(big.length + 3, b.length());
    }
}
