package org.tradegateway.ingest;

import java.io.IOException;

/** Something an import reads: a file in one of the supported layouts, or the synthetic generator. */
public interface ImportSource {

    /** How rows reach the fact table. */
    enum Shape {
        /** Directed HS6 flows (BACI-like): both reporter views, the aggregates and the World partner are derived. */
        FLOWS,
        /** Complete legacy records, stored as given (the file carries its own aggregates). */
        RECORDS
    }

    DatasetInfo dataset();

    Shape shape();

    /** For FLOWS sources, the HS revision of the product codes (H0..H6). */
    default String flowClassification() {
        return null;
    }

    /**
     * Whether the records are in the classification their source gave them (false for a conversion: its releases
     * are listed as not original, and answered so).
     */
    default boolean original() {
        return true;
    }

    /** A digest of the input, so that importing unchanged input again does nothing. */
    String contentHash() throws IOException;

    /** Total input size in bytes for progress and ETA, or -1 when unknown. */
    long sizeBytes();

    /**
     * Streams the input into the stage. FLOWS sources may call {@link StageWriter#endPart()} between parts
     * (for example one BACI year file each) so that each part is turned into partitions before the next is read.
     * A bad line throws {@link MalformedInputException} with file, line and reason in its message.
     */
    void writeTo(StageWriter writer) throws IOException;
}
