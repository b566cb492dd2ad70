package org.tradegateway.ingest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A terminal gets a bar redrawn in place with rows, rows/s and ETA; a log gets plain lines. */
class ProgressTest {

    private static String run(boolean terminal) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal, 4096, 1);
        Thread.sleep(5);
        progress.advance(1024, 1024);
        progress.step("period 2017: indexing");
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldDrawABarOnATerminal() throws Exception {
        String out = run(true);
        assertTrue(out.matches("(?s)\\r\\[#{8} {22}\\]  25% 1,024 rows  [0-9,]+ rows/s ETA \\dm\\d\\ds   \\n"
                + "period 2017: indexing \\(0m\\d\\ds elapsed\\)\\n"), out);
    }

    @Test
    void shouldWritePlainLinesElsewhere() throws Exception {
        String out = run(false);
        assertTrue(out.matches("(?s)read 1,024 rows \\([0-9,]+ rows/s\\) ETA \\dm\\d\\ds\\n"
                + "period 2017: indexing \\(0m\\d\\ds elapsed\\)\\n"), out);
    }
}
