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
        String s = field == null ? "" : field.trim();
        if (s.isEmpty() || s.equalsIgnoreCase("NA")) {
            return null;
        }
        long whole = 0;
        int decimals = -1;
        boolean digits = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
                if (decimals >= 0) {
                    decimals++;
                }
                if (whole > 1_000_000_000_000_000L || decimals > 3) {
                    return Math.round(decimal(s, name) * 1_000_000d) / 1000d;
                }
                whole = whole * 10 + (c - '0');
            } else if (c == '.' && decimals < 0) {
                decimals = 0;
            } else {
                return Math.round(decimal(s, name) * 1_000_000d) / 1000d;
            }
        }
        if (!digits) {
            throw new MalformedInputException(name + " is not a number: '" + MalformedInputException.quote(s) + "'");
        }
        int scale = decimals < 0 ? 0 : decimals;
        for (int i = scale; i < 3; i++) {
            whole *= 10;
        }
        return (double) whole;
    }
}
