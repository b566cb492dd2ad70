package org.tradegateway.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared folder beside the checkout, which holds the real samples the tests import. */
public final class SharedData {
    private SharedData() {
    }

    public static Path path(String relative) {
        String configured = System.getenv("TRADE_SHARED_DIR");
        Path base = configured != null ? Path.of(configured) : Path.of("..", "shared");
        Path p = base.resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("missing test input " + p.toAbsolutePath()
                    + " (the shared folder must sit beside the checkout, or set TRADE_SHARED_DIR)");
        }
        return p;
    }
}
