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
            return new FactLoader(c, TestDatabase::connect).load(source, Progress.silent());
        }
    }

    /**
     * Imports the real BACI sample of the shared folder (HS 2017, 2017, reporters 4, 12 and 36) from a copy in
     * {@code dir} under its release name; drop it with {@code dropNamed("BACI_HS17")}.
     */
    public static ImportResult baciSample(java.nio.file.Path dir) throws Exception {
        return load(new org.tradegateway.ingest.BaciSource(baciSampleFile(dir), null));
    }

    /** The real BACI sample copied into {@code dir} under its release name, to import. */
    public static java.nio.file.Path baciSampleFile(java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("BACI_HS17_Y2017_V202301.csv");
        java.nio.file.Files.copy(SharedData.path("data/samples/baci/baci_HS17_V202301_Y2017_head.csv"), file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /**
     * Gives every area its shipped name again, as the reference loader does when no import named it: a legacy
     * import's names stay after its dataset is dropped, so a test that compares names with the shipped lists starts
     * from here (and loads data of its own afterwards, so that the names are read again).
     */
    public static void shippedAreaNames() throws Exception {
        try (Connection c = TestDatabase.connect(); java.sql.Statement st = c.createStatement()) {
            st.execute("UPDATE area SET named_by_import = false");
            st.execute("DELETE FROM reference_version WHERE name = 'areas.csv'");
            org.tradegateway.refs.ReferenceLoader.loadIfChanged(c);
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
