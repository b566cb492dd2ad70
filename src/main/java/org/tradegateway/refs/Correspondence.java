package org.tradegateway.refs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A UNSD conversion table between two classifications: exactly one target code per source code, as the UN
 * Statistics Division meant these tables to convert data (its correlation tables, with every overlap, are not for
 * that). Read as the published files spell it: the first column is the source and the second the target whatever
 * the header says (some headers read "From HS 2022,From HS 1992", others "HS 2012,HS 1992"); a byte-order mark,
 * quotes, dotted codes ({@code 0101.21}), a relationship or "ex" column after the codes, blank lines, and rows
 * whose target is {@code n/a} or empty (a source code with no counterpart) are all handled. Codes keep their
 * leading zeros.
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

    /** The table's name as shipped, e.g. {@code hs2017_to_hs1992_conversion}: what provenance records. */
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

    /** The year in the shipped tables' names: H0 is HS 1992 ... H6 is HS 2022. */
    static String year(Classification hs) {
        return switch (hs) {
            case H0 -> "1992";
            case H1 -> "1996";
            case H2 -> "2002";
            case H3 -> "2007";
            case H4 -> "2012";
            case H5 -> "2017";
            case H6 -> "2022";
            default -> throw new IllegalArgumentException(hs + " is not an HS revision");
        };
    }

    /**
     * The shipped table from one HS revision to another, if there is one. UNSD publishes tables from each revision
     * to every earlier one only: data is converted back in time, never forward (a code split by a later revision
     * cannot be divided without knowing the shares).
     */
    public static Optional<Correspondence> shipped(Classification from, Classification to) {
        if (!from.isHarmonizedSystem() || !to.isHarmonizedSystem() || !from.isStoredRevision()
                || !to.isStoredRevision()) {
            return Optional.empty();
        }
        String name = "hs" + year(from) + "_to_hs" + year(to) + "_conversion";
        InputStream in = Correspondence.class.getClassLoader().getResourceAsStream(FOLDER + name + ".csv");
        if (in == null) {
            return Optional.empty();
        }
        try (in) {
            return Optional.of(read(name, from, to, in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a conversion table; a source code given two different targets is refused with its line. */
    public static Correspondence read(String name, Classification from, Classification to, InputStream in)
            throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, String> targets = new HashMap<>(8192);
        TreeSet<String> none = new TreeSet<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String[] cells = line.split(",", -1);
            if (line.isBlank() || cells.length < 2) {
                continue;
            }
            String source = code(cells[0]);
            String target = code(cells[1]);
            if (source.isEmpty() || !Character.isDigit(source.charAt(0))) {
                continue; // the header, whatever it says, or a row with no source code
            }
            if (target.isEmpty() || !Character.isDigit(target.charAt(0))) {
                none.add(source);
                continue;
            }
            String earlier = targets.putIfAbsent(source, target);
            if (earlier != null && !earlier.equals(target)) {
                throw new IllegalArgumentException(name + " line " + number + ": " + source + " has two targets ("
                        + earlier + " and " + target + "); a conversion table gives one");
            }
        }
        none.removeAll(targets.keySet());
        return new Correspondence(name, from, to, targets, none);
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
