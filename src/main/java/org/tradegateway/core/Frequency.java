package org.tradegateway.core;

/** How often a series is reported; {@link #code()} is the letter stored in the fact table. */
public enum Frequency {
    ANNUAL('A'),
    MONTHLY('M');

    private final char code;

    Frequency(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    public static Frequency ofCode(char code) {
        return switch (code) {
            case 'A' -> ANNUAL;
            case 'M' -> MONTHLY;
            default -> throw new IllegalArgumentException("no frequency " + code);
        };
    }
}
