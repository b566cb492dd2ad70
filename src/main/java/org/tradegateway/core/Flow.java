package org.tradegateway.core;

import java.util.Optional;

/**
 * Trade flows, the one table of their codes: the number stored in the fact table (the legacy API's {@code rg}
 * 1..4) and the letters of Comtrade+ ({@code flowCode} M, X, RX, RM).
 */
public enum Flow {
    IMPORT(1, "M"),
    EXPORT(2, "X"),
    RE_EXPORT(3, "RX"),
    RE_IMPORT(4, "RM");

    private static final Flow[] BY_CODE = {null, IMPORT, EXPORT, RE_EXPORT, RE_IMPORT};
    private final int code;
    private final String plusCode;

    Flow(int code, String plusCode) {
        this.code = code;
        this.plusCode = plusCode;
    }

    /** The stored code, 1..4. */
    public int code() {
        return code;
    }

    /** The Comtrade+ letter code. */
    public String plusCode() {
        return plusCode;
    }

    public static Optional<Flow> ofCode(int code) {
        return code >= 1 && code < BY_CODE.length ? Optional.of(BY_CODE[code]) : Optional.empty();
    }

    public static Optional<Flow> ofPlusCode(String letters) {
        for (Flow f : values()) {
            if (f.plusCode.equalsIgnoreCase(letters)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
