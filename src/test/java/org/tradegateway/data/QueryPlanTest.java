package org.tradegateway.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradegateway.core.TradeQuery;
import org.tradegateway.data.SlicePlanner.Available;
import org.tradegateway.dialect.legacy.QueryParser;
import org.tradegateway.ingest.synthetic.GeneratorSource.GeneratorSettings;
import org.tradegateway.ingest.synthetic.GeneratorSource;
import org.tradegateway.refs.Classification;
import org.tradegateway.refs.ReferenceData;
import org.tradegateway.support.Imports;
import org.tradegateway.support.TestDatabase;

/**
 * The typical /api/get shapes, as the gateway writes their SQL, are answered from the partition index, never by
 * reading a whole fact partition: cost must follow the answer, not the table.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlanTest {

    @BeforeAll
    void loadTwoYears() throws Exception {
        Imports.load(new GeneratorSource(new GeneratorSettings(2019, 2020, 40_000, Classification.H0, 3)));
    }

    @AfterAll
    void drop() throws Exception {
        Imports.dropNamed("synthetic-H0-2019-2020");
    }

    /** The statements of a query string: its rows, their count, and the probe of an answer of up to 1,000. */
    private record Statements(String rows, String count, String probe) {
        List<String> all() {
            return List.of(rows, count, probe);
        }
    }

    /** The SQL the gateway runs for a query string, planned against what is loaded. */
    private static Statements sqlFor(String queryString) throws Exception {
        Map<String, String> params = new HashMap<>();
        for (String pair : queryString.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0].toLowerCase(), kv[1]);
        }
        TradeQuery query = new QueryParser(ReferenceData.get()).parse(params, 100_000).query();
        List<Available> available = new ArrayList<>();
        Map<String, List<Integer>> flowAreas = new HashMap<>();
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT px, reporter, period, from_flows FROM data_availability WHERE px = 'H0'")) {
            while (rs.next()) {
                if (rs.getBoolean(4)) {
                    flowAreas.computeIfAbsent(rs.getString(1) + rs.getInt(3), k -> new ArrayList<>()).add(rs.getInt(2));
                }
                if (query.reporters().all() || query.reporters().codes().contains(rs.getInt(2))) {
                    available.add(new Available(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4), true));
                }
            }
        }
        FactQuery fact = FactQuery.of(query, SlicePlanner.plan(available, query.periods(),
                (px, period) -> flowAreas.get(px + period)));
        String rows = fact.literalRowsSql(query.limit());
        String count = "SELECT count(*) FROM (" + rows.substring(rows.indexOf("FROM (") + 6, rows.lastIndexOf(") u"))
                + ") u";
        return new Statements(rows, count, fact.literalProbeSql(query.limit(), true));
    }

    private static void assertIndexOnly(String queryString) throws Exception {
        Statements statements = sqlFor(queryString);
        for (String sql : List.of(statements.rows(), statements.count())) {
            String plan;
            try (Connection c = TestDatabase.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("EXPLAIN (FORMAT JSON) " + sql)) {
                rs.next();
                plan = rs.getString(1);
            }
            assertFalse(plan.contains("Seq Scan"), "sequential scan in plan of " + sql + ":\n" + plan);
            assertTrue(plan.contains("_p2019") && plan.contains("Index"), "no index of 2019 in plan of " + sql + ":\n"
                    + plan);
            assertFalse(plan.contains("_p2020"), "partition of 2020 not pruned:\n" + plan);
        }
    }

    @Test
    void shouldUseTheIndexForOneReporterAllPartnersAtTwoDigits() throws Exception {
        assertIndexOnly("r=842&ps=2019&p=all&cc=AG2&px=H0");
    }

    @Test
    void shouldUseTheIndexForAllReportersWorldTotals() throws Exception {
        assertIndexOnly("r=all&p=0&ps=2019&cc=TOTAL&px=H0");
    }

    @Test
    void shouldUseTheIndexForAPairAndASixDigitList() throws Exception {
        assertIndexOnly("r=842&p=156&ps=2019&cc=870323,300490,710812&px=H0");
    }

    /**
     * Every shape of /api/get can be read as index ranges bounded by the reporter or the partner: with sequential
     * scans priced out (so that the small test partitions do not make one cheaper), no partition is read whole and
     * every index scan has a condition on the reporter or partner (or exporter or importer of the flows).
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "r=826&p=0&rg=all&cc=ALL&max=50000", "r=826&p=all&rg=all&cc=ALL", "r=826&p=842,156,276&cc=ALL",
        "r=826&p=0&cc=TOTAL", "r=826&p=all&cc=TOTAL", "r=826&p=842,156&cc=TOTAL",
        "r=826&p=0&cc=AG2", "r=826&p=all&cc=AG2", "r=826&p=842,156&cc=AG2",
        "r=826&p=0&cc=AG4", "r=826&p=all&cc=AG4", "r=826&p=842,156&cc=AG4",
        "r=826&p=0&cc=AG6", "r=826&p=all&cc=AG6&max=100000", "r=826&p=842,156&cc=AG6",
        "r=826&p=0&cc=01,8703,870323", "r=826&p=all&cc=01,8703,870323", "r=826&p=842,156&cc=27,84,87",
        "r=all&p=0&cc=TOTAL", "r=all&p=842&cc=AG2", "r=all&p=0&cc=ALL&max=100000", "r=all&p=842&cc=ALL",
        "r=842,156&p=all&rg=1,2&cc=AG4", "r=826&p=842&rg=2&cc=AG6", "r=826&p=all&rg=1&cc=8703",
        "r=826&p=all&rg=2&cc=27,84,87", "r=826&p=all&rg=2&cc=870323", "r=all&p=842&rg=1&cc=AG4"})
    void shouldReadEveryShapeAsIndexRangesOfTheReporterOrPartner(String shape) throws Exception {
        for (String sql : sqlFor(shape + "&ps=2019&px=H0").all()) {
            String plan = planWithoutSequentialScans(sql);
            List<String> problems = new ArrayList<>();
            checkScans(new com.fasterxml.jackson.databind.ObjectMapper().readTree(plan), problems);
            assertTrue(problems.isEmpty(), shape + ": " + problems + " in\n" + plan);
            if (shape.matches(".*(AG2|AG4|cc=27|cc=ALL|8703(,|$)).*") && !shape.contains("p=0&")) {
                assertTrue(plan.contains("trade_flow_sum_d"), shape + ": the stored sums are not read in\n" + plan);
            }
            assertFalse(plan.contains("_p2020"), "partition of 2020 not pruned:\n" + plan);
        }
    }

    /**
     * One reporter to one partner needs no sort of the whole answer: the reporter and partner are equalities, so
     * the index's level order is the answer's first key and only the records of one level are sorted at a time
     * (the legacy API page's own example, about 12,000 records on a BACI-sized year).
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"r=826&p=0&rg=all&cc=ALL&max=50000",
        "r=826&p=0&rg=2&cc=AG6"})
    void shouldSortOneReporterToOnePartnerOneLevelAtATime(String shape) throws Exception {
        String plan = planOf2019(shape);
        assertFalse(nodeTypes(plan).contains("Sort"), shape + ": the whole answer is sorted in\n" + plan);
    }

    /**
     * Every reporter's record of one code to World (a product hub, the rankings, a country's rank) is one range of
     * the World rows' index in product order, not one lookup per reporter in the key index.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"r=all&p=0&rg=1,2&cc=87", "r=all&p=0&cc=TOTAL",
        "r=all&p=0&rg=2&cc=870323"})
    void shouldReadEveryReportersRecordOfOneCodeToWorldAsOneRange(String shape) throws Exception {
        String plan = planOf2019(shape);
        assertTrue(plan.contains("_world\""), shape + ": the World rows' index is not used in\n" + plan);
        assertFalse(plan.contains("_key\""), shape + ": the key index is read in\n" + plan);
        // the classification is a condition of the index, not a filter of the rows it leads to
        String worldCondition = "\"Index Name\": \"[^\"]*_world\",[^}]*\"Index Cond\": \"[^\"]*px";
        assertTrue(java.util.regex.Pattern.compile(worldCondition).matcher(plan).find(),
                shape + ": the classification is not an index condition in\n" + plan);
    }

    /**
     * Every reporter's records of one whole level to World can come from the key index in the answer's order: the
     * level is an equality that the planner knows is constant, so a large answer's cursor can stream them without
     * sorting them all first. On these small partitions a sort is cheaper, so sorts are priced out to show that
     * the ordered path exists (with the level as {@code = ANY}, there is none and the sort stays).
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"r=all&p=0&rg=2&cc=AG6&max=100000",
        "r=all&p=0&rg=1&cc=AG2&max=100000"})
    void shouldReadEveryReportersWholeLevelToWorldInTheAnswersOrder(String shape) throws Exception {
        String plan = plan(sqlFor(shape + "&ps=2019&px=H0").rows(), "enable_seqscan", "enable_sort");
        assertFalse(nodeTypes(plan).stream().anyMatch(n -> n.endsWith("Sort")), shape + ": sorted in\n" + plan);
    }

    /**
     * Below TOTAL and to named partners other than World, a flow dataset's records are its flows and their sums
     * only: the statement reads no fact partition, and one flow of one pair at one level comes in the index's
     * order, so nothing is sorted.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"r=826&p=842&rg=2&cc=AG4&max=500",
        "r=826&p=842&rg=1&cc=AG6", "r=826&p=842&rg=2&cc=AG2"})
    void shouldReadOnePairBelowTotalFromTheFlowsInIndexOrder(String shape) throws Exception {
        String plan = planOf2019(shape);
        assertFalse(plan.contains("trade_fact"), shape + ": a fact partition is read in\n" + plan);
        assertFalse(nodeTypes(plan).contains("Sort"), shape + ": the answer is sorted in\n" + plan);
    }

    /**
     * An answer of at most 1,000 records is one statement with the data version and the count of every match: its
     * rows are sorted once, by their own statement (not at all where the index gives their order; per level, an
     * incremental sort, where it gives their order within a level), not again after the version is joined.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({"r=826&p=842&rg=2&cc=AG4&max=500, 0", "r=826&p=842&rg=1&cc=AG6, 0",
        "'r=826&p=all&rg=2&cc=27,84,87', 1", "r=826&p=0&rg=all&cc=ALL&max=1000, 1"})
    void shouldProbeWithOneSortAtMost(String shape, int sorts) throws Exception {
        String plan = planWithoutSequentialScans(sqlFor(shape + "&ps=2019&px=H0").probe());
        List<String> nodes = nodeTypes(plan);
        assertTrue(nodes.contains("WindowAgg"), shape + ": no count in\n" + plan);
        org.junit.jupiter.api.Assertions.assertEquals(sorts, nodes.stream().filter(n -> n.endsWith("Sort")).count(),
                shape + ": sorts in\n" + plan);
    }

    /**
     * Statements of flows only, for two periods (two slices, each without a fact branch), and with TOTAL or World
     * asked beside them (the fact branch back): each counts what its periods' statements count one by one.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"r=826&p=842&rg=all&cc=AG4",
        "r=826&p=842,0&rg=2&cc=AG2", "r=826&p=842&rg=1&cc=TOTAL,AG6"})
    void shouldCountTwoPeriodsAsTheirSum(String shape) throws Exception {
        long both = count(sqlFor(shape + "&ps=2019,2020&px=H0").count());
        long one = count(sqlFor(shape + "&ps=2019&px=H0").count());
        long other = count(sqlFor(shape + "&ps=2020&px=H0").count());
        assertTrue(one > 0 && other > 0, shape + ": " + one + " and " + other);
        org.junit.jupiter.api.Assertions.assertEquals(one + other, both, shape);
    }

    private static long count(String sql) throws Exception {
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The JSON plan of a shape's statement for 2019 in HS 1992, sequential scans priced out. */
    private static String planOf2019(String shape) throws Exception {
        return planWithoutSequentialScans(sqlFor(shape + "&ps=2019&px=H0").rows());
    }

    /** The JSON plan of a statement with sequential scans priced out (the test partitions are small). */
    private static String planWithoutSequentialScans(String sql) throws Exception {
        return plan(sql, "enable_seqscan");
    }

    /** The JSON plan of a statement with the planner settings named turned off. */
    private static String plan(String sql, String... off) throws Exception {
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (String setting : off) {
                st.execute("SET LOCAL " + setting + " = off");
            }
            try (ResultSet rs = st.executeQuery("EXPLAIN (FORMAT JSON) " + sql)) {
                rs.next();
                String plan = rs.getString(1);
                c.rollback();
                return plan;
            }
        }
    }

    /** The type of every node of a JSON plan. */
    private static List<String> nodeTypes(String plan) throws Exception {
        List<String> types = new ArrayList<>();
        nodeTypes(new com.fasterxml.jackson.databind.ObjectMapper().readTree(plan), types);
        return types;
    }

    private static void nodeTypes(com.fasterxml.jackson.databind.JsonNode node, List<String> types) {
        if (node.isArray()) {
            node.forEach(n -> nodeTypes(n, types));
            return;
        }
        com.fasterxml.jackson.databind.JsonNode plan = node.has("Plan") ? node.get("Plan") : node;
        types.add(plan.path("Node Type").asText());
        plan.path("Plans").forEach(child -> nodeTypes(child, types));
    }

    private static void checkScans(com.fasterxml.jackson.databind.JsonNode node, List<String> problems) {
        if (node.isArray()) {
            node.forEach(n -> checkScans(n, problems));
            return;
        }
        com.fasterxml.jackson.databind.JsonNode plan = node.has("Plan") ? node.get("Plan") : node;
        String type = plan.path("Node Type").asText();
        String relation = plan.path("Relation Name").asText(plan.path("Index Name").asText());
        if (type.equals("Seq Scan") && (relation.startsWith("trade_fact") || relation.startsWith("trade_flow"))) {
            problems.add("a sequential scan of " + relation);
        }
        if (type.contains("Index") && (relation.startsWith("trade_fact") || relation.startsWith("trade_flow"))) {
            String cond = plan.path("Index Cond").asText("");
            // the fact index leads with (px, aggr_level): without a level, a reporter condition filters the
            // whole partition's index instead of bounding a range of it
            // the flow tables lead with (exporter, importer): both must bound the range (the statements name every
            // exporter for the importer's view), and the sums' level too
            boolean bounded = relation.startsWith("trade_fact")
                    ? cond.matches("(?s).*\\baggr_level\\b.*") && cond.matches("(?s).*\\b(reporter|partner)\\b.*")
                    : cond.matches("(?s).*\\bimporter\\b.*") && cond.matches("(?s).*\\bexporter\\b.*")
                    && (!relation.startsWith("trade_flow_sum") || cond.matches("(?s).*\\blevel\\b.*"));
            if (!bounded) {
                problems.add(type + " of " + relation + " not bounded by level and reporter or partner: '" + cond
                        + "'");
            }
        }
        plan.path("Plans").forEach(child -> checkScans(child, problems));
    }
}
