package org.tradegateway.dialect.wtf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which Accept-Encoding values get a stored view's gzip as it is (RFC 9110, section 12.5.3). */
class AcceptEncodingTest {

    @Test
    void shouldTakeGzipOnlyWhereTheClientAcceptsIt() {
        String[][] cases = {
            {"gzip", "true"}, {"gzip, deflate, br", "true"}, {"deflate , GZIP", "true"}, {"x-gzip", "true"},
            {"gzip;q=0.5", "true"}, {"gzip; q=1.0", "true"}, {"*", "true"}, {"br, *;q=0.1", "true"},
            {"identity", "false"}, {"deflate, br", "false"}, {"gzip;q=0", "false"}, {"gzip;q=0.000", "false"},
            {"gzip;q=0, *", "false"}, {"*;q=0", "false"}, {"*;q=0, gzip", "true"}, {"gzipped", "false"},
            {"gzip;q=x", "false"}, {"", "false"},
        };
        for (String[] c : cases) {
            assertEquals(Boolean.parseBoolean(c[1]), WtfDocuments.takesGzip(c[0]), c[0]);
        }
    }
}
