package org.tradegateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Lines as BufferedReader gives them (LF or CRLF, a last line without its end), and never longer than allowed. */
class LineReaderTest {

    /** A reader that hands out at most three characters a call, so that lines and CRLF cross buffer fills. */
    private static Reader trickle(String text) {
        return new StringReader(text) {
            @Override
            public int read(char[] b, int off, int len) throws java.io.IOException {
                return super.read(b, off, Math.min(len, 3));
            }
        };
    }

    @Test
    void shouldSplitLinesAsBufferedReaderDoes() throws Exception {
        for (Reader in : new Reader[] {new StringReader("a,b\r\n\r\nlonger line\nlast"),
            trickle("a,b\r\n\r\nlonger line\nlast")}) {
            LineReader lines = new LineReader(in, 100);
            assertEquals("a,b", lines.readLine());
            assertEquals("", lines.readLine());
            assertEquals("longer line", lines.readLine());
            assertEquals("last", lines.readLine());
            assertNull(lines.readLine());
        }
    }

    @Test
    void shouldRefuseALineLongerThanTheLimitWithAShortExcerpt() throws Exception {
        LineReader lines = new LineReader(trickle("ok\n" + "x".repeat(5000) + "\n"), 4096);
        assertEquals("ok", lines.readLine());
        MalformedInputException e = assertThrows(MalformedInputException.class, lines::readLine);
        assertTrue(e.getMessage().startsWith("a line longer than 4096 characters: xxx"), e.getMessage());
        assertTrue(e.getMessage().length() < 120, e.getMessage());
        assertEquals("x".repeat(4096), new LineReader(new StringReader("x".repeat(4096)), 4096).readLine());
    }
}
