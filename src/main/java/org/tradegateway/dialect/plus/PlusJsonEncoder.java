package org.tradegateway.dialect.plus;

import java.nio.charset.StandardCharsets;
import org.tradegateway.core.FactRecord;
import org.tradegateway.core.Period;
import org.tradegateway.output.EncodedTexts;
import org.tradegateway.output.Json;
import org.tradegateway.output.RowEncoder;
import org.tradegateway.output.Utf8Builder;

/**
 * The Comtrade+ v1 envelope {@code {"elapsedTime","count","data","error"}} with the 47-field records, written in
 * pieces so that a large answer streams. {@code count} is every record that matched, also when {@code maxRecords}
 * cut the answer.
 */
final class PlusJsonEncoder implements RowEncoder {
    private static final byte[][] KEYS = keys();
    private static final byte[] NULL = ascii("null");
    /** Runs of fields whose values never change, written with their keys as one piece. */
    private static final byte[] MOS_AND_MOT = join(26, "\"0\"", 27);
    private static final byte[] QTY_ESTIMATED_AND_ALT_UNIT = join(32, "false", 33);
    private static final byte[] ALT_ESTIMATED_AND_NET = join(36, "false", 37);
    private static final byte[] NET_ESTIMATED_AND_GROSS = join(38, "false", 39);
    private static final byte[] GROSS_ESTIMATED_AND_CIF = join(40, "false", 41);
    private static final byte[] DECLARED = ascii(",\"isReported\":true,\"isAggregate\":false}");
    private static final byte[] RECONCILED = ascii(",\"isReported\":false,\"isAggregate\":false}");
    private static final byte[] RECONCILED_SUM = ascii(",\"isReported\":false,\"isAggregate\":true}");
    private final PlusEncoding encoding;
    private final PlusNames names = PlusNames.SHIPPED;
    private final EncodedTexts texts = EncodedTexts.json();
    /** {"typeCode":..,"freqCode":..,"refPeriodId": for the first record and (after a comma) the others. */
    private final byte[] typeAndFrequency;
    private final byte[] nextTypeAndFrequency;
    /** ,"classificationSearchCode":..,"isOriginalClassification": */
    private final byte[] searchAndOriginal;
    private static final byte[] ORIGINAL = ascii("true");
    private static final byte[] CONVERTED = ascii("false");
    private boolean first = true;

