package org.tradegateway.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import org.tradegateway.refs.Classification;

/**
 * A loaded dataset in another classification, imported as a dataset of its own: directed flows
 * ({@link ConversionSource}) or declared records ({@link RecordConversionSource}), whichever the dataset holds.
 */
public interface Conversion extends ImportSource {

    /** The dataset named {@code name} converted to {@code to}; refused with the reason when it cannot be. */
    static Conversion of(Connection reader, String name, Classification to) throws SQLException {
        ConversionInput input = ConversionInput.read(reader, name);
        return input.flows() ? new ConversionSource(reader, input, to) : new RecordConversionSource(reader, input, to);
    }

    /** Converted records are not in their original classification: listed and answered so. */
    @Override
    default boolean original() {
        return false;
    }

    /** Read from the database: no size to show progress against. */
    @Override
    default long sizeBytes() {
        return -1;
    }

    /** The names of the UNSD tables used, as provenance records them. */
    String tables();

    /** How many source codes the tables convert. */
    int codes();

    /** Source flows or leaf records read. */
    long converted();

    /** Those the tables have no target for: under their own code (HS), in the totals only (SITC, BEC). */
    long kept();

    /** The value of those {@link #kept}. */
    double keptValue();
}
