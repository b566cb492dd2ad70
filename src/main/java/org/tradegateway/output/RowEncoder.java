package org.tradegateway.output;

import java.time.OffsetDateTime;
import org.tradegateway.core.FactRecord;

/**
 * How one answer's records become bytes, in the pieces a streamed answer is sent in: {@link #head}, a
 * {@link #row} per record, {@link #tail}; or {@link #empty} when nothing matched. One encoder serves one answer
 * (it may remember what it encoded, such as repeated names); a {@link Choice} makes them.
 */
public interface RowEncoder {
    /** When the answer was asked for and counted, and how many records matched (before the limit). */
    record Timing(long total, OffsetDateTime requestStart, OffsetDateTime countStart, OffsetDateTime countEnd) {

        /** Nanoseconds from one instant to another, without {@code Duration} (written into every answer's head). */
        public static long nanos(OffsetDateTime from, OffsetDateTime to) {
            return (to.toEpochSecond() - from.toEpochSecond()) * 1_000_000_000L + to.getNano() - from.getNano();
        }
    }

    /**
     * A dialect's encoding of answers: the factory of its encoders. Two choices that are equal encode the same
     * records into the same bytes, so answers kept in memory are kept by choice and query.
     */
    interface Choice {
        RowEncoder create();

        String contentType();

        /** Whether {@link RowEncoder#head} needs {@link Timing#total()} (it is then counted with the rows). */
        boolean needsTotal();

        /**
         * Whether one encoder must write head, rows and tail in that order (a compressed format whose bytes depend
         * on all before them): such answers are never kept in memory as rows, and a complete one is written in
         * order. Otherwise the rows of a complete answer may be encoded before the head, and kept alone.
         */
        default boolean inOrder() {
            return false;
        }
    }

    /** What comes before the first record. */
    byte[] head(Timing timing);

    void row(Utf8Builder sb, FactRecord record);

    /** What comes after the last record. */
    byte[] tail();

    /** The whole answer when no record matches. */
    byte[] empty(Timing timing);

    /** About how many bytes one record takes, to size the buffers a streamed answer is written into. */
    default int rowBytes() {
        return 500;
    }
}
