package org.tradegateway.dialect.legacy;

/** {@code head}: CSV header style; H human-readable, M the JSON key names. JSON keys never change. */
public enum Heading {
    H, M
}
