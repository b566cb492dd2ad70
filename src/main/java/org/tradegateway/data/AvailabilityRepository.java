package org.tradegateway.data;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads data_availability as it is at the moment of the request, so imports and drops show up at once. */
@ApplicationScoped
public class AvailabilityRepository {
    private final Pool pool;

    private final DatabaseGuard guard;

    private final boolean converted;

    public AvailabilityRepository(Pool pool, DatabaseGuard guard, ConvertedData converted) {
        this.pool = pool;
        this.guard = guard;
        this.converted = converted.answered();
    }

    /** One (type, frequency, classification, reporter, period) that is loaded. */
    public record Availability(char type, char freq, String px, int reporter, String reporterName, int period,
                               long records, boolean original, LocalDate published, boolean partnerDetail,
                               LocalDate imported) {
    }

    /** A filter; null fields match everything. */
    public record Filter(Character type, Character freq, List<String> px, Integer reporter, Integer period) {
    }

    public Uni<List<Availability>> find(Filter filter) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT a.type, a.freq, a.px, a.reporter, coalesce(ar.name, ''),"
                + " a.period, a.record_count, a.is_original, a.publication_date, a.is_partner_detail,"
                + " (a.imported_at AT TIME ZONE 'UTC')::date"
                + " FROM data_availability a LEFT JOIN area ar ON ar.code = a.reporter WHERE "
                + (converted ? "true" : "a.is_original"));
        if (filter.type() != null) {
            params.add(filter.type().toString());
            sql.append(" AND a.type = $").append(params.size());
        }
        if (filter.freq() != null) {
            params.add(filter.freq().toString());
            sql.append(" AND a.freq = $").append(params.size());
        }
        if (filter.px() != null) {
            params.add(filter.px().toArray(String[]::new));
            sql.append(" AND a.px = ANY($").append(params.size()).append(')');
        }
        if (filter.reporter() != null) {
            params.add(filter.reporter().shortValue());
            sql.append(" AND a.reporter = $").append(params.size());
        }
        if (filter.period() != null) {
            params.add(filter.period());
            sql.append(" AND a.period = $").append(params.size());
        }
        sql.append(" ORDER BY a.type, a.freq, a.px, a.period, a.reporter");
        return guard.call(() -> pool.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(rows -> {
            List<Availability> result = new ArrayList<>();
            for (Row r : rows) {
                result.add(new Availability(r.getString(0).charAt(0), r.getString(1).charAt(0), r.getString(2),
                        r.getShort(3), r.getString(4), r.getInteger(5), r.getLong(6), r.getBoolean(7),
                        r.getLocalDate(8), r.getBoolean(9), r.getLocalDate(10)));
            }
            return result;
        }));
    }
}
