package org.tradegateway.ingest;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tradegateway.refs.Classification;

/**
 * The converted records of one record group ({@link RecordConversionSource}): the measures of each target code,
 * added up from the group's leaves, and the records they become at every level of the target classification.
 */
final class GroupSums {

    private GroupSums() {
    }

    /** The measures of one target code in a group: every sum, and whether each is known for every part. */
    static final class Sums {
        double value;
        double quantity;
        int qtCode = -2; // -2 before the first part; 1 once parts disagree or one has no quantity
        double netWeight;
        double grossWeight;
        double cif;
        double fob;
        boolean netKnown = true;
        boolean grossKnown = true;
        boolean cifKnown = true;
        boolean fobKnown = true;
        int estCode;
        boolean leaf = true;

        void add(double v, int qt, Double qty, Double net, Double gross, Double cifValue, Double fobValue, int est) {
            value += v;
            if (qtCode == -2 && qty != null) {
                qtCode = qt;
            }
            if (qty == null || qt != qtCode) {
                qtCode = 1;
            } else {
                quantity += qty;
            }
            netKnown &= net != null;
            netWeight += net == null ? 0 : net;
            grossKnown &= gross != null;
            grossWeight += gross == null ? 0 : gross;
            cifKnown &= cifValue != null;
            cif += cifValue == null ? 0 : cifValue;
            fobKnown &= fobValue != null;
            fob += fobValue == null ? 0 : fobValue;
            estCode = Math.max(estCode, est);
        }

        void add(Sums s) {
            add(s.value, s.qtCode, s.qtCode == 1 || s.qtCode == -2 ? null : s.quantity, s.netKnown ? s.netWeight : null,
                    s.grossKnown ? s.grossWeight : null, s.cifKnown ? s.cif : null, s.fobKnown ? s.fob : null,
                    s.estCode);
        }
    }

    /** The group's converted codes at every level of the target, coarsest first. */
    static void write(FactRow group, Map<String, Sums> leaves, List<Integer> levels, Classification to,
                      StageWriter writer) throws IOException {
        for (int level : levels) {
            Map<String, Sums> sums = new TreeMap<>();
            for (Map.Entry<String, Sums> e : leaves.entrySet()) {
                String code = e.getKey();
                if (code.length() >= level) {
                    Sums s = sums.computeIfAbsent(code.substring(0, level), k -> new Sums());
                    s.add(e.getValue());
                    s.leaf &= code.length() == level;
                }
            }
            for (Map.Entry<String, Sums> e : sums.entrySet()) {
                writer.record(row(group, e.getKey(), level, e.getValue(), to));
            }
        }
    }

    private static FactRow row(FactRow group, String code, int level, Sums s, Classification to) {
        FactRow row = new FactRow();
        row.type = group.type;
        row.freq = group.freq;
        row.px = to.name();
        row.period = group.period;
        row.reporter = group.reporter;
        row.flow = group.flow;
        row.partner = group.partner;
        row.partner2 = group.partner2;
        row.customs = group.customs;
        row.mot = group.mot;
        row.commodity = code;
        row.aggrLevel = level;
        row.leaf = s.leaf;
        boolean quantity = s.leaf && s.qtCode != 1 && s.qtCode != -2;
        row.qtCode = quantity ? s.qtCode : 1;
        row.tradeQuantity = quantity ? s.quantity : null;
        row.netWeight = s.netKnown ? s.netWeight : null;
        row.grossWeight = s.grossKnown ? s.grossWeight : null;
        row.tradeValue = s.value;
        row.cifValue = s.cifKnown ? s.cif : null;
        row.fobValue = s.fobKnown ? s.fob : null;
        row.estCode = s.estCode;
        return row;
    }
}
