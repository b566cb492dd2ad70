package org.tradegateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tradegateway.ingest.synthetic.SyntheticGenerator;
import org.tradegateway.refs.Classification;
import org.tradegateway.refs.ReferenceData;

/** The synthetic generator is deterministic, sized as asked and shaped like trade data. */
class GeneratorTest {

    record Flow(int year, int exporter, int importer, String product, double value, Double kg) {
    }

    private static List<Flow> generate(long rows, int year) throws Exception {
        List<Flow> flows = new ArrayList<>();
        new SyntheticGenerator(7, Classification.H0, rows).generateYear(year,
                (t, i, j, k, v, q) -> flows.add(new Flow(t, i, j, k, v, q)));
        return flows;
    }

    @Test
    void shouldProduceTheSameRowsEveryTime() throws Exception {
        List<Flow> a = generate(20_000, 2019);
        List<Flow> b = generate(20_000, 2019);
        assertEquals(a, b);
        // Pinned: a change of these numbers is a change of the generator's output (bump GENERATOR_VERSION).
        long checksum = a.stream().mapToLong(f -> (long) f.value() % 1_000_003 * 31 + f.product().hashCode()).sum();
        assertEquals("20000:31484267141042", a.size() + ":" + checksum);
    }

    @Test
    void shouldHitTheRowTargetWithRealCodesAndAHeavyTail() throws Exception {
        List<Flow> flows = generate(50_000, 2019);
        assertTrue(Math.abs(flows.size() - 50_000) < 2_500, "rows: " + flows.size());
        ReferenceData refs = ReferenceData.get();
        Set<String> keys = new HashSet<>();
        double[] log = new double[flows.size()];
        double total = 0;
        for (int n = 0; n < flows.size(); n++) {
            Flow f = flows.get(n);
            assertTrue(refs.commodity(Classification.H0, f.product()).isPresent(), f.product());
            assertTrue(refs.area(f.exporter()).isPresent() && refs.area(f.importer()).isPresent());
            assertTrue(f.exporter() != f.importer() && f.value() >= 1);
            assertTrue(keys.add(f.exporter() + "/" + f.importer() + "/" + f.product()), "duplicate flow");
            log[n] = Math.log10(f.value());
            total += f.value();
        }
        // world exports 2019: 19.0tn x 0.95
        assertEquals(18.05e12, total, 0.02 * 18.05e12);
        double[] sortedValues = flows.stream().mapToDouble(Flow::value).sorted().toArray();
        double top1 = 0;
        for (int n = sortedValues.length - sortedValues.length / 100; n < sortedValues.length; n++) {
            top1 += sortedValues[n];
        }
        assertTrue(top1 / total > 0.3, "top 1% share " + top1 / total);
        java.util.Map<Integer, Double> exports = new java.util.HashMap<>();
        flows.forEach(f -> exports.merge(f.exporter(), f.value(), Double::sum));
        // published 2019 shares, interpolated between the 2015 and 2023 anchors: CHN 14.1 %, USA 8.7 %, DEU 7.5 %
        assertEquals(14.1, 100 * exports.get(156) / total, 0.3);
        assertEquals(8.7, 100 * exports.get(842) / total, 0.3);
        assertEquals(7.5, 100 * exports.get(276) / total, 0.3);
        double mean = java.util.Arrays.stream(log).average().orElse(0);
        double sd = Math.sqrt(java.util.Arrays.stream(log).map(x -> (x - mean) * (x - mean)).average().orElse(0));
        assertTrue(sd > 1.0, "log10 sd " + sd);
    }
}
