package org.tradegateway.core;

/** Goods or services; {@link #code()} is the letter stored in the fact table (C for commodities). */
public enum TradeType {
    GOODS('C'),
    SERVICES('S');

    private final char code;

    TradeType(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    public static TradeType ofCode(char code) {
        return switch (code) {
            case 'C' -> GOODS;
            case 'S' -> SERVICES;
            default -> throw new IllegalArgumentException("no trade type " + code);
        };
    }
}
