package org.tradegateway.dialect.legacy;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tradegateway.refs.Area;
import org.tradegateway.refs.Classification;
import org.tradegateway.refs.Commodity;
import org.tradegateway.refs.ReferenceData;
import org.tradegateway.refs.ReferenceFiles;

/**
 * The select2 reference lists of {@code /Data/cache}: classifications with their header keys in the upstream
 * order and their special entries (ALL, TOTAL, AGn with parent "#"), areas and trade regimes. Pretty-printed with
 * four spaces and LF line ends, as upstream served them.
 */
public final class Select2Lists {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("    ", "\n"))
            .withArrayIndenter(new DefaultIndenter("    ", "\n"));
    /** Upstream order of tradeRegimes.json. */
    private static final List<Integer> REGIME_ORDER = List.of(1, 2, 4, 3);
    private final ReferenceData refs;
    private final JsonNode heads;

    public Select2Lists(ReferenceData refs) {
        this.refs = refs;
        try (InputStream in = ReferenceFiles.open("select2_lists.json")) {
            this.heads = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The list of a classification ({@code classificationH5} etc.), or empty for an unknown one. */
    public Optional<String> classification(Classification cls) {
        JsonNode head = heads.get(cls.name());
        if (head == null) {
            return Optional.empty();
        }
        ObjectNode root = MAPPER.createObjectNode();
        head.get("header").forEach(pair -> root.set(pair.get(0).asText(), pair.get(1)));
        ArrayNode results = root.putArray("results");
        java.util.Set<String> specials = new java.util.HashSet<>();
        head.get("specials").forEach(s -> {
            results.add(s);
            specials.add(s.get("id").asText());
        });
        for (Commodity c : refs.tree(cls)) {
            if (specials.contains(c.code()) || c.code().equals("TOTAL")) {
                continue;
            }
            ObjectNode entry = results.addObject();
            entry.put("id", c.code());
            entry.put("text", c.text());
            entry.put("parent", c.parent() == null ? "#" : c.parent());
        }
        return Optional.of(write(root));
    }

    /** reporterAreas or partnerAreas: "all" first (and World for partners), then alphabetical by text. */
    public String areas(Collection<Area> areas, boolean partners) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("more", false);
        ArrayNode results = root.putArray("results");
        results.addObject().put("id", "all").put("text", "All");
        if (partners) {
            results.addObject().put("id", "0").put("text", "World");
        }
        areas.stream().filter(a -> partners ? a.partner() && a.code() != 0 : a.reporter())
                .sorted(Comparator.comparing(Area::name, String.CASE_INSENSITIVE_ORDER))
                .forEach(a -> results.addObject().put("id", Integer.toString(a.code())).put("text", a.name()));
        return write(root);
    }

    public String tradeRegimes() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("more", false);
        ArrayNode results = root.putArray("results");
        results.addObject().put("id", "all").put("text", "All");
        for (int code : REGIME_ORDER) {
            results.addObject().put("id", Integer.toString(code)).put("text", refs.tradeRegime(code).orElseThrow());
        }
        return write(root);
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The list names served, lower-cased, mapped to their canonical spelling. */
    public static Map<String, String> names() {
        Map<String, String> names = new java.util.HashMap<>();
        for (String n : List.of("reporterAreas", "partnerAreas", "tradeRegimes")) {
            names.put(n.toLowerCase(java.util.Locale.ROOT), n);
        }
        for (Classification c : Classification.values()) {
            names.put(("classification" + c.name()).toLowerCase(java.util.Locale.ROOT), "classification" + c.name());
        }
        return names;
    }
}
