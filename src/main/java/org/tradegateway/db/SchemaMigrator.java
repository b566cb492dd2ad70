package org.tradegateway.db;

import org.flywaydb.core.Flyway;

/** Applies the versioned migrations under db/migration (used by the command line; the server uses quarkus-flyway). */
public final class SchemaMigrator {
    private SchemaMigrator() {
    }

    public static void migrate(DatabaseTarget target) {
        Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(target.jdbcUrl(), target.user(), target.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
