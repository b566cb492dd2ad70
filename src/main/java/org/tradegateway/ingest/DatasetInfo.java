package org.tradegateway.ingest;

import java.time.LocalDate;

/**
 * Provenance of an import: where the data comes from and under which terms. {@code source} and {@code name}
 * identify the dataset; importing the same pair again replaces it.
 */
public record DatasetInfo(String source, String name, String sourceVersion, String licence, boolean synthetic,
                          LocalDate publicationDate) {
}
