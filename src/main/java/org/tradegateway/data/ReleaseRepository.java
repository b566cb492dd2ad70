package org.tradegateway.data;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What was released into the store and from where: each loaded (type, frequency, classification, reporter,
 * period) with its record count, publication and import times and the dataset it came from, newest import first.
 */
@ApplicationScoped
public class ReleaseRepository {
    private static final String SQL = """
            SELECT a.type, a.freq, a.px, a.reporter, a.period, a.record_count, a.publication_date, a.imported_at,
                   d.name, d.source, d.source_version, d.licence, a.from_flows
            FROM data_availability a JOIN dataset d ON d.id = a.dataset_id
            WHERE ($1::char IS NULL OR a.type = $1) AND ($2::char IS NULL OR a.freq = $2)
              AND ($3::varchar[] IS NULL OR a.px = ANY($3)) AND ($5 OR a.is_original)
            ORDER BY a.imported_at DESC, a.reporter, a.period
            LIMIT $4""";
    private final Pool pool;
    private final DatabaseGuard guard;

    private final boolean converted;

    public ReleaseRepository(Pool pool, DatabaseGuard guard, ConvertedData converted) {
        this.pool = pool;
        this.guard = guard;
        this.converted = converted.answered();
    }

    /** One loaded reporter-period and its provenance. */
    public record Release(char type, char freq, String px, int reporter, int period, long records,
                          LocalDate published, OffsetDateTime imported, String datasetName, String source,
                          String sourceVersion, String licence, boolean fromFlows) {
    }

    /** The newest releases, at most {@code limit}; a null type, frequency or classification list means any. */
    public Uni<List<Release>> find(Character type, Character freq, List<String> px, int limit) {
        Tuple params = Tuple.tuple().addValue(type == null ? null : type.toString())
                .addValue(freq == null ? null : freq.toString())
                .addValue(px == null ? null : px.toArray(String[]::new)).addValue(limit).addValue(converted);
        return guard.call(() -> pool.preparedQuery(SQL).execute(params).map(rows -> {
                    List<Release> result = new ArrayList<>();
                    for (Row r : rows) {
                        result.add(new Release(r.getString(0).charAt(0), r.getString(1).charAt(0), r.getString(2),
                                r.getShort(3), r.getInteger(4), r.getLong(5), r.getLocalDate(6),
                                r.getOffsetDateTime(7), r.getString(8), r.getString(9), r.getString(10),
                                r.getString(11), r.getBoolean(12)));
                    }
                    return result;
                }));
    }
}
