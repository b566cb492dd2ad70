package org.tradegateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradegateway.ingest.CountingInputStream;
import org.tradegateway.support.PackagedGateway;

/**
 * A 250,000-row answer streams from the database cursor to the socket without being held: a gateway started with
 * a 96 MB heap sends it whole as CSV and as JSON, the JSON answer being larger than that heap.
 */
class SmallHeapIT {
    private static final int PORT = 18094;
    private static final long HEAP = 96L * 1024 * 1024;
    private static final String LARGE = "/api/get?r=all&p=0&ps=2020&rg=all&cc=AG6&max=250000&px=H0";

    @TempDir
    Path temp;

    private static InputStream get(HttpClient http, String url, String contentType) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT
                + url)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertEquals(contentType, response.headers().firstValue("Content-Type").orElse(""));
        return new BufferedInputStream(response.body(), 1 << 16);
    }

    @Test
    void shouldStreamA250000RowAnswerFromA96MegabyteHeap() throws Exception {
        Path data = temp.resolve("pg");
        PackagedGateway.run(data, temp.resolve("generate.log"), "generate", "--years", "2020", "--scale", "1M",
                "--classification", "H0", "--seed", "12");
        Path log = Path.of("target", "small-heap-gateway.log").toAbsolutePath();
        Process gateway = PackagedGateway.start("96m", PORT, data, log, Map.of("TRADE_DEMO_SEED", "never",
                "TRADE_LIMITS_ENABLED", "false", "TRADE_LIMITS_GUEST_MAX_RECORDS", "250000"));
        try {
            HttpClient http = HttpClient.newHttpClient();

            long lines = 0;
            try (InputStream csv = get(http, LARGE + "&fmt=csv", "text/csv; charset=utf-8")) {
                int previous = -1;
                for (int b = csv.read(); b >= 0; b = csv.read()) {
                    if (b == '\n') {
                        assertEquals('\r', previous, "line " + (lines + 1) + " ends with CRLF");
                        lines++;
                    }
                    previous = b;
                }
            }
            assertEquals(1 + 250_000, lines, "the header and 250,000 records");

            long rows = 0;
            long count = -1;
            CountingInputStream json = new CountingInputStream(get(http, LARGE, "application/json; charset=utf-8"));
            ObjectMapper mapper = new ObjectMapper();
            try (JsonParser parser = mapper.getFactory().createParser(json)) {
                assertEquals(JsonToken.START_OBJECT, parser.nextToken());
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.getCurrentName();
                    parser.nextToken();
                    if (name.equals("validation")) {
                        JsonNode validation = mapper.readTree(parser);
                        assertEquals(0, validation.at("/status/value").asInt());
                        count = validation.at("/count/value").asLong();
                    } else if (name.equals("dataset")) {
                        // one record at a time, never the whole array
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            rows++;
                            parser.skipChildren();
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
            }
            assertEquals(250_000, rows);
            assertTrue(count > 250_000, "count.value holds every matching record: " + count);
            assertTrue(json.count() > HEAP, "the JSON answer (" + json.count() + " bytes) is larger than the heap");

            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT
                    + "/q/health/live")).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
            assertTrue(gateway.isAlive());
            assertFalse(Files.readString(log).contains("OutOfMemoryError"), "no OutOfMemoryError in the log");
        } finally {
            gateway.destroy();
            gateway.waitFor();
        }
    }
}
