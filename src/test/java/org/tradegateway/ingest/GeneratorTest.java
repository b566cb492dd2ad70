package org.tradegateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tradegateway.ingest.synthetic.MonthlyFlows;
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

    /** The flows of every month of a year, by (exporter, importer, product): value and kg summed, months counted. */
    private static java.util.Map<String, double[]> monthsOf(SyntheticGenerator generator, int year, boolean held)
            throws Exception {
        java.util.Map<String, double[]> sums = new java.util.TreeMap<>();
        SyntheticGenerator.FlowConsumer sink = (t, i, j, k, v, q) -> {
            assertEquals(year, t / 100);
            assertTrue(v >= 1 && v == Math.rint(v), "whole dollars in every month: " + v);
            double[] s = sums.computeIfAbsent(i + "/" + j + "/" + k, key -> new double[4]);
            s[0] += v;
            s[1] += q == null ? 0 : q;
            s[2] += q == null ? 1 : 0;
            s[3]++;
        };
        if (held) {
            new MonthlyFlows(generator).generateMonths(year, sink, month -> { });
        } else {
            for (int month = 1; month <= 12; month++) {
                new MonthlyFlows(generator).generateMonth(year, month, sink);
            }
        }
        return sums;
    }

    @Test
    void shouldSplitEveryFlowIntoMonthsThatAddUpExactlyToTheYear() throws Exception {
        SyntheticGenerator generator = new SyntheticGenerator(7, Classification.H0, 20_000);
        List<Flow> year = new ArrayList<>();
        generator.generateYear(2019, (t, i, j, k, v, q) -> year.add(new Flow(t, i, j, k, v, q)));
        java.util.Map<String, double[]> months = monthsOf(generator, 2019, true);
        assertEquals(year.size(), months.size(), "every flow of the year trades in some month, no other flow does");
        int partYear = 0;
        for (Flow f : year) {
            double[] m = months.get(f.exporter() + "/" + f.importer() + "/" + f.product());
            assertEquals(f.value(), m[0], 0.0, "value of " + f);
            if (f.kg() == null) {
                assertEquals(m[3], m[2], 0.0, "a flow without quantity has none in any month: " + f);
            } else {
                assertEquals(f.kg(), m[1], 0.0, "kg of " + f);
            }
            partYear += m[3] < 12 ? 1 : 0;
        }
        assertTrue(partYear > 0, "some flows trade in fewer than twelve months");
        // the same months whether the year is held in memory or generated again for each month
        java.util.Map<String, double[]> again = monthsOf(generator, 2019, false);
        assertEquals(months.keySet(), again.keySet());
        months.forEach((key, m) -> assertTrue(java.util.Arrays.equals(m, again.get(key)), key));
    }

    @Test
    void shouldGiveTheMonthsASeasonalShape() throws Exception {
        double[] total = new double[13];
        for (int month = 1; month <= 12; month++) {
            int m = month;
            new MonthlyFlows(new SyntheticGenerator(7, Classification.H0, 20_000)).generateMonth(2019, month,
                    (t, i, j, k, v, q) -> total[m] += v);
        }
        double year = java.util.Arrays.stream(total).sum();
        assertTrue(total[2] < total[10] && total[8] < total[10], "February and August are slower than October");
        for (int month = 1; month <= 12; month++) {
            double share = total[month] / year;
            assertTrue(share > 0.065 && share < 0.10, "month " + month + " holds " + share + " of the year");
        }
    }
}
