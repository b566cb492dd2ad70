package org.tradegateway.dialect.legacy;

/**
 * The 35 fields of a legacy record in JSON order, with their human-readable CSV headers. The 22-column header
 * of {@code IMTS=orig} (and of the legacy bulk files) is the subset flagged {@code original}, in CSV order.
 */
public enum Field {
    PF_CODE("pfCode", "Classification", true),
    YR("yr", "Year", true),
    PERIOD("period", "Period", true),
    PERIOD_DESC("periodDesc", "Period Desc.", true),
    AGGR_LEVEL("aggrLevel", "Aggregate Level", true),
    IS_LEAF("IsLeaf", "Is Leaf Code", true),
    RG_CODE("rgCode", "Trade Flow Code", true),
    RG_DESC("rgDesc", "Trade Flow", true),
    RT_CODE("rtCode", "Reporter Code", true),
    RT_TITLE("rtTitle", "Reporter", true),
    RT_ISO("rt3ISO", "Reporter ISO", true),
    PT_CODE("ptCode", "Partner Code", true),
    PT_TITLE("ptTitle", "Partner", true),
    PT_ISO("pt3ISO", "Partner ISO", true),
    PT_CODE2("ptCode2", "2nd Partner Code", false),
    PT_TITLE2("ptTitle2", "2nd Partner", false),
    PT_ISO2("pt3ISO2", "2nd Partner ISO", false),
    CST_CODE("cstCode", "Customs Proc. Code", false),
    CST_DESC("cstDesc", "Customs", false),
    MOT_CODE("motCode", "Mode of Transport Code", false),
    MOT_DESC("motDesc", "Mode of Transport", false),
    CMD_CODE("cmdCode", "Commodity Code", true),
    CMD_DESC("cmdDescE", "Commodity", true),
    QT_CODE("qtCode", "Qty Unit Code", true),
    QT_DESC("qtDesc", "Qty Unit", true),
    QT_ALT_CODE("qtAltCode", "Alt Qty Unit Code", false),
    QT_ALT_DESC("qtAltDesc", "Alt Qty Unit", false),
    TRADE_QUANTITY("TradeQuantity", "Qty", true),
    ALT_QUANTITY("AltQuantity", "Alt Qty", false),
    NET_WEIGHT("NetWeight", "Netweight (kg)", true),
    GROSS_WEIGHT("GrossWeight", "Gross weight (kg)", false),
    TRADE_VALUE("TradeValue", "Trade Value (US$)", true),
    CIF_VALUE("CIFValue", "CIF Trade Value (US$)", false),
    FOB_VALUE("FOBValue", "FOB Trade Value (US$)", false),
    EST_CODE("estCode", "Flag", true);

    private final String jsonName;
    private final String heading;
    private final boolean original;

    Field(String jsonName, String heading, boolean original) {
        this.jsonName = jsonName;
        this.heading = heading;
        this.original = original;
    }

    public String jsonName() {
        return jsonName;
    }

    public String heading() {
        return heading;
    }

    public boolean original() {
        return original;
    }
}
