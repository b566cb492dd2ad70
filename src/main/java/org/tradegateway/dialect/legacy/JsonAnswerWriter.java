package org.tradegateway.dialect.legacy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.tradegateway.core.FactRecord;
import org.tradegateway.output.Json;
import org.tradegateway.output.Numbers;
import org.tradegateway.output.RowEncoder;
import org.tradegateway.output.Utf8Builder;

/**
 * The legacy JSON answer, written in pieces so that rows can stream: {@link #head} (the validation block and the
 * opening of {@code dataset}), {@link #row} per record, {@link #tail}. Keys and their order are the upstream's.
 */
public final class JsonAnswerWriter implements RowEncoder {
    /** .NET's round-trip format: 7 fractional digits and the offset. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSXXX");
    private static final String EMPTY_COUNT = "{\"value\":0,\"started\":\"0001-01-01T00:00:00\","
            + "\"finished\":\"0001-01-01T00:00:00\",\"durationSeconds\":0}";
    // the keys of a row with what surrounds them, written as bytes
    private static final byte[] PF_CODE = ascii("{\"pfCode\":");
    private static final byte[] NEXT_PF_CODE = ascii(",{\"pfCode\":");
    private static final byte[] YR = ascii(",\"yr\":");
    private static final byte[] PERIOD = ascii(",\"period\":");
    private static final byte[] PERIOD_DESC = ascii(",\"periodDesc\":");
    private static final byte[] AGGR_LEVEL = ascii(",\"aggrLevel\":");
    private static final byte[] IS_LEAF_0 = ascii(",\"IsLeaf\":0,\"rgCode\":");
    private static final byte[] IS_LEAF_1 = ascii(",\"IsLeaf\":1,\"rgCode\":");
    private static final byte[] RG_DESC = ascii(",\"rgDesc\":");
    private static final byte[] RT_CODE = ascii(",\"rtCode\":");
    private static final byte[] RT_TITLE = ascii(",\"rtTitle\":");
    private static final byte[] RT_ISO = ascii(",\"rt3ISO\":");
    private static final byte[] PT_CODE = ascii(",\"ptCode\":");
    private static final byte[] PT_TITLE = ascii(",\"ptTitle\":");
    private static final byte[] PT_ISO = ascii(",\"pt3ISO\":");
    private static final byte[] PT_CODE2 = ascii(",\"ptCode2\":");
    private static final byte[] PT_TITLE2 = ascii(",\"ptTitle2\":");
    private static final byte[] PT_ISO2 = ascii(",\"pt3ISO2\":");
    private static final byte[] CST_CODE = ascii(",\"cstCode\":");
    private static final byte[] MOT_CODE = ascii(",\"cstDesc\":\"\",\"motCode\":");
    private static final byte[] CMD_CODE = ascii(",\"motDesc\":\"\",\"cmdCode\":");
    private static final byte[] CMD_DESC = ascii(",\"cmdDescE\":");
    private static final byte[] QT_CODE = ascii(",\"qtCode\":");
    private static final byte[] QT_DESC = ascii(",\"qtDesc\":");
    private static final byte[] QT_ALT_CODE = ascii(",\"qtAltCode\":");
    private static final byte[] QT_ALT_DESC = ascii(",\"qtAltDesc\":");
    private static final byte[] TRADE_QUANTITY = ascii(",\"TradeQuantity\":");
    private static final byte[] ALT_QUANTITY = ascii(",\"AltQuantity\":");
    private static final byte[] NET_WEIGHT = ascii(",\"NetWeight\":");
    private static final byte[] GROSS_WEIGHT = ascii(",\"GrossWeight\":");
    private static final byte[] TRADE_VALUE = ascii(",\"TradeValue\":");
    private static final byte[] CIF_VALUE = ascii(",\"CIFValue\":");
    private static final byte[] FOB_VALUE = ascii(",\"FOBValue\":");
    private static final byte[] EST_CODE = ascii(",\"estCode\":");
    private final EncodedLabels labels = EncodedLabels.json();
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
    public byte[] head(long total, OffsetDateTime countStart, OffsetDateTime countEnd, OffsetDateTime requestStart) {
        return head(new Timing(total, requestStart, countStart, countEnd));
    }

    @Override
    public byte[] head(Timing timing) {
        long total = timing.total();
        OffsetDateTime countStart = timing.countStart();
        OffsetDateTime countEnd = timing.countEnd();
        OffsetDateTime requestStart = timing.requestStart();
        Utf8Builder sb = new Utf8Builder(600);
        sb.append("{\"validation\":{\"status\":");
        status(sb, ValidationStatus.OK);
        sb.append(",\"message\":null,\"count\":");
        timer(sb, total, countStart, countEnd);
        sb.append(",\"datasetTimer\":");
        timer(sb, null, requestStart, countEnd);
        sb.append("},\"dataset\":[");
        return sb.toBytes();
    }

    /** The closing of the dataset array and of the answer. */
    @Override
    public int rowBytes() {
        return 700;
    }

