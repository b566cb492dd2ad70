package org.tradegateway.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most a given length (LF or CRLF ends them), so that one endless line cannot fill the heap: past
 * the limit it fails instead of reading on.
 */
final class LineReader {
    private final Reader in;
    private final int maxLength;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder line = new StringBuilder(128);
    private int position;
    private int limit;

    LineReader(Reader in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /** The next line without its end, or null at the end of the input. */
    String readLine() throws IOException {
        line.setLength(0);
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? line.toString() : null;
                }
            }
            any = true;
            char c = buffer[position++];
            if (c == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() >= maxLength) {
                throw new MalformedInputException("a line longer than " + maxLength + " characters: "
                        + MalformedInputException.quote(line));
            }
            line.append(c);
        }
    }
}
