package org.tradegateway.refs;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Copies the shipped reference files into their tables when the database holds another version of them
 * (compared by checksum), so that every gateway version serves the lists it was built with.
 */
public final class ReferenceLoader {
    private static final Logger LOG = Logger.getLogger(ReferenceLoader.class);

    private record Table(String file, String copy) {
    }

    private static final List<Table> TABLES = List.of(
            new Table(ReferenceFiles.AREAS, "COPY area_load (code, name, iso3, iso2, is_group, is_reporter,"
                    + " is_partner, entry_year, exit_year) FROM STDIN WITH (FORMAT csv, HEADER true,"
                    + " FORCE_NOT_NULL (iso3, iso2))"),
            new Table(ReferenceFiles.CLASSIFICATIONS, "COPY classification (classification, code, description, parent,"
                    + " aggr_level, is_leaf, std_unit, text) FROM STDIN WITH (FORMAT csv, HEADER true)"),
            new Table(ReferenceFiles.QUANTITY_UNITS, "COPY quantity_unit (code, description) FROM STDIN WITH"
                    + " (FORMAT csv, HEADER true)"),
            new Table(ReferenceFiles.TRADE_REGIMES, "COPY trade_regime (code, description) FROM STDIN WITH"
                    + " (FORMAT csv, HEADER true)"));

    /** New codes are added, known ones updated; a name that a legacy import set is kept. */
    private static final String AREA_MERGE = "INSERT INTO area SELECT * FROM area_load ON CONFLICT (code) DO UPDATE"
            + " SET name = CASE WHEN area.named_by_import THEN area.name ELSE excluded.name END,"
            + " iso3 = CASE WHEN area.named_by_import THEN area.iso3 ELSE excluded.iso3 END, iso2 = excluded.iso2,"
            + " is_group = excluded.is_group, is_reporter = excluded.is_reporter, is_partner = excluded.is_partner,"
            + " entry_year = excluded.entry_year, exit_year = excluded.exit_year";

    private ReferenceLoader() {
    }

    /** Loads every reference table whose file changed; returns how many tables were (re)loaded. */
    public static int loadIfChanged(Connection connection) throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        int loaded = 0;
        try {
            try (Statement st = connection.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(727002)");
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (Table table : TABLES) {
                String checksum = checksum(table.file());
                if (checksum.equals(storedChecksum(connection, table.file()))) {
                    continue;
                }
                String tableName = table.copy().split(" ")[1];
                try (Statement st = connection.createStatement()) {
                    if (tableName.equals("area_load")) {
                        st.execute("CREATE TEMP TABLE area_load (LIKE area INCLUDING DEFAULTS) ON COMMIT DROP");
                    } else {
                        // DELETE rather than TRUNCATE: readers keep seeing the old rows until this commits.
                        st.execute("DELETE FROM " + tableName);
                    }
                }
                try (InputStream in = ReferenceFiles.open(table.file())) {
                    copy.copyIn(table.copy(), in);
                }
                if (tableName.equals("area_load")) {
                    try (Statement st = connection.createStatement()) {
                        st.execute(AREA_MERGE);
                    }
                }
                try (PreparedStatement ps = connection.prepareStatement("INSERT INTO reference_version (name, checksum)"
                        + " VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET checksum = excluded.checksum,"
                        + " loaded_at = now()")) {
                    ps.setString(1, table.file());
                    ps.setString(2, checksum);
                    ps.executeUpdate();
                }
                loaded++;
                LOG.infof("reference table %s loaded from reference/%s", tableName.replace("_load", ""), table.file());
            }
            connection.commit();
            return loaded;
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String storedChecksum(Connection connection, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT checksum FROM reference_version WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static String checksum(String file) throws IOException {
        try (InputStream in = ReferenceFiles.open(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
