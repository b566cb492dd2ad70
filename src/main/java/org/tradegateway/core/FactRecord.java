package org.tradegateway.core;

/**
 * One fact as every dialect's encoder receives it: the codes and measures of a stored row plus the names the
 * reference data gives them (empty when it has none). Null measures are those the source did not report.
 *
 * @param classification the stored classification name (H4, S3, EB02...)
 * @param period         a year (2021) or a month (202103), see {@link Period}
 * @param level          the commodity code's aggregation level (0 for the total)
 * @param flow           the flow code, see {@link Flow}
 * @param fromFlows      whether the record belongs to a flow dataset (BACI-like), not to one of declared records
 * @param original       false when the record was converted from the classification its source gave it
 */
public record FactRecord(String classification, int period, int level, boolean leaf, int flow,
                         int reporter, String reporterName, String reporterIso,
                         int partner, String partnerName, String partnerIso,
                         Integer partner2, String partner2Name, String partner2Iso,
                         String customs, String mot, String commodity, String commodityDescription,
                         int quantityUnit, String quantityUnitText, Integer altQuantityUnit, String altQuantityUnitText,
                         Double quantity, Double altQuantity, Double netWeight, Double grossWeight, double tradeValue,
                         Double cifValue, Double fobValue, int estimation, boolean fromFlows, boolean original) {

    /**
     * Whether the record comes from directed flows (BACI-like data, reconciled from both sides' declarations)
     * rather than as a reporter declared it.
     */
    public boolean reconciled() {
        return fromFlows;
    }

    /** Whether the record was added up from finer ones at import: a flow dataset's aggregates and World rows. */
    public boolean aggregate() {
        return fromFlows && (level < 6 || partner == 0);
    }

    public int year() {
        return Period.year(period);
    }
}
