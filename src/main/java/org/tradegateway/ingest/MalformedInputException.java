package org.tradegateway.ingest;

import org.tradegateway.output.Excerpt;

/** Input that cannot be imported; the message names the reason (the caller adds file and line). */
public class MalformedInputException extends RuntimeException {
    /** The most of one input value a message repeats. */
    static final int QUOTED = 60;

    public MalformedInputException(String message) {
        super(message);
    }

    /** A value of the input as a message may quote it: short, and with nothing unprintable in it. */
    public static String quote(CharSequence value) {
        return Excerpt.of(value, QUOTED);
    }
}
