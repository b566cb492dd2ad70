package org.tradegateway.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** The texts of the answers are written as their encoder writes them, encoded once for the process up to a bound. */
class EncodedTextsTest {
    private static final String[] TEXTS = {"Japan", "Fish; fresh or chilled, \"whole\"", "C:\\path", "tab\there",
        "Côte d'Ivoire, bœufs", "line\nbreak", "control \u0001", "emoji \uD83D\uDE00", ""};

    @Test
    void shouldWriteEveryTextAsItsEncoderDoesAndKeepItForTheNextAnswer() {
        for (boolean json : new boolean[] {true, false}) {
            // JSON, and an encoder of another format that quotes a text with a comma, as CSV does
            BiConsumer<Utf8Builder, String> encoder = json ? Json::string
                    : (sb, s) -> sb.append(s.contains(",") ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
            Map<String, byte[]> shared = new ConcurrentHashMap<>();
            for (int answer = 0; answer < 2; answer++) {
                EncodedTexts labels = new EncodedTexts(encoder, shared);
                for (String text : TEXTS) {
                    // twice within the answer, the second from what the first kept
                    for (int i = 0; i < 2; i++) {
                        assertEquals(direct(encoder, text), written(labels, new String(text)), text);
                    }
                }
            }
            assertEquals(TEXTS.length, shared.size(), "one entry per text, whichever answer or string met it");
            byte[] kept = shared.get("Japan");
            written(new EncodedTexts(encoder, shared), "Japan");
            assertSame(kept, shared.get("Japan"), "a text already kept is not encoded again");
        }
    }

    @Test
    void shouldStopKeepingTextsForTheProcessAtItsBoundAndStillWriteThem() {
        Map<String, byte[]> shared = new ConcurrentHashMap<>();
        EncodedTexts first = new EncodedTexts(Json::string, shared);
        for (int i = 0; i < EncodedTexts.SHARED_ENTRIES + 100; i++) {
            written(first, "text " + i);
        }
        assertEquals(EncodedTexts.SHARED_ENTRIES, shared.size());
        EncodedTexts next = new EncodedTexts(Json::string, shared);
        String late = "text \"" + (EncodedTexts.SHARED_ENTRIES + 50) + "\"";
        assertEquals(direct(Json::string, late), written(next, late));
        assertEquals(direct(Json::string, late), written(next, late));
        assertEquals(EncodedTexts.SHARED_ENTRIES, shared.size());
    }

    private static String written(EncodedTexts labels, String text) {
        Utf8Builder sb = new Utf8Builder(16);
        labels.append(sb, text);
        return sb.toString();
    }

    private static String direct(BiConsumer<Utf8Builder, String> encoder, String text) {
        Utf8Builder sb = new Utf8Builder(16);
        encoder.accept(sb, text);
        return sb.toString();
    }
}
