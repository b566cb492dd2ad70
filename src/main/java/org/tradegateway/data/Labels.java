package org.tradegateway.data;

import java.util.Map;
import org.tradegateway.refs.Area;

/** Area titles and legacy commodity wording as the database holds them, for one version of the loaded data. */
public record Labels(String version, Map<Integer, Area> areas, Map<String, Map<String, String>> commodities) {

    /** The legacy wording of a commodity, or null when only the shipped list describes it. */
    public String commodity(String px, String code) {
        Map<String, String> byCode = commodities.get(px);
        return byCode == null ? null : byCode.get(code);
    }
}
