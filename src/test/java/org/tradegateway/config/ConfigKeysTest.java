package org.tradegateway.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code trade.*} key of the README's configuration table can be given as a property (a system property or a
 * line of {@code application.properties}), as the README says: each is a key of one of the gateway's configuration
 * mappings, which refuse the keys they do not know at startup, and its documented default is a value of its type.
 */
class ConfigKeysTest {
    private static final Pattern ROW = Pattern.compile("^\\| `TRADE_[A-Z_]+` \\| `(trade\\.[a-z.-]+)` \\| ([^|]*)\\|",
            Pattern.MULTILINE);
    private static final Pattern FIRST_CODE = Pattern.compile("`([^`]*)`");

    @Test
    void shouldMapEveryDocumentedKeyWithItsDefault() throws Exception {
        Map<String, String> keys = documentedKeys();
        assertTrue(keys.size() >= 40, "the README's table: " + keys.keySet());
        assertTrue(keys.containsKey("trade.views.stored") && keys.containsKey("trade.db.read-urls"), keys.toString());
        assertDoesNotThrow(() -> build(keys));
    }

    @Test
    void shouldRefuseAKeyNoMappingKnows() throws Exception {
        Map<String, String> keys = new LinkedHashMap<>(documentedKeys());
        keys.put("trade.views.stord", "false");
        assertThrows(RuntimeException.class, () -> build(keys));
    }

    /** The table's {@code trade.*} keys, each with its default, or a placeholder where it has none. */
    private static Map<String, String> documentedKeys() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Map<String, String> keys = new LinkedHashMap<>();
        Matcher row = ROW.matcher(readme);
        while (row.find()) {
            Matcher value = FIRST_CODE.matcher(row.group(2));
            keys.put(row.group(1), value.find() ? value.group(1) : "postgresql://127.0.0.1:5432/postgres");
        }
        return keys;
    }

    private static void build(Map<String, String> keys) throws IOException {
        // with the converters Quarkus adds for durations ("30s") and sizes ("8M")
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultInterceptors().withValidateUnknown(true)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withSources(new PropertiesConfigSource(keys, "README", 500));
        for (Class<?> mapping : mappings()) {
            builder.withMapping(mapping);
        }
        builder.build();
    }

    /** The configuration mappings of the gateway: the interfaces of this package marked {@link ConfigMapping}. */
    private static List<Class<?>> mappings() throws IOException {
        List<Class<?>> found = new ArrayList<>();
        Path dir = Path.of("target/classes/org/tradegateway/config");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    try {
                        Class<?> type = Class.forName("org.tradegateway.config." + name.replace(".class", ""));
                        if (type.isAnnotationPresent(ConfigMapping.class)) {
                            found.add(type);
                        }
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        assertTrue(found.size() >= 9, found.toString());
        return found;
    }
}
