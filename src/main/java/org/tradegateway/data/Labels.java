package org.tradegateway.data;

import java.util.Map;
import org.tradegateway.refs.Area;

/** Area titles and legacy commodity wording as the database holds them, for one version of the loaded data. */
public final class Labels {
    /** Area codes are three digits. */
    private static final int AREA_CODES = 1000;
    private final String version;
    private final Area[] areas = new Area[AREA_CODES];
    private final Map<Integer, Area> byCode;
    private final Map<String, Map<String, String>> commodities;

    public Labels(String version, Map<Integer, Area> areas, Map<String, Map<String, String>> commodities) {
        this.version = version;
        this.commodities = commodities;
        this.byCode = areas;
        areas.forEach((code, area) -> {
            if (code >= 0 && code < AREA_CODES) {
                this.areas[code] = area;
            }
        });
    }

    public String version() {
        return version;
    }

    /** Every area the database lists. */
    public java.util.Collection<Area> areas() {
        return byCode.values();
    }

    /** The area of a code, or null when the database lists none. */
    public Area area(int code) {
        return code >= 0 && code < AREA_CODES ? areas[code] : null;
    }

    /** The legacy wording of a commodity, or null when only the shipped list describes it. */
    public String commodity(String px, String code) {
        Map<String, String> byCode = commodities.get(px);
        return byCode == null ? null : byCode.get(code);
    }
}
