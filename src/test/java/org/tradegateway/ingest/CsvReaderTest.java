package org.tradegateway.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void shouldSplitQuotedFieldsAcrossDelimitersQuotesAndLineBreaks() throws Exception {
        CsvReader csv = new CsvReader(new StringReader("\uFEFFa,\"b,c\",\"say \"\"hi\"\"\"\r\n1,\"two\nlines\",\r\n\n3,,x"),
                ',');
        assertArrayEquals(new String[] {"a", "b,c", "say \"hi\""}, csv.next());
        assertEquals(1, csv.recordLine());
        assertArrayEquals(new String[] {"1", "two\nlines", ""}, csv.next());
        assertEquals(2, csv.recordLine());
        assertArrayEquals(new String[] {"3", "", "x"}, csv.next());
        assertEquals(5, csv.recordLine());
        assertNull(csv.next());
    }

    @Test
    void shouldReportAnUnterminatedQuote() throws Exception {
        CsvReader csv = new CsvReader(new StringReader("a,b\n1,\"open\n"), ',');
        csv.next();
        MalformedInputException e = assertThrows(MalformedInputException.class, csv::next);
        assertEquals("unterminated quoted field starting on line 2", e.getMessage());
    }
}
