package org.tradegateway.dialect.plus;

import org.tradegateway.output.RowEncoder;

/**
 * How a Comtrade+ v1 answer is encoded: JSON (the envelope) or CSV, with or without the descriptions
 * ({@code includeDesc}), records or only their count ({@code countOnly}); the type and frequency asked for and the
 * classification as it was asked ({@code classificationSearchCode}) are written into every record.
 */
public record PlusEncoding(boolean csv, boolean includeDesc, boolean countOnly, char typeCode, char freqCode,
                           String searchCode) implements RowEncoder.Choice {

    @Override
    public RowEncoder create() {
        return csv ? new PlusCsvEncoder(this) : new PlusJsonEncoder(this);
    }

    @Override
    public String contentType() {
        return csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
    }

    @Override
    public boolean needsTotal() {
        return !csv;
    }
}
