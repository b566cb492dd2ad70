package org.tradegateway.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads SQL text kept under {@code sql/} on the classpath. */
public final class SqlText {
    private SqlText() {
    }

    public static String load(String name) {
        try (InputStream in = SqlText.class.getResourceAsStream("/sql/" + name)) {
            if (in == null) {
                throw new IllegalStateException("sql/" + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
