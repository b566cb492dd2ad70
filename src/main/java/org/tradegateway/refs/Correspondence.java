package org.tradegateway.refs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A UNSD conversion table between two classifications: exactly one target code per source code, as the UN
 * Statistics Division meant these tables to convert data (its correlation tables, with every overlap, are not for
 * that). Read as the published files spell it: the first column is the source and the target is the next column
 * that is neither a description nor an "ex" flag, whatever the header says (some headers read "From HS 2022,From
 * HS 1992", others "HS 2012,HS 1992", the WITS exports "HS 1988/92 Product Code,HS 1988/92 Product Description,
 * SITC Revision 4 Product Code,..."); a byte-order mark, quotes (with commas inside), dotted codes ({@code 0101.21},
 * {@code 001.5}), a relationship column, blank lines, text in another encoding than UTF-8 in descriptions, and
 * rows whose target is {@code n/a} or empty (a source code with no counterpart) are all handled. Codes keep their
 * leading zeros.
 *
 * <p>UNSD publishes the HS to BEC Rev.4 tables as one file that lists, for the few codes whose goods fall in two
 * categories, both; such a table is read with the first category listed as the target (the table's own order),
 * and only such a table: a conversion table that gives a code two targets is refused.
 */
public final class Correspondence {
    /** Where the shipped tables are: {@code hs2017_to_hs1992_conversion.csv} and so on. */
    private static final String FOLDER = "reference/correspondences/";
    private final String name;
    private final Classification from;
    private final Classification to;
    private final Map<String, String> targets;
    private final TreeSet<String> withoutCounterpart;

    private Correspondence(String name, Classification from, Classification to, Map<String, String> targets,
                           TreeSet<String> withoutCounterpart) {
        this.name = name;
        this.from = from;
        this.to = to;
        this.targets = targets;
        this.withoutCounterpart = withoutCounterpart;
    }

    /**
     * The table's name as shipped, e.g. {@code hs2017_to_hs1992_conversion}, or the two tables of a chain
     * ({@code hs1992_to_sitc3_wits then sitc3_to_sitc1_conversion}): what provenance records.
     */
    public String name() {
        return name;
    }

    public Classification from() {
        return from;
    }

    public Classification to() {
        return to;
    }

    /** The target of a source code, or null when the table has none for it. */
    public String target(String code) {
        return targets.get(code);
    }

    /** How many source codes the table converts. */
    public int size() {
        return targets.size();
    }

    /** Source codes the table lists with no counterpart ({@code n/a}). */
    public java.util.SortedSet<String> withoutCounterpart() {
        return Collections.unmodifiableSortedSet(withoutCounterpart);
    }

    /** The name of a classification in the shipped tables' names: {@code hs1992} ... {@code sitc4}, {@code bec4}. */
    static String fileName(Classification px) {
        return switch (px) {
            case H0 -> "hs1992";
            case H1 -> "hs1996";
            case H2 -> "hs2002";
            case H3 -> "hs2007";
            case H4 -> "hs2012";
            case H5 -> "hs2017";
            case H6 -> "hs2022";
            case S1 -> "sitc1";
            case S2 -> "sitc2";
            case S3 -> "sitc3";
            case S4 -> "sitc4";
            case BEC -> "bec4";
            default -> throw new IllegalArgumentException(px + " has no conversion tables");
        };
    }

    /**
     * The shipped table that converts one classification to another, if there is one: an HS revision to an earlier
     * one, to SITC Rev.1-4 and to BEC Rev.4, SITC to an earlier SITC and to BEC. UNSD publishes tables back in time
     * only: a code split by a later revision cannot be divided without knowing the shares. Where no table leads
     * straight from one to the other (HS 1992-2007 to SITC Rev.1 and 2, HS 1992 to BEC), the conversion goes
     * through SITC Rev.3, as two tables one after the other.
     */
    public static Optional<Correspondence> shipped(Classification from, Classification to) {
        if (!from.isStoredRevision() || !to.isStoredRevision() || from == to || from == Classification.BEC
                || from.type() != 'C' || to.type() != 'C') {
            return Optional.empty();
        }
        Optional<Correspondence> direct = direct(from, to);
        if (direct.isPresent() || !from.isHarmonizedSystem() || to == Classification.S3
                || (to.isHarmonizedSystem())) {
            return direct;
        }
        return direct(from, Classification.S3).flatMap(first -> direct(Classification.S3, to)
                .map(second -> first.then(second)));
    }

    private static Optional<Correspondence> direct(Classification from, Classification to) {
        String base = fileName(from) + "_to_" + fileName(to);
        for (String name : List.of(base + "_conversion", base + "_wits", base)) {
            InputStream in = Correspondence.class.getClassLoader().getResourceAsStream(FOLDER + name + ".csv");
            if (in != null) {
                try (in) {
                    return Optional.of(read(name, from, to, in, name.equals(base)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return Optional.empty();
    }

    /** This table, then {@code next} on its targets: a source whose target {@code next} lacks has no counterpart. */
    Correspondence then(Correspondence next) {
        Map<String, String> chained = new HashMap<>(targets.size() * 2);
        TreeSet<String> none = new TreeSet<>(withoutCounterpart);
        targets.forEach((source, middle) -> {
            String target = next.target(middle);
            if (target != null) {
                chained.put(source, target);
            } else {
                none.add(source);
            }
        });
        return new Correspondence(name + " then " + next.name, from, next.to, chained, none);
    }

    /** Reads a conversion table; a source code given two different targets is refused with its line. */
    public static Correspondence read(String name, Classification from, Classification to, InputStream in)
            throws IOException {
        return read(name, from, to, in, false);
    }

    /**
     * Reads a table; with {@code firstListed}, a source code listed with several targets takes the first, otherwise
     * that is refused with its line. Read as ISO-8859-1: the codes are ASCII, and some descriptions are not UTF-8.
     */
    static Correspondence read(String name, Classification from, Classification to, InputStream in,
                               boolean firstListed) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
        Map<String, String> targets = new HashMap<>(8192);
        TreeSet<String> none = new TreeSet<>();
        String line;
        int number = 0;
        int targetColumn = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith("\u00EF\u00BB\u00BF")) {
                line = line.substring(3); // a UTF-8 byte-order mark
            }
            List<String> cells = cells(line);
            if (line.isBlank() || cells.size() < 2) {
                continue;
            }
            String source = code(cells.get(0));
            if (source.isEmpty() || !Character.isDigit(source.charAt(0))) {
                if (number == 1) {
                    targetColumn = targetColumn(cells);
                }
                continue; // the header, whatever it says, or a row with no source code
            }
            String target = targetColumn < cells.size() ? code(cells.get(targetColumn)) : "";
            if (target.isEmpty() || !Character.isDigit(target.charAt(0))) {
                none.add(source);
                continue;
            }
            String earlier = targets.putIfAbsent(source, target);
            if (earlier != null && !earlier.equals(target) && !firstListed) {
                throw new IllegalArgumentException(name + " line " + number + ": " + source + " has two targets ("
                        + earlier + " and " + target + "); a conversion table gives one");
            }
        }
        none.removeAll(targets.keySet());
        return new Correspondence(name, from, to, targets, none);
    }

    /** The first column after the source's that names neither a description nor a partial ("ex") match. */
    private static int targetColumn(List<String> header) {
        for (int i = 1; i < header.size(); i++) {
            String h = header.get(i).trim().toLowerCase(Locale.ROOT);
            if (!h.contains("description") && !h.equals("ex") && !h.equals("ex.")) {
                return i;
            }
        }
        return 1;
    }

    /** The cells of a CSV line: commas inside double quotes do not split; the quotes are kept for {@link #code}. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(line.substring(start, i));
                start = i + 1;
            }
        }
        cells.add(line.substring(start));
        return cells;
    }

    /** A code as written in a table: without quotes, spaces, dots or a leading apostrophe. */
    static String code(String cell) {
        StringBuilder sb = new StringBuilder(cell.length());
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c != '"' && c != '.' && c != '\'' && !Character.isWhitespace(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
