package org.tradegateway.data;

import java.util.Map;
import org.tradegateway.refs.Area;

/** Area titles and legacy commodity wording as the database holds them, for one version of the loaded data. */
public record Labels(String version, Map<Integer, Area> areas, Map<String, String> commodities) {

    static String key(String px, String code) {
        return px + "\t" + code;
    }

    /** The legacy wording of a commodity, or null when only the shipped list describes it. */
    public String commodity(String px, String code) {
        return commodities.get(key(px, code));
    }
}
