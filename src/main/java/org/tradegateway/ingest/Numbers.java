package org.tradegateway.ingest;

/** Parsing of the numbers found in trade files: padded, possibly empty, possibly in thousands. */
public final class Numbers {
    private Numbers() {
    }

    /** A trimmed decimal, or null when the field is empty or "NA"/"NULL". */
    public static Double decimalOrNull(String field, String name) {
        String s = field == null ? "" : field.trim();
        if (s.isEmpty() || s.equalsIgnoreCase("NA") || s.equalsIgnoreCase("NULL")) {
            return null;
        }
        try {
            double d = Double.parseDouble(s);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new MalformedInputException(name + " is not a finite number: '" + MalformedInputException.quote(s) + "'");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new MalformedInputException(name + " is not a number: '" + MalformedInputException.quote(s) + "'");
        }
    }

    public static double decimal(String field, String name) {
        Double d = decimalOrNull(field, name);
        if (d == null) {
            throw new MalformedInputException(name + " is empty");
        }
        return d;
    }

    public static int integer(String field, String name) {
        Integer i = integerOrNull(field, name);
        if (i == null) {
            throw new MalformedInputException(name + " is empty");
        }
        return i;
    }

    public static Integer integerOrNull(String field, String name) {
        String s = field == null ? "" : field.trim();
        if (s.isEmpty() || s.equalsIgnoreCase("NA") || s.equalsIgnoreCase("NULL")) {
            return null;
        }
        try {
            return Integer.valueOf(s.endsWith(".0") ? s.substring(0, s.length() - 2) : s);
        } catch (NumberFormatException e) {
            throw new MalformedInputException(name + " is not a whole number: '" + MalformedInputException.quote(s) + "'");
        }
    }

    /**
     * A decimal given in thousands (BACI's thousand USD, metric tons) as units, exact for up to three decimals:
     * "0.357" becomes 357 without binary rounding error. Null when empty.
     */
    public static Double thousandsOrNull(String field, String name) {
        double d = field == null ? Double.NaN : thousands(field, 0, field.length(), name);
        return Double.isNaN(d) ? null : d;
    }

    /**
     * {@link #thousandsOrNull(String, String)} of the characters {@code from} to {@code to} of a line, NaN where
     * that gives null.
     */
    static double thousands(String line, int from, int to, String name) {
        while (from < to && line.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && line.charAt(to - 1) <= ' ') {
            to--;
        }
        if (from == to || (to - from == 2 && line.regionMatches(true, from, "NA", 0, 2))) {
            return Double.NaN;
        }
        long whole = 0;
        int decimals = -1;
        boolean digits = false;
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
                if (decimals >= 0) {
                    decimals++;
                }
                if (whole > 1_000_000_000_000_000L || decimals > 3) {
                    return Math.round(decimal(line.substring(from, to), name) * 1_000_000d) / 1000d;
                }
                whole = whole * 10 + (c - '0');
            } else if (c == '.' && decimals < 0) {
                decimals = 0;
            } else {
                return Math.round(decimal(line.substring(from, to), name) * 1_000_000d) / 1000d;
            }
        }
        if (!digits) {
            throw new MalformedInputException(name + " is not a number: '"
                    + MalformedInputException.quote(line.substring(from, to)) + "'");
        }
        int scale = decimals < 0 ? 0 : decimals;
        for (int i = scale; i < 3; i++) {
            whole *= 10;
        }
        return (double) whole;
    }

    /**
     * {@link #integer(String, String)} of the characters {@code from} to {@code to} of a line: up to nine digits,
     * possibly padded, are read in place; anything else as {@link #integer(String, String)} reads it.
     */
    static int integer(String line, int from, int to, String name) {
        int n = paddedDigits(line, from, to, 1, 9);
        return n >= 0 ? n : integer(line.substring(from, to), name);
    }

    /**
     * The number that the characters {@code from} to {@code to} of a line spell when, spaces around them aside,
     * they are {@code min} to {@code max} (at most nine) decimal digits; else -1.
     */
    static int paddedDigits(String line, int from, int to, int min, int max) {
        while (from < to && line.charAt(from) == ' ') {
            from++;
        }
        while (to > from && line.charAt(to - 1) == ' ') {
            to--;
        }
        return to - from < min || to - from > max ? -1 : digits(line, from, to);
    }

    /**
     * The number that the characters {@code from} to {@code to} (at most nine) spell when all are decimal digits;
     * else -1.
     */
    static int digits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
