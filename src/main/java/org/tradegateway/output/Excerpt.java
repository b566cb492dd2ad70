package org.tradegateway.output;

/**
 * Short, printable excerpts of outside input (request paths, file contents) for error bodies, messages and log
 * lines: never longer than asked, control, non-ASCII and markup characters escaped.
 */
public final class Excerpt {
    private Excerpt() {
    }

    /** At most {@code max} characters of the text, escaped, with "..." when it was cut. */
    public static String of(CharSequence text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
        int i = 0;
        for (; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '<' || c == '>' || c == '&' || c == '"' || c == '\\') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (i < text.length()) {
            out.append("...");
        }
        return out.toString();
    }
}
