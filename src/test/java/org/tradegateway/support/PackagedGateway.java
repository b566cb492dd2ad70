package org.tradegateway.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged gateway (target/quarkus-app) run as its own process on its own embedded PostgreSQL, the way it
 * runs when nothing is configured: for the integration tests that need a real process (signals, heap size).
 */
public final class PackagedGateway {
    private PackagedGateway() {
    }

    private static ProcessBuilder java(String heap, Path data, Path log, Map<String, String> settings,
                                       String... arguments) {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of("java", "-Xmx" + heap, "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.remove("TRADE_DB_URL");
        env.put("TRADE_DB_EMBEDDED_DATA_DIR", data.toString());
        env.putAll(settings);
        return builder;
    }

    /** Runs a command of the launcher (import, generate, ...) to its end; fails unless it exits with 0. */
    public static void run(Path data, Path log, String... arguments) throws Exception {
        run(data, log, Map.of(), arguments);
    }

    /** {@link #run(Path, Path, String...)} with these settings (TRADE_DB_URL for a server of its own, say). */
    public static void run(Path data, Path log, Map<String, String> settings, String... arguments) throws Exception {
        Process process = java("256m", data, log, settings, arguments).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the command did not end: " + Files.readString(log));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the command failed (" + process.exitValue() + "): "
                    + Files.readString(log));
        }
    }

    /** Starts the gateway on {@code port} with this heap and these settings, and waits until it is ready. */
    public static Process start(String heap, int port, Path data, Path log, Map<String, String> settings)
            throws Exception {
        Map<String, String> env = new java.util.HashMap<>(settings);
        env.put("TRADE_HTTP_PORT", Integer.toString(port));
        Process process = java(heap, data, log, env).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 240; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway ended: " + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return process;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the gateway did not become ready: " + Files.readString(log));
    }
}
