package org.tradegateway.dialect.legacy;

import java.util.List;
import java.util.function.ToLongFunction;
import org.tradegateway.data.AvailabilityRepository.Availability;
import org.tradegateway.output.Json;
import org.tradegateway.output.Utf8Builder;

/**
 * The bulk listing of {@code /api/refs/da/bulk}: a bare JSON array, one file per loaded reporter and period, with
 * the fields clients read ({@code type, freq, px, r, ps, name, publicationDate, extractDate, filesize,
 * downloadUri}), type and frequency as words, the name that of the ZIP the download sends.
 */
public final class BulkListWriter {
    private BulkListWriter() {
    }

    public static String json(List<Availability> rows, ToLongFunction<Availability> size) {
        Utf8Builder sb = new Utf8Builder(rows.size() * 320 + 2).append('[');
        for (int i = 0; i < rows.size(); i++) {
            Availability a = rows.get(i);
            if (i > 0) {
                sb.append(',');
            }
            String reporter = Integer.toString(a.reporter());
            sb.append("{\"type\":\"").append(BulkFiles.typeWord(a.type())).append("\",\"freq\":\"")
                    .append(BulkFiles.freqWord(a.freq())).append("\",\"px\":");
            Json.string(sb, a.px());
            sb.append(",\"r\":\"").append(reporter).append("\",\"ps\":\"").append(a.period()).append("\",\"name\":");
            Json.string(sb, BulkFiles.zipName(a.type(), reporter, a.period(), a.freq(), a.px(), a.published(),
                    a.imported()));
            sb.append(",\"publicationDate\":\"").append(a.published().toString())
                    .append("T00:00:00\",\"extractDate\":\"").append(a.imported().toString())
                    .append("T00:00:00\",\"filesize\":").append(size.applyAsLong(a)).append(",\"downloadUri\":");
            Json.string(sb, BulkFiles.downloadUri(a.type(), a.freq(), a.period(), reporter, a.px()));
            sb.append('}');
        }
        return sb.append(']').toString();
    }
}
