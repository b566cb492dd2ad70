package org.tradegateway.refs;

import java.util.Locale;
import java.util.Optional;

/** The classifications the legacy API knows (`px`), with their trade type and how their codes nest. */
public enum Classification {
    H0('C', true), H1('C', true), H2('C', true), H3('C', true), H4('C', true), H5('C', true), H6('C', true),
    HS('C', true),
    S1('C', false), S2('C', false), S3('C', false), S4('C', false),
    ST('C', false),
    BEC('C', false),
    EB02('S', false);

    private final char type;
    private final boolean harmonizedSystem;

    Classification(char type, boolean harmonizedSystem) {
        this.type = type;
        this.harmonizedSystem = harmonizedSystem;
    }

    /** 'C' for commodities (goods), 'S' for services. */
    public char type() {
        return type;
    }

    public boolean isHarmonizedSystem() {
        return harmonizedSystem;
    }

    /**
     * HS and ST: "as reported", each reporter-period in the classification its data came in, never in one it was
     * converted to.
     */
    public boolean asReported() {
        return this == HS || this == ST;
    }

    /** The revision names stored in the fact table are H0..H6, S1..S4, BEC and EB02; HS and ST are query words. */
    public boolean isStoredRevision() {
        return this != HS && this != ST;
    }

    public static Optional<Classification> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The HS revision of a BACI release name: HS92 = H0, HS96 = H1, ..., HS22 = H6. */
    public static Optional<Classification> ofBaciRelease(String hsName) {
        return switch (hsName.toUpperCase(Locale.ROOT)) {
            case "HS92" -> Optional.of(H0);
            case "HS96" -> Optional.of(H1);
            case "HS02" -> Optional.of(H2);
            case "HS07" -> Optional.of(H3);
            case "HS12" -> Optional.of(H4);
            case "HS17" -> Optional.of(H5);
            case "HS22" -> Optional.of(H6);
            default -> Optional.empty();
        };
    }
}
