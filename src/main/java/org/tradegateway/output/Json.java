package org.tradegateway.output;

/** Minimal JSON value writing for the streamed answer (strings escaped per RFC 8259). */
public final class Json {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    public static void string(Utf8Builder sb, String s) {
        if (s == null) {
            sb.append("null");
            return;
        }
        if (plain(s)) {
            sb.append('"').append(s).append('"');
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 15]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Whether a string needs no escaping: no quote, no backslash, no control character. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                return false;
            }
        }
        return true;
    }

    public static void integer(Utf8Builder sb, Integer value) {
        if (value == null) {
            sb.append("null");
        } else {
            sb.append(value.intValue());
        }
    }

    public static void number(Utf8Builder sb, Double value) {
        if (value == null) {
            sb.append("null");
        } else {
            Numbers.append(sb, value);
        }
    }
}
