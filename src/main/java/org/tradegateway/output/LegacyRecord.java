package org.tradegateway.output;

/**
 * One answer row as the encoders need it: codes and measures from the fact table plus the titles resolved from
 * the reference lists. Null measures are written as JSON null / empty CSV fields.
 */
public record LegacyRecord(String pfCode, int period, int aggrLevel, boolean leaf, int flow, String flowDesc,
                           int reporter, String reporterTitle, String reporterIso, int partner, String partnerTitle,
                           String partnerIso, Integer partner2, String partner2Title, String partner2Iso,
                           String customs, String mot, String commodity, String commodityDesc, int qtCode,
                           String qtDesc, Integer qtAltCode, String qtAltDesc, Double tradeQuantity,
                           Double altQuantity, Double netWeight, Double grossWeight, double tradeValue,
                           Double cifValue, Double fobValue, int estCode) {

    public int year() {
        return period > 9999 ? period / 100 : period;
    }
}
