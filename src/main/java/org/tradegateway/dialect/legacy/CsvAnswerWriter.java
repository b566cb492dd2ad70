package org.tradegateway.dialect.legacy;

import java.util.ArrayList;
import java.util.List;
import org.tradegateway.core.FactRecord;
import org.tradegateway.output.Numbers;
import org.tradegateway.output.RowEncoder;
import org.tradegateway.output.Utf8Builder;

/**
 * The legacy CSV answer: a header (35 human-readable columns, 22 with {@code IMTS=orig}, or the JSON names with
 * {@code head=M}), CRLF line ends, RFC 4180 quoting, empty fields for nulls, and the upstream's one-cell row when
 * nothing matches or the query failed.
 */
public final class CsvAnswerWriter implements RowEncoder {
    public static final String NO_DATA = "No data matches your query or your query is too complex."
            + " Request JSON or XML format for more information.";
    /** Human-readable order: the quantity follows its unit (unlike the JSON order). */
    private static final List<Field> HUMAN_ORDER = humanOrder();
    private static final List<Field> NO_QUANTITY = List.of(Field.QT_CODE, Field.QT_DESC, Field.TRADE_QUANTITY,
            Field.NET_WEIGHT);
    /** The columns in their order (an array: read for every field of every row). */
    private final Field[] columns;
    private final Heading heading;
    private final boolean services;
    private final EncodedLabels labels = EncodedLabels.csv();

    public CsvAnswerWriter(Heading heading, boolean imtsOriginal) {
        this(heading, imtsOriginal, false);
    }

    private CsvAnswerWriter(Heading heading, boolean imtsOriginal, boolean services) {
        this.heading = heading;
        this.services = services;
        List<Field> order = heading == Heading.H ? HUMAN_ORDER : List.of(Field.values());
        List<Field> chosen = imtsOriginal ? order.stream().filter(Field::original).toList() : order;
        this.columns = (services ? chosen.stream().filter(f -> !NO_QUANTITY.contains(f)).toList() : chosen)
                .toArray(Field[]::new);
    }

    /**
     * The layout of the legacy bulk files: the 22 original columns for goods; for services 18 (no quantity or
     * weight), classification written "EB" and ISO columns left empty.
     */
    public static CsvAnswerWriter bulk(boolean services) {
        return new CsvAnswerWriter(Heading.H, true, services);
    }

    private static List<Field> humanOrder() {
        List<Field> order = new ArrayList<>(List.of(Field.values()));
        order.remove(Field.TRADE_QUANTITY);
        order.add(order.indexOf(Field.QT_DESC) + 1, Field.TRADE_QUANTITY);
        order.remove(Field.ALT_QUANTITY);
        order.add(order.indexOf(Field.QT_ALT_DESC) + 1, Field.ALT_QUANTITY);
        return List.copyOf(order);
    }

    /** The columns in their order. */
    List<Field> columns() {
        return List.of(columns);
    }

    /** The header's names. */
    List<String> headings() {
        return java.util.Arrays.stream(columns).map(f -> heading == Heading.H ? f.heading() : f.jsonName()).toList();
    }

    public String header() {
        Utf8Builder sb = new Utf8Builder(512);
        for (int i = 0; i < columns.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            Field f = columns[i];
            text(sb, heading == Heading.H ? f.heading() : f.jsonName());
        }
        return sb.append("\r\n").toString();
    }

    /** Header plus the no-data row: the whole answer when nothing matches or validation failed. */
    public String noData() {
        return header() + NO_DATA + "\r\n";
    }

    @Override
    public byte[] head(Timing timing) {
        return header().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public int rowBytes() {
        return 300;
    }

    @Override
    public byte[] tail() {
        return new byte[0];
    }

    @Override
    public byte[] empty(Timing timing) {
        return noData().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void row(Utf8Builder sb, FactRecord r) {
        Field[] fields = columns;
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            value(sb, fields[i], r);
        }
        sb.append('\r').append('\n');
    }


    private void value(Utf8Builder sb, Field f, FactRecord r) {
        if (services && (f == Field.RT_ISO || f == Field.PT_ISO)) {
            return;
        }
        switch (f) {
            case PF_CODE -> text(sb, services ? "EB" : r.classification());
            case YR -> sb.append(r.year());
            case PERIOD -> sb.append(r.period());
            case PERIOD_DESC -> labels.period(sb, r.period());
            case AGGR_LEVEL -> sb.append(r.level());
            case IS_LEAF -> sb.append(r.leaf() ? 1 : 0);
            case RG_CODE -> sb.append(r.flow());
            case RG_DESC -> labels.append(sb, FlowNames.of(r.flow()));
            case RT_CODE -> sb.append(r.reporter());
            case RT_TITLE -> labels.append(sb, r.reporterName());
            case RT_ISO -> labels.append(sb, r.reporterIso());
            case PT_CODE -> sb.append(r.partner());
            case PT_TITLE -> labels.append(sb, r.partnerName());
            case PT_ISO -> labels.append(sb, r.partnerIso());
            case PT_CODE2 -> integer(sb, r.partner2());
            case PT_TITLE2 -> labels.append(sb, r.partner2Name());
            case PT_ISO2 -> labels.append(sb, r.partner2Iso());
            case CST_CODE -> text(sb, r.customs());
            case CST_DESC, MOT_DESC -> { }
            case MOT_CODE -> text(sb, r.mot());
            case CMD_CODE -> text(sb, r.commodity());
            case CMD_DESC -> labels.append(sb, r.commodityDescription());
            case QT_CODE -> sb.append(r.quantityUnit());
            case QT_DESC -> labels.append(sb, r.quantityUnitText());
            case QT_ALT_CODE -> integer(sb, r.altQuantityUnit());
            case QT_ALT_DESC -> labels.append(sb, r.altQuantityUnitText());
            case TRADE_QUANTITY -> number(sb, r.quantity());
            case ALT_QUANTITY -> number(sb, r.altQuantity());
            case NET_WEIGHT -> number(sb, r.netWeight());
            case GROSS_WEIGHT -> number(sb, r.grossWeight());
            case TRADE_VALUE -> Numbers.append(sb, r.tradeValue());
            case CIF_VALUE -> number(sb, r.cifValue());
            case FOB_VALUE -> number(sb, r.fobValue());
            case EST_CODE -> sb.append(r.estimation());
            default -> throw new IllegalStateException(f.name());
        }
    }

    private static void integer(Utf8Builder sb, Integer v) {
        if (v != null) {
            sb.append(v.intValue());
        }
    }

    private static void number(Utf8Builder sb, Double v) {
        if (v != null) {
            Numbers.append(sb, v);
        }
    }

    /** RFC 4180: quoted only when it holds a comma, a quote or a line break; quotes doubled. */
    static void text(Utf8Builder sb, String s) {
        if (s == null || s.isEmpty()) {
            return;
        }
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
