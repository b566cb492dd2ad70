package org.tradegateway.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.tradegateway.limits.Tokens;

/** Creates accounts and tokens straight in the test database. */
public final class Accounts {
    private Accounts() {
    }

    /** Creates an account and returns a new token of it. */
    public static String create(String name, Integer quota, Integer max, String ipRanges) throws Exception {
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO account"
                + " (name, hourly_quota, max_records, ip_ranges) VALUES (?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, name);
            ps.setObject(2, quota);
            ps.setObject(3, max);
            ps.setString(4, ipRanges);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String token = Tokens.newToken();
                try (PreparedStatement t = c.prepareStatement("INSERT INTO account_token (account_id, token_hash)"
                        + " VALUES (?, ?)")) {
                    t.setLong(1, rs.getLong(1));
                    t.setString(2, Tokens.hash(token));
                    t.executeUpdate();
                }
                return token;
            }
        }
    }

    public static void deleteAll() throws Exception {
        Sql.execute("DELETE FROM account");
        Thread.sleep(300);
    }
}
