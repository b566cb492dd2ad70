package org.tradegateway.data;

import io.vertx.sqlclient.Row;
import org.tradegateway.core.FactRecord;
import org.tradegateway.refs.Area;
import org.tradegateway.refs.Classification;
import org.tradegateway.refs.CommodityList;
import org.tradegateway.refs.ReferenceData;

/**
 * Turns a fact row (codes and measures) into a {@link FactRecord} with names from the reference lists. One
 * mapper serves one answer. Every record of a code gets the same description string, from the loaded wording or
 * the shipped list, which keeps one per code: the encoders keep its encoded bytes by it.
 */
public final class RecordMapper {
    private final ReferenceData refs;
    private final Labels labels;
    /** The shipped list of the classification of the last row, most often that of every row. */
    private String lastPx;
    private CommodityList lastList;

    public RecordMapper(ReferenceData refs, Labels labels) {
        this.refs = refs;
        this.labels = labels;
    }

    public FactRecord map(Row r) {
        String px = r.getString(0);
        int reporter = r.getShort(5);
        int partner = r.getShort(6);
        Short partner2 = r.getShort(7);
        String commodity = r.getString(10);
        int qtCode = r.getShort(11);
        Short qtAlt = r.getShort(12);
        int flow = r.getShort(4);
        Area rt = labels.area(reporter);
        Area pt = labels.area(partner);
        Area pt2 = partner2 == null ? null : labels.area(partner2);
        return new FactRecord(px, r.getInteger(1), r.getShort(2), r.getBoolean(3), flow, reporter, title(rt), iso(rt),
                partner, title(pt), iso(pt),
                partner2 == null ? null : (int) partner2, partner2 == null ? "" : title(pt2),
                partner2 == null ? "" : iso(pt2), r.getString(8), r.getString(9), commodity,
                description(px, commodity), qtCode, refs.quantityUnitText(qtCode),
                qtAlt == null ? null : (int) qtAlt, qtAlt == null ? "" : refs.quantityUnitText(qtAlt),
                r.getDouble(13), r.getDouble(14), r.getDouble(15), r.getDouble(16), r.getDouble(17),
                r.getDouble(18), r.getDouble(19), r.getShort(20), (r.getShort(21) & 1) != 0,
                (r.getShort(21) & 2) == 0);
    }

    /** The legacy wording loaded with the data if there is one, else the shipped list's, else empty. */
    private String description(String px, String code) {
        String description = labels.commodity(px, code);
        if (description != null) {
            return description;
        }
        if (!px.equals(lastPx)) {
            lastList = Classification.parse(px).map(refs::tree).orElse(null);
            lastPx = px;
        }
        int i = lastList == null ? -1 : lastList.indexOf(code);
        return i < 0 ? "" : lastList.description(i);
    }

    private static String title(Area area) {
        return area == null ? "" : area.name();
    }

    private static String iso(Area area) {
        return area == null ? "" : area.iso3();
    }
}
