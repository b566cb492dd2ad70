package org.tradegateway.output;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.tradegateway.query.ValidationStatus;

/**
 * The legacy JSON answer, written in pieces so that rows can stream: {@link #head} (the validation block and the
 * opening of {@code dataset}), {@link #row} per record, {@link #tail}. Keys and their order are the upstream's.
 */
public final class JsonAnswerWriter {
    /** .NET's round-trip format: 7 fractional digits and the offset. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSXXX");
    private static final String EMPTY_COUNT = "{\"value\":0,\"started\":\"0001-01-01T00:00:00\","
            + "\"finished\":\"0001-01-01T00:00:00\",\"durationSeconds\":0}";
    private boolean firstRow = true;

    /** The whole answer of a request that failed validation (HTTP 200, no data). */
    public static String failure(ValidationStatus status, String message) {
        Utf8Builder sb = new Utf8Builder(400);
        sb.append("{\"validation\":{\"status\":");
        status(sb, status);
        sb.append(",\"message\":");
        Json.string(sb, message);
        sb.append(",\"count\":").append(EMPTY_COUNT).append(",\"datasetTimer\":null},\"dataset\":[]}");
        return sb.toString();
    }

    /**
     * The validation block of a successful answer and the opening of the dataset array.
     *
     * @param total         records matching the query, before {@code max}
     * @param countStart    when counting started
     * @param countEnd      when counting finished
     * @param requestStart  when the request arrived (the dataset timer covers the preparation of the answer)
     */
    public String head(long total, OffsetDateTime countStart, OffsetDateTime countEnd, OffsetDateTime requestStart) {
        Utf8Builder sb = new Utf8Builder(600);
        sb.append("{\"validation\":{\"status\":");
        status(sb, ValidationStatus.OK);
        sb.append(",\"message\":null,\"count\":");
        timer(sb, total, countStart, countEnd);
        sb.append(",\"datasetTimer\":");
        timer(sb, null, requestStart, countEnd);
        sb.append("},\"dataset\":[");
        return sb.toString();
    }

    public String tail() {
        return "]}";
    }

    private static void status(Utf8Builder sb, ValidationStatus status) {
        sb.append("{\"name\":");
        Json.string(sb, status.title());
        sb.append(",\"value\":").append(status.value()).append(",\"category\":0,\"description\":");
        Json.string(sb, status.description());
        sb.append(",\"helpUrl\":\"\"}");
    }

    private static void timer(Utf8Builder sb, Long value, OffsetDateTime start, OffsetDateTime end) {
        sb.append('{');
        if (value != null) {
            sb.append("\"value\":").append(value).append(',');
        }
        sb.append("\"started\":\"").append(TIMESTAMP.format(start)).append("\",\"finished\":\"")
                .append(TIMESTAMP.format(end)).append("\",\"durationSeconds\":");
        double seconds = Duration.between(start, end).toNanos() / 1e9;
        sb.append(Math.round(seconds * 1e7) / 1e7);
        sb.append('}');
    }

    /** Appends one record with its 35 keys in upstream order. */
    public void row(Utf8Builder sb, LegacyRecord r) {
        if (!firstRow) {
            sb.append(',');
        }
        firstRow = false;
        sb.append("{\"pfCode\":");
        Json.string(sb, r.pfCode());
        sb.append(",\"yr\":").append(r.year()).append(",\"period\":").append(r.period()).append(",\"periodDesc\":");
        Json.string(sb, Periods.describe(r.period()));
        sb.append(",\"aggrLevel\":").append(r.aggrLevel()).append(",\"IsLeaf\":").append(r.leaf() ? 1 : 0)
                .append(",\"rgCode\":").append(r.flow()).append(",\"rgDesc\":");
        Json.string(sb, r.flowDesc());
        sb.append(",\"rtCode\":").append(r.reporter()).append(",\"rtTitle\":");
        Json.string(sb, r.reporterTitle());
        sb.append(",\"rt3ISO\":");
        Json.string(sb, r.reporterIso());
        sb.append(",\"ptCode\":").append(r.partner()).append(",\"ptTitle\":");
        Json.string(sb, r.partnerTitle());
        sb.append(",\"pt3ISO\":");
        Json.string(sb, r.partnerIso());
        sb.append(",\"ptCode2\":");
        Json.integer(sb, r.partner2());
        sb.append(",\"ptTitle2\":");
        Json.string(sb, r.partner2Title());
        sb.append(",\"pt3ISO2\":");
        Json.string(sb, r.partner2Iso());
        sb.append(",\"cstCode\":");
        Json.string(sb, r.customs());
        sb.append(",\"cstDesc\":\"\",\"motCode\":");
        Json.string(sb, r.mot());
        sb.append(",\"motDesc\":\"\",\"cmdCode\":");
        Json.string(sb, r.commodity());
        sb.append(",\"cmdDescE\":");
        Json.string(sb, r.commodityDesc());
        sb.append(",\"qtCode\":").append(r.qtCode()).append(",\"qtDesc\":");
        Json.string(sb, r.qtDesc());
        sb.append(",\"qtAltCode\":");
        Json.integer(sb, r.qtAltCode());
        sb.append(",\"qtAltDesc\":");
        Json.string(sb, r.qtAltDesc());
        sb.append(",\"TradeQuantity\":");
        Json.number(sb, r.tradeQuantity());
        sb.append(",\"AltQuantity\":");
        Json.number(sb, r.altQuantity());
        sb.append(",\"NetWeight\":");
        Json.number(sb, r.netWeight());
        sb.append(",\"GrossWeight\":");
        Json.number(sb, r.grossWeight());
        sb.append(",\"TradeValue\":");
        Numbers.append(sb, r.tradeValue());
        sb.append(",\"CIFValue\":");
        Json.number(sb, r.cifValue());
        sb.append(",\"FOBValue\":");
        Json.number(sb, r.fobValue());
        sb.append(",\"estCode\":").append(r.estCode()).append('}');
    }
}
