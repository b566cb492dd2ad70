package org.tradegateway.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: quoted fields may hold delimiters, doubled quotes and line breaks; CRLF and LF
 * both end a record; a leading byte-order mark is dropped. It remembers the line each record started on. A record
 * longer than {@link #MAX_RECORD} characters fails instead of filling the heap.
 */
public final class CsvReader implements Closeable {
    /** The longest record read, in characters (legacy records are a few hundred). */
    public static final int MAX_RECORD = 1 << 20;
    private final Reader in;
    private final char delimiter;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private long recordLine;
    private boolean first = true;
    private final StringBuilder field = new StringBuilder(64);
    private final List<String> fields = new ArrayList<>(40);

    public CsvReader(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The 1-based line number on which the record last returned by {@link #next()} started. */
    public long recordLine() {
        return recordLine;
    }

    private int read() throws IOException {
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position];
    }

    /**
     * The next record, as {@link #next()}, with a failure to read it (a malformed or endless record, compressed
     * input that breaks off) named by the file and line.
     */
    public String[] next(String source) throws IOException {
        try {
            return next();
        } catch (MalformedInputException e) {
            throw new MalformedInputException(source + ":" + line + ": " + e.getMessage());
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new MalformedInputException(source + ":" + line + ": the compressed data ends or breaks here ("
                    + MalformedInputException.quote(String.valueOf(e.getMessage())) + ")");
        }
    }

    /** The next record's fields, or null at the end of the input. Blank lines are skipped. */
    public String[] next() throws IOException {
        int c = read();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        while (c == '\r' || c == '\n') {
            if (c == '\n') {
                line++;
            }
            c = read();
        }
        if (c < 0) {
            return null;
        }
        recordLine = line;
        fields.clear();
        field.setLength(0);
        boolean quoted = false;
        boolean wasQuoted = false;
        int length = 0;
        while (true) {
            if (++length > MAX_RECORD) {
                throw new MalformedInputException("a record longer than " + MAX_RECORD + " characters starting on line "
                        + recordLine + ": " + MalformedInputException.quote(fields.isEmpty() ? field
                        : fields.get(0)));
            }
            if (quoted) {
                if (c < 0) {
                    throw new MalformedInputException("unterminated quoted field starting on line " + recordLine);
                }
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        field.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r' || c < 0) {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                if (c >= 0) {
                    line++;
                }
                fields.add(field.toString());
                return fields.toArray(new String[0]);
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
