package org.tradegateway.ingest;

import java.util.function.Function;
import org.tradegateway.core.Period;
import org.tradegateway.refs.Classification;
import org.tradegateway.refs.Commodity;
import org.tradegateway.refs.ReferenceData;

/** Turns one legacy record (from a saved JSON answer, a CSV answer or a bulk file) into a {@link FactRow}. */
final class LegacyRecordMapper {
    private final Classification override;
    private final ReferenceData refs = ReferenceData.get();

    LegacyRecordMapper(Classification override) {
        this.override = override;
    }

    /** Fills {@code row} from the field values that {@code value} returns (null for absent fields). */
    void map(Function<LegacyField, String> value, FactRow row, StageWriter writer) {
        row.clear();
        Classification px = classification(value.apply(LegacyField.PF_CODE));
        row.px = px.name();
        row.type = px.type();
        Integer period = Numbers.integerOrNull(value.apply(LegacyField.PERIOD), "period");
        row.period = period != null ? period : Numbers.integer(value.apply(LegacyField.YEAR), "year");
        row.freq = Period.frequency(row.period).code();
        row.flow = Numbers.integer(value.apply(LegacyField.RG_CODE), "trade flow code");
        row.reporter = Numbers.integer(value.apply(LegacyField.RT_CODE), "reporter code");
        row.partner = Numbers.integer(value.apply(LegacyField.PT_CODE), "partner code");
        row.partner2 = Numbers.integerOrNull(value.apply(LegacyField.PT_CODE2), "2nd partner code");
        row.customs = text(value.apply(LegacyField.CST_CODE));
        row.mot = text(value.apply(LegacyField.MOT_CODE));
        row.commodity = text(value.apply(LegacyField.CMD_CODE));
        if (row.commodity.isEmpty()) {
            throw new MalformedInputException("commodity code is empty");
        }
        Commodity known = refs.commodity(px, row.commodity).orElse(null);
        Integer level = Numbers.integerOrNull(value.apply(LegacyField.AGGR_LEVEL), "aggregate level");
        row.aggrLevel = level != null ? level : known != null ? known.aggrLevel()
                : row.commodity.equals("TOTAL") ? 0 : row.commodity.length();
        Integer leaf = Numbers.integerOrNull(value.apply(LegacyField.IS_LEAF), "is leaf code");
        row.leaf = leaf != null ? leaf == 1 : known != null && known.leaf();
        Integer qt = Numbers.integerOrNull(value.apply(LegacyField.QT_CODE), "quantity unit code");
        row.qtCode = qt == null || qt < 1 ? 1 : qt;
        row.qtAltCode = Numbers.integerOrNull(value.apply(LegacyField.QT_ALT_CODE), "alternative quantity unit code");
        row.tradeQuantity = Numbers.decimalOrNull(value.apply(LegacyField.TRADE_QUANTITY), "quantity");
        row.altQuantity = Numbers.decimalOrNull(value.apply(LegacyField.ALT_QUANTITY), "alternative quantity");
        row.netWeight = Numbers.decimalOrNull(value.apply(LegacyField.NET_WEIGHT), "net weight");
        row.grossWeight = Numbers.decimalOrNull(value.apply(LegacyField.GROSS_WEIGHT), "gross weight");
        row.tradeValue = Numbers.decimal(value.apply(LegacyField.TRADE_VALUE), "trade value");
        row.cifValue = Numbers.decimalOrNull(value.apply(LegacyField.CIF_VALUE), "CIF value");
        row.fobValue = Numbers.decimalOrNull(value.apply(LegacyField.FOB_VALUE), "FOB value");
        Integer est = Numbers.integerOrNull(value.apply(LegacyField.EST_CODE), "flag");
        row.estCode = est == null ? 0 : est;
        writer.areaName(row.reporter, value.apply(LegacyField.RT_TITLE), value.apply(LegacyField.RT_ISO));
        writer.areaName(row.partner, value.apply(LegacyField.PT_TITLE), value.apply(LegacyField.PT_ISO));
        writer.commodityLabel(row.px, row.commodity, value.apply(LegacyField.CMD_DESC));
    }

    private Classification classification(String pfCode) {
        String code = pfCode == null ? "" : pfCode.trim();
        if (code.equalsIgnoreCase("EB")) {
            return Classification.EB02;
        }
        Classification parsed = Classification.parse(code).orElse(null);
        if (parsed != null && parsed.isStoredRevision()) {
            return parsed;
        }
        if (override != null) {
            return override;
        }
        throw new MalformedInputException(code.isEmpty() ? "the classification (pfCode) is missing"
                : "classification '" + MalformedInputException.quote(code) + "' names no revision; pass --classification (H0..H6, S1..S4, BEC, EB02)");
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }
}
