package org.tradegateway.ingest.synthetic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.tradegateway.core.Period;
import org.tradegateway.ingest.synthetic.SyntheticGenerator.FlowConsumer;

/**
 * A generator's years month by month: each flow of {@link SyntheticGenerator#generateYear} spread over its months
 * ({@link MonthlySplit}), so that the twelve months add up exactly to the year, value and quantity. The period
 * passed on is year * 100 + month; months without trade of a flow are left out.
 */
public final class MonthlyFlows {
    /** The most flows of a year that {@link #generateMonths} holds in memory instead of generating again. */
    static final long HELD_YEAR = 2_000_000;
    private final SyntheticGenerator generator;
    private final MonthlySplit split;

    public MonthlyFlows(SyntheticGenerator generator) {
        this.generator = generator;
        this.split = new MonthlySplit(generator.draws());
    }

    /** Told when a month's flows have all been passed on. */
    public interface MonthEnd {
        void ended(int month) throws IOException;
    }

    /** One flow of the year with its value split over the months. */
    private record Held(int exporter, int importer, String product, long[] values, Long kg) {
    }

    /** The flows of one month. */
    public void generateMonth(int year, int month, FlowConsumer out) throws IOException {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month " + month + " is not 1 to 12");
        }
        generator.generateYear(year, (t, exporter, importer, product, value, kg) ->
                emit(year, month, split(year, exporter, importer, product, value, kg), out));
    }

    /**
     * The twelve months of a year in turn. A year of up to {@link #HELD_YEAR} flows is generated once and held in
     * memory; a larger one is generated again for each month.
     */
    public void generateMonths(int year, FlowConsumer out, MonthEnd end) throws IOException {
        if (generator.rowsPerYear() > HELD_YEAR) {
            for (int month = 1; month <= 12; month++) {
                generateMonth(year, month, out);
                end.ended(month);
            }
            return;
        }
        List<Held> flows = new ArrayList<>();
        generator.generateYear(year, (t, exporter, importer, product, value, kg) ->
                flows.add(split(year, exporter, importer, product, value, kg)));
        for (int month = 1; month <= 12; month++) {
            for (Held flow : flows) {
                emit(year, month, flow, out);
            }
            end.ended(month);
        }
    }

    private Held split(int year, int exporter, int importer, String product, double value, Double kg) {
        return new Held(exporter, importer, product,
                split.split((long) value, year, exporter, importer, Integer.parseInt(product)),
                kg == null ? null : kg.longValue());
    }

    /** A flow's share of one month, if it trades then; its weight is split in the proportions of its value. */
    private static void emit(int year, int month, Held flow, FlowConsumer out) throws IOException {
        long part = flow.values()[month - 1];
        if (part > 0) {
            Double kg = flow.kg() == null ? null : (double) MonthlySplit.alongside(flow.kg(), flow.values())[month - 1];
            out.accept(Period.ofMonth(year, month), flow.exporter(), flow.importer(), flow.product(), part, kg);
        }
    }
}
