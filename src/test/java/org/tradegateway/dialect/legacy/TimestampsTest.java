package org.tradegateway.dialect.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tradegateway.output.Utf8Builder;

/** The hand-written timestamps are exactly what the upstream's pattern gives, for any instant and offset. */
class TimestampsTest {

    private static String written(OffsetDateTime t) {
        Utf8Builder sb = new Utf8Builder(40);
        Timestamps.append(sb, t);
        return sb.toString();
    }

    @Test
    void shouldWriteWhatTheRoundTripPatternWrites() {
        SplittableRandom random = new SplittableRandom(7);
        List<ZoneId> zones = List.of(ZoneId.of("America/New_York"), ZoneOffset.UTC, ZoneId.of("Asia/Kolkata"),
                ZoneId.of("Pacific/Chatham"), ZoneOffset.ofHoursMinutes(-9, -30), ZoneOffset.ofHours(14));
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L),
                    random.nextInt(1_000_000_000));
            OffsetDateTime t = OffsetDateTime.ofInstant(instant, zones.get(i % zones.size()));
            assertEquals(JsonAnswerWriter.TIMESTAMP.format(t), written(t), t.toString());
        }
    }

    @Test
    void shouldKeepLeadingZerosAndTheZeroOffsetLetter() {
        assertEquals("0001-01-01T00:00:00.0000000Z",
                written(OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
        assertEquals("2013-07-01T09:05:03.0000042-04:00",
                written(OffsetDateTime.of(2013, 7, 1, 9, 5, 3, 4_200, ZoneOffset.ofHours(-4))));
        assertEquals("2026-11-30T23:59:59.9999999+05:30",
                written(OffsetDateTime.of(2026, 11, 30, 23, 59, 59, 999_999_999, ZoneOffset.ofHoursMinutes(5, 30))));
    }
}
