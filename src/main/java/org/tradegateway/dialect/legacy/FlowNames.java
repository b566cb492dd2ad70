package org.tradegateway.dialect.legacy;

/** The legacy API's {@code rgDesc} words for the flow codes 1..4 (one string each, so encoders encode it once). */
final class FlowNames {
    private static final String[] NAMES = {"", "Import", "Export", "Re-Export", "Re-Import"};

    private FlowNames() {
    }

    static String of(int flow) {
        return flow >= 1 && flow < NAMES.length ? NAMES[flow] : "";
    }
}
