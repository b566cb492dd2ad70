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
            // scan the buffered characters for the line's end, and copy them in one piece
            int start = position;
            int end = start;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            if (line.length() + (end - start) > maxLength) {
                line.append(buffer, start, Math.min(end - start, MalformedInputException.QUOTED));
                throw new MalformedInputException("a line longer than " + maxLength + " characters: "
                        + MalformedInputException.quote(line));
            }
            if (end < limit) {
                position = end + 1;
                int length = end - start;
                if (line.length() == 0) {
                    return new String(buffer, start, length > 0 && buffer[end - 1] == '\r' ? length - 1 : length);
                }
                line.append(buffer, start, length);
                int last = line.length() - 1;
                if (last >= 0 && line.charAt(last) == '\r') {
                    line.setLength(last);
                }
                return line.toString();
            }
            line.append(buffer, start, end - start);
            position = limit;
        }
    }
}
