package org.tradegateway.support;

import java.sql.Connection;
import org.tradegateway.ingest.FactLoader;
import org.tradegateway.ingest.ImportResult;
import org.tradegateway.ingest.ImportSource;
import org.tradegateway.ingest.Progress;

/** Runs an import against the test database, as the command line does. */
public final class Imports {
    private Imports() {
    }

    public static ImportResult load(ImportSource source) throws Exception {
        try (Connection c = TestDatabase.connect()) {
            return new FactLoader(c).load(source, Progress.silent());
        }
    }

    /** Removes every dataset whose name starts with the prefix, so that tests do not see each other's data. */
    public static void dropNamed(String namePrefix) throws Exception {
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false);
            FactLoader loader = new FactLoader(c);
            try (var ps = c.prepareStatement("SELECT id FROM dataset WHERE name LIKE ?")) {
                ps.setString(1, namePrefix + "%");
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        loader.dropDataset(rs.getInt(1));
                    }
                }
            }
            c.commit();
        }
    }
}
