package org.tradegateway.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradegateway.support.TestDatabase;

/**
 * A database holding flows from before migration V8 (the importer b-tree with a BRIN, as sorted input got them)
 * gets the bilateral sums of those flows and the one flow index an import now builds, in the migration itself:
 * an upgraded gateway answers from the same tables as a fresh import. Runs on a database of its own on the test
 * server (a Quarkus test only so that the server is up).
 */
@QuarkusTest
class FlowSumMigrationTest {
    private static final String DATABASE = "upgrade_from_v7";
    private DatabaseTarget target;

    @BeforeEach
    void createDatabase() throws SQLException {
        DatabaseTarget main = TestDatabase.target();
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE);
            st.execute("CREATE DATABASE " + DATABASE);
        }
        target = new DatabaseTarget(main.host(), main.port(), DATABASE, main.user(), main.password(), main.embedded(),
                main.dataDirectory());
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
    }

    private Flyway flyway(String version) {
        var config = Flyway.configure(getClass().getClassLoader())
                .dataSource(target.jdbcUrl(), target.user(), target.password()).locations("classpath:db/migration");
        return (version == null ? config : config.target(version)).load();
    }

    @Test
    void shouldStoreTheSumsOfFlowsLoadedBeforeAndIndexThemAsAnImportWould() throws Exception {
        flyway("7").migrate();
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
             Statement st = c.createStatement()) {
            // two periods of one dataset as version 7 stored them: Afghanistan's 2017 flows of the BACI sample,
            // and one flow without kilograms in 2018
            st.execute("CREATE TABLE trade_flow_d1_p2017 (LIKE trade_flow INCLUDING DEFAULTS)");
            st.execute("INSERT INTO trade_flow_d1_p2017 VALUES (1, 2017, 'H5', 4, 12, '130120', 5946, 1400),"
                    + " (1, 2017, 'H5', 4, 12, '130190', 5125, 2320), (1, 2017, 'H5', 4, 36, '080212', 8354, 2194),"
                    + " (1, 2017, 'H5', 4, 36, '080290', 4754, 1060), (1, 2017, 'H5', 4, 36, '071320', 3242, 2446)");
            st.execute("CREATE INDEX trade_flow_d1_p2017_importer ON trade_flow_d1_p2017 (importer)");
            st.execute("CREATE INDEX trade_flow_d1_p2017_exporter ON trade_flow_d1_p2017 USING brin (exporter)");
            st.execute("ALTER TABLE trade_flow ATTACH PARTITION trade_flow_d1_p2017 FOR VALUES FROM (2017, 1)"
                    + " TO (2017, 2)");
            st.execute("CREATE TABLE trade_flow_d1_p2018 (LIKE trade_flow INCLUDING DEFAULTS)");
            st.execute("INSERT INTO trade_flow_d1_p2018 VALUES (1, 2018, 'H5', 36, 4, '841810', 99, NULL)");
            st.execute("CREATE UNIQUE INDEX trade_flow_d1_p2018_exporter ON trade_flow_d1_p2018"
                    + " (exporter, importer, product)");
            st.execute("ALTER TABLE trade_flow ATTACH PARTITION trade_flow_d1_p2018 FOR VALUES FROM (2018, 1)"
                    + " TO (2018, 2)");
        }

        flyway(null).migrate();

        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
             Statement st = c.createStatement()) {
            assertEquals(String.join("\n",
                    "2017 4 12 2 13 11071 3720", "2017 4 12 4 1301 11071 3720",
                    "2017 4 36 2 07 3242 2446", "2017 4 36 2 08 13108 3254",
                    "2017 4 36 4 0713 3242 2446", "2017 4 36 4 0802 13108 3254",
                    "2018 36 4 2 84 99 -", "2018 36 4 4 8418 99 -"),
                    text(st, "SELECT string_agg(concat_ws(' ', period, exporter, importer, level, product, value,"
                            + " coalesce(kg::text, '-')), E'\\n' ORDER BY period, ctid) FROM trade_flow_sum"));
            // each period's flows and sums have the one b-tree an import gives them, attached to the parents
            assertEquals("trade_flow_d1_p2017_pair trade_flow_d1_p2018_pair trade_flow_sum_d1_p2017_pair"
                    + " trade_flow_sum_d1_p2018_pair", text(st, "SELECT string_agg(indexname, ' ' ORDER BY indexname)"
                    + " FROM pg_indexes WHERE tablename LIKE 'trade_flow%'"));
            assertEquals("2", text(st, "SELECT count(*) FROM pg_inherits"
                    + " WHERE inhparent = 'trade_flow_sum'::regclass"));
        }
    }

    private static String text(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
