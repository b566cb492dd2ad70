package org.tradegateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradegateway.support.PackagedGateway;

/**
 * The packaged gateway on a PostgreSQL primary with a streaming hot standby, both made here with the machine's own
 * PostgreSQL (initdb, pg_basebackup and streaming replication): data answers come from the standby once it has
 * replayed the primary's data version; an import on the primary is answered at once, never from a standby that
 * has not replayed it; and with the standby stopped under load, and started again, every request is answered.
 */
class ReadReplicaIT {
    private static final int GATEWAY = 18097;
    private static final Path BIN = binaries();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path temp;
    private Path primary;
    private Path standby;
    private Process gateway;

    /** The newest installed PostgreSQL whose bin directory has a server, initdb and pg_basebackup. */
    private static Path binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_basebackup"))
                            && Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("postgres")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server binaries under"
                            + " /usr/lib/postgresql (Debian package postgresql; .ci/run installs it)"));
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL under /usr/lib/postgresql: " + e.getMessage(), e);
        }
    }

    /** Runs a PostgreSQL program to its end, as the postgres user when this runs as root (the server refuses it). */
    private void pg(String... command) throws Exception {
        List<String> line = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.add(BIN.resolve(command[0]).toString());
        line.addAll(List.of(command).subList(1, command.length));
        Path log = temp.resolve("pg-commands.log");
        Process p = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", line) + " failed: " + Files.readString(log));
        }
    }

    private void startServer(Path data, int port) throws Exception {
        pg("pg_ctl", "-D", data.toString(), "-l", data + ".log", "-w", "-t", "60", "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + temp
                        + " -c wal_level=replica -c max_wal_senders=4 -c hot_standby=on -c fsync=off", "start");
    }

    private void stopServer(Path data) throws Exception {
        pg("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
    }

    @AfterEach
    void stopAll() throws Exception {
        if (gateway != null) {
            gateway.destroy();
            gateway.waitFor(30, TimeUnit.SECONDS);
        }
        for (Path data : new Path[] {standby, primary}) {
            if (data != null && Files.exists(data.resolve("postmaster.pid"))) {
                stopServer(data);
            }
        }
    }

    @Test
    void shouldReadFromTheStandbyOnlyAtThePrimarysVersionAndKeepAnsweringWhenItStops() throws Exception {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxrwxrwx"));
        int primaryPort = freePort();
        int standbyPort = freePort();
        primary = temp.resolve("primary");
        standby = temp.resolve("standby");
        pg("initdb", "-D", primary.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale",
                "--no-sync");
        startServer(primary, primaryPort);
        pg("pg_basebackup", "-h", "127.0.0.1", "-p", Integer.toString(primaryPort), "-U", "postgres", "-D",
                standby.toString(), "-R", "-X", "stream", "--no-sync");
        startServer(standby, standbyPort);

        Map<String, String> onPrimary = Map.of("TRADE_DB_URL", "postgresql://127.0.0.1:" + primaryPort + "/postgres",
                "TRADE_DB_USER", "postgres", "TRADE_DEMO_SEED", "never");
        PackagedGateway.run(temp.resolve("unused"), temp.resolve("generate-2020.log"), onPrimary,
                "generate", "--years", "2020", "--scale", "20k", "--classification", "H0", "--seed", "5");
        Map<String, String> settings = new java.util.HashMap<>(onPrimary);
        settings.putAll(Map.of("TRADE_DB_READ_URLS", "postgresql://127.0.0.1:" + standbyPort + "/postgres",
                "TRADE_DB_READ_CHECK_EVERY", "200ms", "TRADE_QUERY_ANSWER_CACHE", "0",
                "TRADE_LIMITS_ENABLED", "false", "TRADE_BULK_MEASURE_EVERY", "0s"));
        gateway = PackagedGateway.start("256m", GATEWAY, temp.resolve("unused"), temp.resolve("gateway.log"),
                settings);

        // the standby serves once its first check has seen the primary's version
        int rows2020 = count("r=842&p=all&ps=2020&rg=2&cc=TOTAL&px=H0");
        assertTrue(rows2020 > 10, "the 2020 answer has rows: " + rows2020);
        waitFor(() -> metric("trade_db_replica_up{server=\"replica-1\"}") == 1, "the standby to be used");
        double before = metric("trade_db_reads_total{server=\"replica-1\"}");
        for (int i = 0; i < 20; i++) {
            assertEquals(rows2020, count("r=842&p=all&ps=2020&rg=2&cc=TOTAL&px=H0"));
        }
        assertTrue(metric("trade_db_reads_total{server=\"replica-1\"}") >= before + 20,
                "the standby answered the 20 queries");

        // an import on the primary: its year is answered at once and in full, whichever server reads it
        PackagedGateway.run(temp.resolve("unused"), temp.resolve("generate-2021.log"), onPrimary,
                "generate", "--years", "2021", "--scale", "20k", "--classification", "H0", "--seed", "6");
        int rows2021 = count("r=842&p=all&ps=2021&rg=2&cc=TOTAL&px=H0");
        assertTrue(rows2021 > 10, "the new year is answered right after its import: " + rows2021);
        for (int i = 0; i < 20; i++) {
            assertEquals(rows2021, count("r=842&p=all&ps=2021&rg=2&cc=TOTAL&px=H0"));
        }

        // the standby stopped under load, then started again: every request is answered, the standby used again
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        List<Thread> load = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        int n = count("r=842&p=all&ps=2021&rg=2&cc=TOTAL&px=H0");
                        if (n != rows2021) {
                            problems.add(n + " rows instead of " + rows2021);
                        }
                        answered.incrementAndGet();
                    } catch (Exception | AssertionError e) {
                        problems.add(e.getMessage());
                    }
                }
            });
            thread.start();
            load.add(thread);
        }
        Thread.sleep(1000);
        stopServer(standby);
        Thread.sleep(2000);
        int whileStopped = answered.get();
        startServer(standby, standbyPort);
        waitFor(() -> metric("trade_db_replica_up{server=\"replica-1\"}") == 1, "the standby to be back");
        double back = metric("trade_db_reads_total{server=\"replica-1\"}");
        Thread.sleep(1000);
        running.set(false);
        for (Thread thread : load) {
            thread.join(30_000);
        }
        assertTrue(problems.isEmpty(), "answers under load while the standby stopped and started: "
                + problems.stream().limit(5).toList());
        assertTrue(whileStopped > 20 && answered.get() > whileStopped, "requests went on: " + answered.get());
        assertTrue(metric("trade_db_reads_total{server=\"replica-1\"}") > back, "the standby answers again");
    }

    /** The record count of a query's JSON answer; fails on anything but an answer with status 0. */
    private static int count(String query) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + GATEWAY
                + "/api/get?" + query)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        Matcher m = Pattern.compile("\"count\":\\{\"value\":(\\d+)").matcher(r.body());
        assertTrue(r.body().contains("\"status\":{\"name\":\"Ok\",\"value\":0") && m.find(), r.body());
        return Integer.parseInt(m.group(1));
    }

    private static double metric(String name) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + GATEWAY + "/q/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        for (String line : body.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        return Double.NaN;
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check, String what) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (check.ok()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited 30 s for " + what);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