    PlusJsonEncoder(PlusEncoding encoding) {
        this.encoding = encoding;
        Utf8Builder head = new Utf8Builder(64);
        head.append(KEYS[0]);
        Json.string(head, String.valueOf(encoding.typeCode()));
        head.append(KEYS[1]);
        Json.string(head, String.valueOf(encoding.freqCode()));
        head.append(KEYS[2]);
        this.typeAndFrequency = head.toBytes();
        byte[] next = new byte[typeAndFrequency.length + 1];
        next[0] = ',';
        System.arraycopy(typeAndFrequency, 0, next, 1, typeAndFrequency.length);
        this.nextTypeAndFrequency = next;
        Utf8Builder search = new Utf8Builder(96);
        search.append(KEYS[18]);
        Json.string(search, encoding.searchCode());
        search.append(KEYS[19]);
        this.searchAndOriginal = search.toBytes();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The key of field {@code a} with a constant value, then the key of field {@code b}. */
    private static byte[] join(int a, String value, int b) {
        byte[] key = KEYS[a];
        byte[] v = ascii(value);
        byte[] next = KEYS[b];
        byte[] all = new byte[key.length + v.length + next.length];
        System.arraycopy(key, 0, all, 0, key.length);
        System.arraycopy(v, 0, all, key.length, v.length);
        System.arraycopy(next, 0, all, key.length + v.length, next.length);
        return all;
    }

    private static byte[][] keys() {
        byte[][] keys = new byte[PlusFields.NAMES.size()][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ((i == 0 ? "{\"" : ",\"") + PlusFields.NAMES.get(i) + "\":").getBytes(StandardCharsets.UTF_8);
        }
        return keys;
    }

    @Override
    public byte[] head(Timing timing) {
        Utf8Builder sb = new Utf8Builder(96);
        sb.append("{\"elapsedTime\":\"").append(elapsed(timing)).append("\",\"count\":").append(timing.total())
                .append(",\"data\":[");
        return sb.toBytes();
    }

    @Override
    public void row(Utf8Builder sb, FactRecord r) {
        if (encoding.countOnly()) {
            return;
        }
        // field by field in upstream order, without boxing; names and descriptions encoded once (EncodedTexts)
        boolean d = encoding.includeDesc();
        int period = r.period();
        boolean monthly = Period.isMonth(period);
        int year = Period.year(period);
        int month = monthly ? Period.month(period) : 52;
        sb.append(first ? typeAndFrequency : nextTypeAndFrequency);
        first = false;
        sb.append(year * 10000 + (monthly ? month : 1) * 100 + 1);
        sb.append(KEYS[3]).append(year).append(KEYS[4]).append(month).append(KEYS[5]).append('"').append(period)
                .append('"');
        sb.append(KEYS[6]).append(r.reporter());
        sb.append(KEYS[7]);
        text(sb, d ? r.reporterIso() : null);
        sb.append(KEYS[8]);
        text(sb, d ? r.reporterName() : null);
        sb.append(KEYS[9]);
        text(sb, PlusNames.flowCode(r.flow()));
        sb.append(KEYS[10]);
        text(sb, d ? PlusNames.flowName(r.flow()) : null);
        sb.append(KEYS[11]).append(r.partner());
        sb.append(KEYS[12]);
        text(sb, d ? (r.partner() == 0 ? PlusFields.WORLD_ISO : r.partnerIso()) : null);
        sb.append(KEYS[13]);
        text(sb, d ? r.partnerName() : null);
        int partner2 = r.partner2() == null ? 0 : r.partner2();
        sb.append(KEYS[14]).append(partner2);
        sb.append(KEYS[15]);
        text(sb, d ? (partner2 == 0 ? PlusFields.WORLD_ISO : r.partner2Iso()) : null);
        sb.append(KEYS[16]);
        text(sb, d ? (partner2 == 0 ? PlusFields.WORLD : r.partner2Name()) : null);
        sb.append(KEYS[17]);
        text(sb, PlusNames.classificationCode(r.classification()));
        sb.append(searchAndOriginal).append(r.original() ? ORIGINAL : CONVERTED).append(KEYS[20]);
        Json.string(sb, r.commodity());   // a new string each row, short: not kept
        sb.append(KEYS[21]);
        text(sb, d ? (r.commodity().equals("TOTAL") ? PlusFields.ALL_COMMODITIES : r.commodityDescription())
                : null);
        sb.append(KEYS[22]).append(r.level()).append(KEYS[23]).append(r.leaf() ? "true" : "false");
        sb.append(KEYS[24]);
        text(sb, PlusNames.customsCode(r.customs()));
        sb.append(KEYS[25]);
        text(sb, d ? names.customsName(r.customs()) : null);
        sb.append(MOS_AND_MOT).append(PlusNames.motCode(r.mot()));
        sb.append(KEYS[28]);
        text(sb, d ? names.motName(r.mot()) : null);
        int unit = PlusNames.unitCode(r.quantityUnit());
        sb.append(KEYS[29]).append(unit).append(KEYS[30]);
        text(sb, names.unitAbbreviation(unit));
        sb.append(KEYS[31]);
        number(sb, r.quantity());
        int altUnit = PlusNames.unitCode(r.altQuantityUnit());
        sb.append(QTY_ESTIMATED_AND_ALT_UNIT).append(altUnit).append(KEYS[34]);
        text(sb, names.unitAbbreviation(altUnit));
        sb.append(KEYS[35]);
        number(sb, r.altQuantity());
        sb.append(ALT_ESTIMATED_AND_NET);
        number(sb, r.netWeight());
        sb.append(NET_ESTIMATED_AND_GROSS);
        number(sb, r.grossWeight());
        sb.append(GROSS_ESTIMATED_AND_CIF);
        number(sb, r.cifValue());
        sb.append(KEYS[42]);
        number(sb, r.fobValue());
        sb.append(KEYS[43]);
        number(sb, r.tradeValue());
        sb.append(KEYS[44]).append(r.estimation())
                .append(!r.reconciled() ? DECLARED : r.aggregate() ? RECONCILED_SUM : RECONCILED);
    }

    /** A text, null as JSON null; encoded once for the answer or the process ({@link EncodedTexts}). */
    private void text(Utf8Builder sb, String s) {
        if (s == null) {
            sb.append(NULL);
        } else {
            texts.append(sb, s);
        }
    }

    static void number(Utf8Builder sb, Double d) {
        if (d == null) {
            sb.append(NULL);
        } else {
            number(sb, d.doubleValue());
        }
    }

    @Override
    public int rowBytes() {
        return encoding.includeDesc() ? 1100 : 950;
    }

    @Override
    public byte[] tail() {
        return "],\"error\":\"\"}".getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] empty(Timing timing) {
        return envelope(elapsed(timing), "");
    }

    /** The whole answer of a refused query: upstream's HTTP 200 with no data, here with the reason in error. */
    static byte[] envelope(String elapsed, String error) {
        Utf8Builder sb = new Utf8Builder(128);
        sb.append("{\"elapsedTime\":\"").append(elapsed).append("\",\"count\":0,\"data\":[],\"error\":");
        Json.string(sb, error);
        return sb.append('}').toBytes();
    }

    /** Upstream's {@code elapsedTime}: seconds with two decimals, rounded half up ("0.01 secs"). */
    static String elapsed(Timing timing) {
        return elapsed(Timing.nanos(timing.requestStart(), timing.countEnd()));
    }

    /** Integer arithmetic: a formatter here cost a tenth of a kept one-record answer's time. */
    static String elapsed(long nanos) {
        long hundredths = (Math.max(0, nanos) + 5_000_000) / 10_000_000;
        long cents = hundredths % 100;
        return (hundredths / 100) + (cents < 10 ? ".0" : ".") + cents + " secs";
    }

    /** A measure as Comtrade+ writes it: whole values with ".0" (6804128143.0), others in shortest form. */
    static void number(Utf8Builder sb, double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            sb.append((long) d).append(".0");
        } else {
            sb.append(d);
        }
    }
}
