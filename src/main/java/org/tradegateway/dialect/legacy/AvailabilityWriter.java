package org.tradegateway.dialect.legacy;

import java.util.List;
import org.tradegateway.data.AvailabilityRepository.Availability;
import org.tradegateway.output.Json;
import org.tradegateway.output.Utf8Builder;

/**
 * The data availability answer of {@code /api/refs/da/view}: a bare JSON array with the 2019–2021 fields, or CSV
 * with the same names as header; when nothing matches, the upstream's single all-null record.
 */
public final class AvailabilityWriter {
    static final String[] FIELDS = {"type", "freq", "px", "r", "rDesc", "ps", "TotalRecords", "isOriginal",
        "publicationDate", "isPartnerDetail"};
    private static final String NO_DATA_JSON = "[{\"type\":null,\"freq\":null,\"px\":null,\"r\":null,\"rDesc\":null,"
            + "\"ps\":null,\"TotalRecords\":0,\"isOriginal\":null,\"publicationDate\":null,\"isPartnerDetail\":0}]";

    private AvailabilityWriter() {
    }

    public static String json(List<Availability> rows) {
        if (rows.isEmpty()) {
            return NO_DATA_JSON;
        }
        Utf8Builder sb = new Utf8Builder(rows.size() * 200);
        sb.append('[');
        for (int i = 0; i < rows.size(); i++) {
            Availability a = rows.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"type\":");
            Json.string(sb, type(a));
            sb.append(",\"freq\":");
            Json.string(sb, freq(a));
            sb.append(",\"px\":");
            Json.string(sb, a.px());
            sb.append(",\"r\":");
            Json.string(sb, Integer.toString(a.reporter()));
            sb.append(",\"rDesc\":");
            Json.string(sb, a.reporterName());
            sb.append(",\"ps\":");
            Json.string(sb, Integer.toString(a.period()));
            sb.append(",\"TotalRecords\":").append(a.records()).append(",\"isOriginal\":").append(a.original() ? 1 : 0)
                    .append(",\"publicationDate\":");
            Json.string(sb, a.published() + "T00:00:00");
            sb.append(",\"isPartnerDetail\":").append(a.partnerDetail() ? 1 : 0).append('}');
        }
        return sb.append(']').toString();
    }

    public static String csv(List<Availability> rows) {
        Utf8Builder sb = new Utf8Builder(rows.size() * 120 + 120);
        sb.append(String.join(",", FIELDS)).append("\r\n");
        if (rows.isEmpty()) {
            return sb.append(",,,,,,0,,,0\r\n").toString();
        }
        for (Availability a : rows) {
            CsvAnswerWriter.text(sb, type(a));
            sb.append(',').append(freq(a)).append(',');
            CsvAnswerWriter.text(sb, a.px());
            sb.append(',').append(a.reporter()).append(',');
            CsvAnswerWriter.text(sb, a.reporterName());
            sb.append(',').append(a.period()).append(',').append(a.records()).append(',').append(a.original() ? 1 : 0)
                    .append(',').append(a.published().toString()).append("T00:00:00,").append(a.partnerDetail() ? 1 : 0)
                    .append("\r\n");
        }
        return sb.toString();
    }

    private static String type(Availability a) {
        return BulkFiles.typeWord(a.type());
    }

    private static String freq(Availability a) {
        return BulkFiles.freqWord(a.freq());
    }
}
