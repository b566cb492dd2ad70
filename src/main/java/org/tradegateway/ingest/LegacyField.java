package org.tradegateway.ingest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of the legacy record that an import reads, with every header spelling seen for them: JSON names,
 * the human-readable CSV headers (35- and 22-column), the bulk headers and hand-edited variants.
 */
public enum LegacyField {
    PF_CODE("pfCode", "classification"),
    YEAR("yr", "year"),
    PERIOD("period"),
    AGGR_LEVEL("aggrLevel", "aggregatelevel"),
    IS_LEAF("IsLeaf", "isleafcode"),
    RG_CODE("rgCode", "tradeflowcode"),
    RT_CODE("rtCode", "reportercode"),
    RT_TITLE("rtTitle", "reporter"),
    RT_ISO("rt3ISO", "reporteriso"),
    PT_CODE("ptCode", "partnercode"),
    PT_TITLE("ptTitle", "partner"),
    PT_ISO("pt3ISO", "partneriso"),
    PT_CODE2("ptCode2", "2ndpartnercode"),
    CST_CODE("cstCode", "customsproccode"),
    MOT_CODE("motCode", "modeoftransportcode"),
    CMD_CODE("cmdCode", "commoditycode"),
    CMD_DESC("cmdDescE", "commodity"),
    QT_CODE("qtCode", "qtyunitcode"),
    QT_ALT_CODE("qtAltCode", "altqtyunitcode"),
    TRADE_QUANTITY("TradeQuantity", "qty"),
    ALT_QUANTITY("AltQuantity", "altqty"),
    NET_WEIGHT("NetWeight", "netweightkg"),
    GROSS_WEIGHT("GrossWeight", "grossweightkg"),
    TRADE_VALUE("TradeValue", "tradevalueus"),
    CIF_VALUE("CIFValue", "ciftradevalueus", "ciftradevalue"),
    FOB_VALUE("FOBValue", "fobtradevalueus", "fobtradevalue"),
    EST_CODE("estCode", "flag");

    private static final Map<String, LegacyField> BY_NAME = new HashMap<>();

    static {
        for (LegacyField f : values()) {
            for (String alias : f.aliases) {
                BY_NAME.put(normalize(alias), f);
            }
        }
    }

    private final String[] aliases;

    LegacyField(String... aliases) {
        this.aliases = aliases;
    }

    /** The JSON key of the field. */
    public String jsonName() {
        return aliases[0];
    }

    /** The field a header names, or null: case, spaces and punctuation do not matter. */
    public static LegacyField ofHeader(String header) {
        return BY_NAME.get(normalize(header));
    }

    static String normalize(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
