package org.tradegateway.dialect.legacy;

import org.tradegateway.output.RowEncoder;

/**
 * How the legacy API encodes an answer: {@code fmt}, and for CSV {@code head} and {@code IMTS}. JSON ignores the
 * other two, so all JSON answers are one encoding (and share what is kept in memory).
 */
public record LegacyEncoding(OutputFormat format, Heading heading, boolean imtsOriginal) implements RowEncoder.Choice {

    public static LegacyEncoding of(OutputFormat format, Heading heading, boolean imtsOriginal) {
        return format == OutputFormat.JSON ? new LegacyEncoding(OutputFormat.JSON, Heading.H, false)
                : new LegacyEncoding(format, heading, imtsOriginal);
    }

    @Override
    public RowEncoder create() {
        return switch (format) {
            case CSV -> new CsvAnswerWriter(heading, imtsOriginal);
            case XLSX -> new XlsxAnswerWriter(new CsvAnswerWriter(heading, imtsOriginal));
            case JSON -> new JsonAnswerWriter();
        };
    }

    @Override
    public String contentType() {
        return format.contentType();
    }

    @Override
    public boolean inOrder() {
        return format == OutputFormat.XLSX;
    }

    @Override
    public boolean needsTotal() {
        return format == OutputFormat.JSON;
    }
}
