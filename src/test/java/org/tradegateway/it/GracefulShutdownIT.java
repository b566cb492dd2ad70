package org.tradegateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradegateway.support.PackagedGateway;

/**
 * A gateway asked to stop (SIGTERM) while it streams a large answer finishes that answer within its grace period,
 * then stops its embedded PostgreSQL and exits; an answer whose client stops reading does not keep it alive past
 * the grace period.
 */
class GracefulShutdownIT {
    private static final int PORT = 18093;
    private static final String HEAVY = "/api/get?r=all&p=0&ps=2020&rg=all&cc=AG6&max=100000";

    @TempDir
    Path temp;

    /** A gateway on its own embedded PostgreSQL in {@code data}, the way it runs when nothing is configured. */
    private static Process start(Path data, String grace, String seed, Path log) throws Exception {
        return PackagedGateway.start("256m", PORT, data, log, Map.of("TRADE_LIMITS_ENABLED", "false",
                "TRADE_DEMO_SEED", seed, "TRADE_DEMO_YEARS", "2020-2020", "TRADE_DEMO_ROWS_PER_YEAR", "100000",
                "TRADE_SHUTDOWN_GRACE", grace));
    }

    private static Socket request(String url) throws Exception {
        Socket socket = new Socket();
        // a small window, set before connecting, so that the server cannot send far ahead of the reader
        socket.setReceiveBufferSize(8192);
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", PORT));
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + url + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** Reads up to the end of the headers, one byte at a time so that nothing of the body is consumed. */
    private static String headers(InputStream in) throws Exception {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            sb.append((char) b);
        }
        return sb.toString();
    }

    /** The body of a chunked HTTP/1.1 answer. */
    private static byte[] chunkedBody(InputStream in) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new java.io.EOFException("answer cut after " + body.size() + " bytes");
                }
                if (b != '\r') {
                    size.append((char) b);
                }
            }
            int length = Integer.parseInt(size.toString().trim(), 16);
            if (length == 0) {
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            if (in.readNBytes(2).length != 2) {
                throw new java.io.EOFException("answer cut after " + body.size() + " bytes");
            }
        }
    }

    @Test
    void shouldFinishAnInFlightAnswerAfterSigtermAndThenExit() throws Exception {
        Path data = temp.resolve("pg");
        Path log = Path.of("target", "graceful-shutdown-gateway.log").toAbsolutePath();
        Process gateway = start(data, "20s", "auto", log);
        try (Socket client = request(HEAVY)) {
            InputStream in = client.getInputStream();
            assertTrue(headers(in).startsWith("HTTP/1.1 200"));
            gateway.destroy();
            Thread.sleep(500);
            assertTrue(gateway.isAlive(), "the gateway stopped with an answer in flight");
            // some 60 MB: most of it is read from the embedded PostgreSQL after the stop request
            JsonNode answer = new ObjectMapper().readTree(chunkedBody(in));
            int rows = answer.get("dataset").size();
            assertEquals(answer.at("/validation/count/value").asInt(), rows);
            assertTrue(rows > 50_000, "rows: " + rows);
        } finally {
            assertTrue(gateway.waitFor(30, TimeUnit.SECONDS), "the gateway did not exit: " + Files.readString(log));
        }
        // 143 is how a JVM ends on SIGTERM once its shutdown has run; it must not have been killed or crashed
        assertTrue(gateway.exitValue() == 143 || gateway.exitValue() == 0, "exit value " + gateway.exitValue());
        assertTrue(Files.readString(log).contains("All HTTP requests complete"), Files.readString(log));
        assertFalse(Files.exists(data.resolve("postmaster.pid")), "the embedded PostgreSQL was left running");

        // a client that stops reading holds its answer open; the gateway still exits after its grace period
        Process second = start(data, "3s", "never", temp.resolve("second.log"));
        try (Socket stalled = request(HEAVY)) {
            assertTrue(headers(stalled.getInputStream()).startsWith("HTTP/1.1 200"));
            long asked = System.nanoTime();
            second.destroy();
            assertTrue(second.waitFor(30, TimeUnit.SECONDS), "the gateway did not exit");
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - asked);
            assertTrue(seconds >= 2 && seconds < 20, "exited after " + seconds + " s");
            assertFalse(Files.exists(data.resolve("postmaster.pid")), "the embedded PostgreSQL was left running");
        } finally {
            second.destroyForcibly();
        }
    }
}
