package org.tradegateway.dialect.wtf;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tradegateway.data.DatabaseGuard;
import org.tradegateway.support.LogCapture;
import org.tradegateway.support.Sql;

/**
 * A view that cannot be stored (here a table that refuses every new row) is still answered, and the failure is
 * logged once, not on every request; after a store that succeeds, a new failure is logged again.
 */
@QuarkusTest
class WtfStoreFailureTest {
    private static final String VERSION = "SELECT count(*) || ':' || coalesce(max(id), 0) FROM dataset";
    private static final String PREFIX = "/test/store-failure/";

    @Inject
    Pool pool;

    @Inject
    DatabaseGuard guard;

    @Test
    void shouldAnswerAndWarnOnceWhileViewsCannotBeStored() throws Exception {
        LogCapture log = LogCapture.of(WtfDocuments.class.getName());
        String version = Sql.text(VERSION);
        byte[] body = WtfDocuments.gzip("{}".getBytes(StandardCharsets.UTF_8));
        WtfDocuments documents = new WtfDocuments(pool, guard, new SimpleMeterRegistry(), true, 100);
        try {
            refuseRows(true);
            documents.store(version, PREFIX + "a", "\"a\"", body);
            documents.store(version, PREFIX + "b", "\"b\"", body);
            awaitWarnings(log, 1);
            refuseRows(false);
            documents.store(version, PREFIX + "c", "\"c\"", body);
            awaitRows(1);
            refuseRows(true);
            documents.store(version, PREFIX + "d", "\"d\"", body);
            awaitWarnings(log, 2);
            assertEquals(1, Sql.count("SELECT count(*) FROM view_document WHERE uri LIKE '" + PREFIX + "%'"));
            // the gateway's own: a view it cannot store is answered all the same
            Sql.execute("DELETE FROM view_document WHERE uri = '/data/countries.json'");
            String answer = given().get("/data/countries.json").then().statusCode(200).extract().asString();
            assertEquals(answer, given().get("/data/countries.json").then().statusCode(200).extract().asString());
            Thread.sleep(300);
            assertEquals(0, Sql.count("SELECT count(*) FROM view_document WHERE uri = '/data/countries.json'"));
        } finally {
            refuseRows(false);
            log.close();
            Sql.execute("DELETE FROM view_document WHERE uri LIKE '" + PREFIX + "%'");
        }
    }

    /** Makes view_document refuse every new row, or accept them again. */
    private static void refuseRows(boolean refuse) {
        Sql.execute(refuse ? "ALTER TABLE view_document ADD CONSTRAINT refuse_rows CHECK (false) NOT VALID"
                : "ALTER TABLE view_document DROP CONSTRAINT IF EXISTS refuse_rows");
    }

    /** Waits until the warnings of failed stores number {@code expected}, then a little more: no more come. */
    private static void awaitWarnings(LogCapture log, int expected) throws InterruptedException {
        for (int i = 0; i < 100 && failedStores(log) < expected; i++) {
            Thread.sleep(50);
        }
        Thread.sleep(300);
        assertEquals(expected, failedStores(log), "one warning per run of failures");
    }

    /** The warnings about a view not stored because of the constraint this test adds. */
    private static long failedStores(LogCapture log) {
        return log.messages().stream()
                .filter(m -> m != null && m.contains("was not stored") && m.contains("refuse_rows")).count();
    }

    private static void awaitRows(long expected) throws InterruptedException {
        String sql = "SELECT count(*) FROM view_document WHERE uri LIKE '" + PREFIX + "%'";
        for (int i = 0; i < 100 && Sql.count(sql) != expected; i++) {
            Thread.sleep(50);
        }
        assertEquals(expected, Sql.count(sql));
    }
}
