package org.tradegateway.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tradegateway.refs.Classification;

/**
 * The loaded dataset a conversion reads: its provenance, the classifications its records are in, whether they are
 * directed flows or declared records, and its periods. Refused with the reason when there is no such dataset, it is
 * itself a conversion, or several datasets have the name.
 */
record ConversionInput(int id, String name, String source, String version, String licence, boolean synthetic,
                       LocalDate published, String contentHash, List<Classification> revisions, boolean flows,
                       List<Integer> periods) {

    static ConversionInput read(Connection reader, String name) throws SQLException {
        try (PreparedStatement ps = reader.prepareStatement("SELECT d.id, d.source, d.source_version, d.licence,"
                + " d.synthetic, d.content_hash, max(a.publication_date), array_agg(DISTINCT a.px ORDER BY a.px),"
                + " bool_and(a.from_flows), bool_and(a.is_original), array_agg(DISTINCT a.period ORDER BY a.period)"
                + " FROM dataset d JOIN data_availability a ON a.dataset_id = d.id WHERE d.name = ?"
                + " GROUP BY d.id ORDER BY d.id")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ImportFailure("no dataset named '" + name + "' is loaded (see `datasets list`)");
                }
                if (!rs.getBoolean(10)) {
                    throw new ImportFailure("dataset '" + name + "' is itself a conversion; convert its source");
                }
                List<Classification> revisions = new ArrayList<>();
                for (String px : (String[]) rs.getArray(8).getArray()) {
                    revisions.add(Classification.parse(px).orElseThrow());
                }
                List<Integer> periods = new ArrayList<>();
                for (Integer period : (Integer[]) rs.getArray(11).getArray()) {
                    periods.add(period);
                }
                ConversionInput input = new ConversionInput(rs.getInt(1), name, rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), rs.getObject(7, LocalDate.class), rs.getString(6),
                        List.copyOf(revisions), rs.getBoolean(9), List.copyOf(periods));
                if (rs.next()) {
                    throw new ImportFailure("several datasets are named '" + name + "'");
                }
                return input;
            }
        }
    }

    /** The converted dataset's provenance: the source's, named {@code <name>-as-<to>}, its version naming tables. */
    DatasetInfo convertedInfo(Classification to, String conversions) {
        return new DatasetInfo(source, name + "-as-" + to, (version.isEmpty() ? "" : version + ", ") + "converted from "
                + conversions, licence, synthetic, published);
    }
}
