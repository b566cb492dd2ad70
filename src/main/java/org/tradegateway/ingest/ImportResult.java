package org.tradegateway.ingest;

import java.util.List;

/** What an import did: the dataset it wrote, rows read from the input, records stored, periods touched. */
public record ImportResult(int datasetId, boolean unchanged, long rowsRead, long recordsStored,
                           List<Integer> periods, double seconds) {
}
