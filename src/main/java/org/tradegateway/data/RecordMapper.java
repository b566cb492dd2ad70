package org.tradegateway.data;

import io.vertx.mutiny.sqlclient.Row;
import java.util.Map;
import org.tradegateway.output.LegacyRecord;
import org.tradegateway.refs.Area;
import org.tradegateway.refs.Classification;
import org.tradegateway.refs.Commodity;
import org.tradegateway.refs.ReferenceData;

/** Turns a fact row (codes and measures) into a {@link LegacyRecord} with titles from the reference lists. */
public final class RecordMapper {
    private static final String[] FLOWS = {"", "Import", "Export", "Re-Export", "Re-Import"};
    private final ReferenceData refs;
    private final Map<Integer, Area> areas;
    private final Labels labels;
    /** Classifications by stored name, resolved once per answer rather than once per row. */
    private final Map<String, Classification> classifications = new java.util.HashMap<>();

    public RecordMapper(ReferenceData refs, Labels labels) {
        this.refs = refs;
        this.labels = labels;
        this.areas = labels.areas();
    }

    public LegacyRecord map(Row r) {
        String px = r.getString(0);
        int reporter = r.getShort(5);
        int partner = r.getShort(6);
        Short partner2 = r.getShort(7);
        String commodity = r.getString(10);
        int qtCode = r.getShort(11);
        Short qtAlt = r.getShort(12);
        int flow = r.getShort(4);
        Area rt = areas.get(reporter);
        Area pt = areas.get(partner);
        Area pt2 = partner2 == null ? null : areas.get((int) partner2);
        String description = labels.commodity(px, commodity);
        if (description == null) {
            Classification cls = classifications.computeIfAbsent(px, k -> Classification.parse(k).orElse(null));
            Commodity cmd = cls == null ? null : refs.commodity(cls, commodity).orElse(null);
            description = cmd == null ? "" : cmd.description();
        }
        return new LegacyRecord(px, r.getInteger(1), r.getShort(2), r.getBoolean(3), flow,
                flow >= 1 && flow <= 4 ? FLOWS[flow] : "", reporter, title(rt), iso(rt), partner, title(pt), iso(pt),
                partner2 == null ? null : (int) partner2, partner2 == null ? "" : title(pt2),
                partner2 == null ? "" : iso(pt2), r.getString(8), r.getString(9), commodity,
                description, qtCode, refs.quantityUnit(qtCode).orElse(""),
                qtAlt == null ? null : (int) qtAlt, qtAlt == null ? "" : refs.quantityUnit(qtAlt).orElse(""),
                r.getDouble(13), r.getDouble(14), r.getDouble(15), r.getDouble(16), r.getDouble(17),
                r.getDouble(18), r.getDouble(19), r.getShort(20));
    }

    private static String title(Area area) {
        return area == null ? "" : area.name();
    }

    private static String iso(Area area) {
        return area == null ? "" : area.iso3();
    }
}
