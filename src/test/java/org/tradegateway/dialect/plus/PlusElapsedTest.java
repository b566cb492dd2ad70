package org.tradegateway.dialect.plus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.tradegateway.output.RowEncoder;

/** Upstream's {@code elapsedTime} text: two decimals, half up, never negative. */
class PlusElapsedTest {

    @Test
    void shouldWriteSecondsWithTwoDecimalsRoundedHalfUp() {
        assertEquals("0.00 secs", PlusJsonEncoder.elapsed(0));
        assertEquals("0.00 secs", PlusJsonEncoder.elapsed(4_999_999));
        assertEquals("0.01 secs", PlusJsonEncoder.elapsed(5_000_000));
        assertEquals("0.10 secs", PlusJsonEncoder.elapsed(99_999_999));
        assertEquals("1.23 secs", PlusJsonEncoder.elapsed(1_234_999_999));
        assertEquals("2.00 secs", PlusJsonEncoder.elapsed(1_995_000_000));
        assertEquals("58.07 secs", PlusJsonEncoder.elapsed(58_070_000_000L));
        assertEquals("0.00 secs", PlusJsonEncoder.elapsed(-3_000_000));
    }

    @Test
    void shouldMeasureFromTheRequestToTheEndOfTheCountAcrossASecond() {
        OffsetDateTime start = OffsetDateTime.of(2026, 12, 7, 12, 0, 0, 990_000_000, ZoneOffset.ofHours(-5));
        OffsetDateTime end = start.plusNanos(1_046_000_000);   // 12:00:02.036
        assertEquals("1.05 secs", PlusJsonEncoder.elapsed(new RowEncoder.Timing(1, start, start, end)));
        // the same instants written in another offset
        assertEquals("1.05 secs", PlusJsonEncoder.elapsed(new RowEncoder.Timing(1, start,
                start, end.withOffsetSameInstant(ZoneOffset.UTC))));
    }
}
