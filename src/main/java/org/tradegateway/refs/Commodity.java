package org.tradegateway.refs;

/** One code of a classification tree. */
public record Commodity(Classification classification, String code, String description, String parent,
                        int aggrLevel, boolean leaf, int standardUnit, String text) {
}
