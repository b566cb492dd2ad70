package org.tradegateway.data;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tradegateway.refs.Area;

/** Area titles and legacy commodity wording as the database holds them, for one version of the loaded data. */
public final class Labels {
    private final String version;
    /** By code (smallint in the database, three digits in the shipped list): one array read per row. */
    private final Area[] areas;
    private final Map<String, Map<String, String>> commodities;

    public Labels(String version, Map<Integer, Area> areas, Map<String, Map<String, String>> commodities) {
        this.version = version;
        this.commodities = commodities;
        this.areas = new Area[areas.keySet().stream().mapToInt(c -> c).max().orElse(-1) + 1];
        areas.forEach((code, area) -> {
            if (code >= 0) {
                this.areas[code] = area;
            }
        });
    }

    public String version() {
        return version;
    }

    /** Every area the database lists. */
    public List<Area> areas() {
        return Arrays.stream(areas).filter(Objects::nonNull).toList();
    }

    /** The area of a code, or null when the database lists none. */
    public Area area(int code) {
        return code >= 0 && code < areas.length ? areas[code] : null;
    }

    /** The legacy wording of a commodity, or null when only the shipped list describes it. */
    public String commodity(String px, String code) {
        Map<String, String> byCode = commodities.get(px);
        return byCode == null ? null : byCode.get(code);
    }
}
