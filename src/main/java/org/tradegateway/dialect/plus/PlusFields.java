package org.tradegateway.dialect.plus;

import java.util.List;
import org.tradegateway.core.FactRecord;
import org.tradegateway.core.Period;

/**
 * The 47 fields of a Comtrade+ v1 data record, in upstream order, and their values for one stored fact: the one
 * place that maps the store onto Comtrade+ for CSV; the JSON encoder writes the same values field by field without
 * this array (it is on the path of large answers), and a test holds the two to the same values. Strings, numbers,
 * booleans and nulls as JSON types: {@link Integer}/{@link Long} integers, {@link Double} measures.
 */
final class PlusFields {
    static final List<String> NAMES = List.of("typeCode", "freqCode", "refPeriodId", "refYear", "refMonth", "period",
            "reporterCode", "reporterISO", "reporterDesc", "flowCode", "flowDesc", "partnerCode", "partnerISO",
            "partnerDesc", "partner2Code", "partner2ISO", "partner2Desc", "classificationCode",
            "classificationSearchCode", "isOriginalClassification", "cmdCode", "cmdDesc", "aggrLevel", "isLeaf",
            "customsCode", "customsDesc", "mosCode", "motCode", "motDesc", "qtyUnitCode", "qtyUnitAbbr", "qty",
            "isQtyEstimated", "altQtyUnitCode", "altQtyUnitAbbr", "altQty", "isAltQtyEstimated", "netWgt",
            "isNetWgtEstimated", "grossWgt", "isGrossWgtEstimated", "cifvalue", "fobvalue", "primaryValue",
            "legacyEstimationFlag", "isReported", "isAggregate");
    /** Comtrade+'s ISO code and name of the World as a partner. */
    static final String WORLD_ISO = "W00";
    static final String WORLD = "World";
    /** Comtrade+'s name of the total of a goods classification. */
    static final String ALL_COMMODITIES = "All Commodities";

    private PlusFields() {
    }

    /** The values of one record, in the order of {@link #NAMES}. */
    static Object[] values(PlusEncoding e, PlusNames names, FactRecord r) {
        boolean d = e.includeDesc();
        int period = r.period();
        boolean monthly = Period.isMonth(period);
        int year = Period.year(period);
        int month = monthly ? Period.month(period) : 52;
        int refPeriodId = year * 10000 + (monthly ? month : 1) * 100 + 1;
        int partner2 = r.partner2() == null ? 0 : r.partner2();
        int unit = PlusNames.unitCode(r.quantityUnit());
        int altUnit = PlusNames.unitCode(r.altQuantityUnit());
        String commodityName = r.commodity().equals("TOTAL") ? ALL_COMMODITIES : r.commodityDescription();
        return new Object[] {
            String.valueOf(e.typeCode()), String.valueOf(e.freqCode()), refPeriodId, year, month,
            Integer.toString(period),
            r.reporter(), d ? r.reporterIso() : null, d ? r.reporterName() : null,
            PlusNames.flowCode(r.flow()), d ? PlusNames.flowName(r.flow()) : null,
            r.partner(), d ? iso(r.partner(), r.partnerIso()) : null, d ? r.partnerName() : null,
            partner2, d ? iso(partner2, r.partner2Iso()) : null, d ? (partner2 == 0 ? WORLD : r.partner2Name()) : null,
            PlusNames.classificationCode(r.classification()), e.searchCode(), r.original(),
            r.commodity(), d ? commodityName : null, r.level(), r.leaf(),
            PlusNames.customsCode(r.customs()), d ? names.customsName(r.customs()) : null,
            "0", PlusNames.motCode(r.mot()), d ? names.motName(r.mot()) : null,
            unit, names.unitAbbreviation(unit), r.quantity(), Boolean.FALSE,
            altUnit, names.unitAbbreviation(altUnit), r.altQuantity(), Boolean.FALSE,
            r.netWeight(), Boolean.FALSE, r.grossWeight(), Boolean.FALSE,
            r.cifValue(), r.fobValue(), r.tradeValue(), r.estimation(), !r.reconciled(), r.aggregate()
        };
    }

    private static String iso(int code, String iso) {
        return code == 0 ? WORLD_ISO : iso;
    }
}
