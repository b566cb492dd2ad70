package org.tradegateway.ingest;

/**
 * One record of the legacy 35-field shape, as codes and measures (titles come from the reference tables).
 * Mutable so that readers can fill one instance per input line; null measures mean "not reported".
 */
public final class FactRow {
    public char type = 'C';
    public char freq = 'A';
    public String px;
    public int period;
    public int reporter;
    public int flow;
    public int partner;
    public Integer partner2;
    public String customs = "";
    public String mot = "";
    public String commodity;
    public int aggrLevel;
    public boolean leaf;
    public int qtCode = 1;
    public Integer qtAltCode;
    public Double tradeQuantity;
    public Double altQuantity;
    public Double netWeight;
    public Double grossWeight;
    public double tradeValue;
    public Double cifValue;
    public Double fobValue;
    public int estCode;

    public void clear() {
        type = 'C';
        freq = 'A';
        px = null;
        period = 0;
        reporter = 0;
        flow = 0;
        partner = 0;
        partner2 = null;
        customs = "";
        mot = "";
        commodity = null;
        aggrLevel = 0;
        leaf = false;
        qtCode = 1;
        qtAltCode = null;
        tradeQuantity = null;
        altQuantity = null;
        netWeight = null;
        grossWeight = null;
        tradeValue = 0;
        cifValue = null;
        fobValue = null;
        estCode = 0;
    }
}
