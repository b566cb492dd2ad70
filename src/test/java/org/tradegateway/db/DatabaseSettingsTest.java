package org.tradegateway.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @AfterEach
    void clear() {
        System.clearProperty("trade.db.url");
        System.clearProperty("trade.db.user");
        System.clearProperty("trade.db.password");
    }

    @Test
    void shouldReadTheExternalServerFromTradeDbUrl() {
        System.setProperty("trade.db.url", "postgresql://db.internal:6543/trade");
        System.setProperty("trade.db.user", "gateway");
        System.setProperty("trade.db.password", "pw");
        DatabaseTarget t = DatabaseSettings.load().external();
        assertEquals("jdbc:postgresql://db.internal:6543/trade", t.jdbcUrl());
        assertEquals("postgresql://db.internal:6543/trade", t.reactiveUrl());
        assertEquals("gateway", t.user());
        assertEquals("pw", t.password());
        assertEquals("PostgreSQL at db.internal:6543/trade as gateway", t.describe());
    }

    @Test
    void shouldAcceptJdbcUrlsAndDefaultThePort() {
        System.setProperty("trade.db.url", "jdbc:postgresql://localhost/stats");
        DatabaseTarget t = DatabaseSettings.load().external();
        assertEquals("jdbc:postgresql://localhost:5432/stats", t.jdbcUrl());
        assertEquals("postgres", t.user());
    }

    @Test
    void shouldRefuseAnotherScheme() {
        System.setProperty("trade.db.url", "mysql://localhost/stats");
        StartupProblem e = assertThrows(StartupProblem.class, () -> DatabaseSettings.load().external());
        assertEquals("TRADE_DB_URL must look like postgresql://host:port/database, got scheme 'mysql'", e.getMessage());
    }

    @Test
    void shouldNameEnvironmentVariablesAfterKeys() {
        assertEquals("TRADE_DB_EMBEDDED_DATA_DIR", DatabaseSettings.envName("trade.db.embedded-data-dir"));
    }
}
