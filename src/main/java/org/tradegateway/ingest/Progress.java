package org.tradegateway.ingest;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Reports a long import: on a terminal a bar with rows, rows/s and ETA redrawn in place; otherwise one plain
 * line every few seconds, so that logs stay readable.
 */
public final class Progress {
    private final PrintStream out;
    private final boolean terminal;
    private final long totalBytes;
    private final long startNanos = System.nanoTime();
    private final long intervalNanos;
    private long lastReport;
    private long rows;
    private long bytes;
    private boolean drawn;

    public Progress(PrintStream out, boolean terminal, long totalBytes) {
        this(out, terminal, totalBytes, terminal ? 200_000_000L : 10_000_000_000L);
    }

    Progress(PrintStream out, boolean terminal, long totalBytes, long intervalNanos) {
        this.out = out;
        this.terminal = terminal;
        this.totalBytes = totalBytes;
        this.intervalNanos = intervalNanos;
        this.lastReport = startNanos;
    }

    /** A progress reporter that prints nothing (tests, demo seeding). */
    public static Progress silent() {
        return new Progress(null, false, -1);
    }

    /** Counts rows read; {@code bytesRead} is the position in the input, or -1 when unknown. */
    public void advance(long rowsRead, long bytesRead) {
        rows = rowsRead;
        if (bytesRead >= 0) {
            bytes = bytesRead;
        }
        if (out == null || (rowsRead & 1023) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastReport >= intervalNanos) {
            lastReport = now;
            print(now);
        }
    }

    private void print(long now) {
        double seconds = Math.max((now - startNanos) / 1e9, 1e-3);
        double rate = rows / seconds;
        String eta = "";
        double fraction = totalBytes > 0 ? Math.min(1.0, (double) bytes / totalBytes) : -1;
        if (fraction > 0.001) {
            eta = String.format(Locale.ROOT, " ETA %s", duration(seconds / fraction - seconds));
        }
        if (terminal) {
            int width = 30;
            int filled = fraction < 0 ? 0 : (int) Math.round(fraction * width);
            String bar = fraction < 0 ? "" : "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] "
                    + String.format(Locale.ROOT, "%3.0f%% ", fraction * 100);
            out.printf(Locale.ROOT, "\r%s%,d rows  %,.0f rows/s%s   ", bar, rows, rate, eta);
            drawn = true;
        } else {
            out.printf(Locale.ROOT, "read %,d rows (%,.0f rows/s)%s%n", rows, rate, eta);
        }
        out.flush();
    }

    /** Records how far into the input (in bytes) reading has come, for the ETA. */
    public void position(long bytesRead) {
        bytes = bytesRead;
    }

    /** Announces a step after reading (aggregates, indexes): ends the bar line first. */
    public void step(String message) {
        if (out == null) {
            return;
        }
        if (drawn) {
            out.println();
            drawn = false;
        }
        out.printf(Locale.ROOT, "%s (%s elapsed)%n", message, duration((System.nanoTime() - startNanos) / 1e9));
        out.flush();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