    @Override
    public byte[] tail() {
        return new byte[] {']', '}'};
    }

    /** An empty dataset with a zero count. */
    @Override
    public byte[] empty(Timing timing) {
        byte[] head = head(timing);
        byte[] whole = java.util.Arrays.copyOf(head, head.length + 2);
        whole[head.length] = ']';
        whole[head.length + 1] = '}';
        return whole;
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
        sb.append("\"started\":\"");
        Timestamps.append(sb, start);
        sb.append("\",\"finished\":\"");
        Timestamps.append(sb, end);
        sb.append("\",\"durationSeconds\":");
        double seconds = RowEncoder.Timing.nanos(start, end) / 1e9;
        sb.append(Math.round(seconds * 1e7) / 1e7);
        sb.append('}');
    }

    /** Appends one record with its 35 keys in upstream order. */
    @Override
    public void row(Utf8Builder sb, FactRecord r) {
        sb.append(firstRow ? PF_CODE : NEXT_PF_CODE);
        firstRow = false;
        Json.string(sb, r.classification());
        sb.append(YR).append(r.year()).append(PERIOD).append(r.period()).append(PERIOD_DESC);
        labels.period(sb, r.period());
        sb.append(AGGR_LEVEL).append(r.level()).append(r.leaf() ? IS_LEAF_1 : IS_LEAF_0)
                .append(r.flow()).append(RG_DESC);
        labels.append(sb, FlowNames.of(r.flow()));
        sb.append(RT_CODE).append(r.reporter()).append(RT_TITLE);
        labels.append(sb, r.reporterName());
        sb.append(RT_ISO);
        labels.append(sb, r.reporterIso());
        sb.append(PT_CODE).append(r.partner()).append(PT_TITLE);
        labels.append(sb, r.partnerName());
        sb.append(PT_ISO);
        labels.append(sb, r.partnerIso());
        sb.append(PT_CODE2);
        Json.integer(sb, r.partner2());
        sb.append(PT_TITLE2);
        labels.append(sb, r.partner2Name());
        sb.append(PT_ISO2);
        labels.append(sb, r.partner2Iso());
        sb.append(CST_CODE);
        Json.string(sb, r.customs());
        sb.append(MOT_CODE);
        Json.string(sb, r.mot());
        sb.append(CMD_CODE);
        Json.string(sb, r.commodity());
        sb.append(CMD_DESC);
        labels.append(sb, r.commodityDescription());
        sb.append(QT_CODE).append(r.quantityUnit()).append(QT_DESC);
        labels.append(sb, r.quantityUnitText());
        sb.append(QT_ALT_CODE);
        Json.integer(sb, r.altQuantityUnit());
        sb.append(QT_ALT_DESC);
        labels.append(sb, r.altQuantityUnitText());
        sb.append(TRADE_QUANTITY);
        Json.number(sb, r.quantity());
        sb.append(ALT_QUANTITY);
        Json.number(sb, r.altQuantity());
        sb.append(NET_WEIGHT);
        Json.number(sb, r.netWeight());
        sb.append(GROSS_WEIGHT);
        Json.number(sb, r.grossWeight());
        sb.append(TRADE_VALUE);
        Numbers.append(sb, r.tradeValue());
        sb.append(CIF_VALUE);
        Json.number(sb, r.cifValue());
        sb.append(FOB_VALUE);
        Json.number(sb, r.fobValue());
        sb.append(EST_CODE).append(r.estimation()).append('}');
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
