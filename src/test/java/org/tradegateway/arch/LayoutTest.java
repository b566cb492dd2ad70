package org.tradegateway.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout's rules, read from the sources: no dialect uses another; the shared packages use no dialect; the
 * data layer does not use the encoders; the core model uses nothing but itself and the reference data.
 */
class LayoutTest {
    private static final Path SOURCES = Path.of("src/main/java/org/tradegateway");
    /** Packages every dialect builds on: none of them may know a dialect. */
    private static final Set<String> SHARED = Set.of("core", "refs", "data", "service", "output", "http", "limits",
            "admin", "ingest", "db", "config");
    private static final Pattern REFERENCE = Pattern.compile("org\\.tradegateway\\.(\\w+)(?:\\.(\\w+))?");

    /** One use of a package of the project by a source file: the file's package and the package it uses. */
    record Use(String file, String from, String to, String toDialect) {
    }

    @Test
    void shouldKeepDialectsApartAndTheSharedPackagesFreeOfThem() throws IOException {
        List<String> breaches = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                breaches.addAll(breaches(SOURCES.relativize(file).toString(), Files.readString(file)));
            }
        }
        assertEquals(List.of(), breaches);
    }

    @Test
    void shouldSeeEachKindOfBreach() {
        assertEquals(1, breaches("dialect/plus/PlusRoute.java", "package org.tradegateway.dialect.plus;\n"
                + "import org.tradegateway.dialect.legacy.OutputFormat;\n").size());
        assertEquals(1, breaches("service/AnswerService.java",
                "package org.tradegateway.service;\nclass A { org.tradegateway.dialect.legacy.Heading h; }\n").size());
        assertEquals(1, breaches("data/RecordMapper.java",
                "package org.tradegateway.data;\nimport org.tradegateway.output.Utf8Builder;\n").size());
        assertEquals(1, breaches("core/TradeQuery.java",
                "package org.tradegateway.core;\nimport org.tradegateway.data.Slice;\n").size());
        assertEquals(0, breaches("dialect/legacy/ApiGetRoute.java",
                "package org.tradegateway.dialect.legacy;\nimport org.tradegateway.service.AnswerService;\n"
                        + "import org.tradegateway.dialect.legacy.Heading;\n"
                        + "import org.tradegateway.core.Flow;\n").size());
    }

    /** What one source file breaks, as lines naming the file and the package it should not use. */
    static List<String> breaches(String file, String source) {
        String[] parts = file.split("/");
        String from = parts[0];
        String fromDialect = from.equals("dialect") && parts.length > 2 ? parts[1] : null;
        String body = source.replaceFirst("(?m)^package [\\w.]+;", "");
        List<String> found = new ArrayList<>();
        Matcher m = REFERENCE.matcher(body);
        while (m.find()) {
            String to = m.group(1);
            String toDialect = to.equals("dialect") ? m.group(2) : null;
            String why = null;
            if (toDialect != null && fromDialect != null && !toDialect.equals(fromDialect)) {
                why = "a dialect uses another";
            } else if (toDialect != null && SHARED.contains(from)) {
                why = "a shared package uses a dialect";
            } else if (from.equals("data") && to.equals("output")) {
                why = "the data layer uses the encoders";
            } else if (from.equals("core") && !to.equals("core") && !to.equals("refs")) {
                why = "the core model uses " + to;
            }
            if (why != null) {
                found.add(file + ": " + m.group() + " (" + why + ")");
            }
        }
        return found;
    }
}
