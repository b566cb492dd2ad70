package org.tradegateway.output;

/** Writes measures as the legacy API did: whole numbers without a decimal point, others in shortest form. */
public final class Numbers {
    private Numbers() {
    }

    public static void append(Utf8Builder out, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            out.append((long) value);
        } else {
            out.append(value);
        }
    }
}
