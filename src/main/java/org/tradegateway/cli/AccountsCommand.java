package org.tradegateway.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.tradegateway.admin.AccountRules;
import org.tradegateway.ingest.ImportFailure;
import org.tradegateway.limits.Tokens;

/**
 * {@code accounts create|list|show|disable|enable|token-add|token-revoke|set-quota|set-ips}: account
 * administration. A token is printed once, when it is made; the database keeps only its hash.
 */
final class AccountsCommand {
    private final Arguments arguments;
    private final PrintStream out;

    AccountsCommand(Arguments arguments, PrintStream out) {
        this.arguments = arguments;
        this.out = out;
    }

    CommandLine.Body body() {
        String action = arguments.positional(0, "action (create, list, show, disable, enable, token-add,"
                + " token-revoke, set-quota, set-ips)");
        return switch (action) {
            case "create" -> create();
            case "list" -> this::list;
            case "show" -> connection -> show(connection, name());
            case "disable", "enable" -> connection -> {
                update(connection, "UPDATE account SET active = ? WHERE name = ?", action.equals("enable"));
                out.printf("account %s %sd%n", name(), action);
                return 0;
            };
            case "token-add" -> connection -> {
                String token = addToken(connection, accountId(connection, name()));
                out.printf("token for %s (shown once, keep it): %s%n", name(), token);
                return 0;
            };
            case "token-revoke" -> connection -> revoke(connection);
            case "set-quota" -> setQuota(
                    AccountRules.hourlyQuota(number(arguments.positional(2, "hourly quota"), "hourly quota"),
                            "hourly quota"), max());
            case "set-ips" -> setIps(AccountRules.ipRanges(arguments.positional(2,
                    "IP ranges (CIDR, comma separated, or none)")));
            default -> throw new IllegalArgumentException("unknown accounts action '" + action + "'");
        };
    }

    private CommandLine.Body setQuota(int quota, Integer max) {
        return connection -> {
            try (PreparedStatement ps = connection.prepareStatement("UPDATE account SET hourly_quota = ?,"
                    + " max_records = coalesce(?, max_records) WHERE name = ?")) {
                ps.setInt(1, quota);
                ps.setObject(2, max);
                ps.setString(3, name());
                requireOne(ps.executeUpdate());
            }
            out.printf("account %s: %d requests an hour%n", name(), quota);
            return 0;
        };
    }

    private CommandLine.Body setIps(String ranges) {
        return connection -> {
            try (PreparedStatement ps = connection.prepareStatement("UPDATE account SET ip_ranges = ? WHERE"
                    + " name = ?")) {
                ps.setString(1, ranges);
                ps.setString(2, name());
                requireOne(ps.executeUpdate());
            }
            out.printf("account %s: IP ranges %s%n", name(), ranges.isEmpty() ? "none" : ranges);
            return 0;
        };
    }

    private String name() {
        return arguments.positional(1, "account name");
    }

    private CommandLine.Body create() {
        String name = name();
        String ranges = AccountRules.ipRanges(arguments.option("ips", ""));
        Integer quota = arguments.option("quota", null) == null ? null
                : AccountRules.hourlyQuota(number(arguments.option("quota", null), "quota"), "--quota");
        Integer max = max();
        return connection -> {
            long id;
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO account (name, email, hourly_quota,"
                    + " max_records, ip_ranges) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
                ps.setString(1, name);
                ps.setString(2, arguments.option("email", ""));
                ps.setObject(3, quota);
                ps.setObject(4, max);
                ps.setString(5, ranges);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    throw new ImportFailure("an account named " + name + " exists already");
                }
                throw e;
            }
            String token = addToken(connection, id);
            out.printf("account %s created; its token (shown once, keep it): %s%n", name, token);
            return 0;
        };
    }

    private int list(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT a.name, a.email, a.active, a.hourly_quota,"
                + " a.max_records, a.ip_ranges, count(t.id) FILTER (WHERE t.revoked_at IS NULL), a.last_used_at"
                + " FROM account a LEFT JOIN account_token t ON t.account_id = a.id GROUP BY a.id ORDER BY a.name");
             ResultSet rs = ps.executeQuery()) {
            out.printf("%-20s %-28s %-8s %10s %10s %6s  %s%n", "name", "email", "active", "quota/h", "max", "tokens",
                    "ip ranges");
            while (rs.next()) {
                out.printf("%-20s %-28s %-8s %10s %10s %6d  %s%n", rs.getString(1), rs.getString(2),
                        rs.getBoolean(3) ? "yes" : "no", rs.getObject(4) == null ? "default" : rs.getInt(4),
                        rs.getObject(5) == null ? "default" : rs.getInt(5), rs.getLong(7), rs.getString(6));
            }
        }
        return 0;
    }

    private int show(Connection connection, String name) throws SQLException {
        long id = accountId(connection, name);
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, created_at, revoked_at FROM account_token"
                + " WHERE account_id = ? ORDER BY id")) {
            ps.setLong(1, id);
            list(connection);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.printf("token #%d created %s%s%n", rs.getLong(1), rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3) == null ? "" : ", revoked " + rs.getTimestamp(3).toInstant());
                }
            }
        }
        return 0;
    }

    private int revoke(Connection connection) throws SQLException {
        String which = arguments.positional(2, "token number (see accounts show) or the token itself");
        String sql = which.matches("#?[0-9]+")
                ? "UPDATE account_token SET revoked_at = now() WHERE id = ? AND account_id = ? AND revoked_at IS NULL"
                : "UPDATE account_token SET revoked_at = now() WHERE token_hash = ? AND account_id = ?"
                + " AND revoked_at IS NULL";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (which.matches("#?[0-9]+")) {
                ps.setLong(1, Long.parseLong(which.replace("#", "")));
            } else {
                ps.setString(1, Tokens.hash(which));
            }
            ps.setLong(2, accountId(connection, name()));
            requireOne(ps.executeUpdate());
        }
        out.printf("token revoked for %s%n", name());
        return 0;
    }

    private static String addToken(Connection connection, long accountId) throws SQLException {
        String token = Tokens.newToken();
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO account_token (account_id, token_hash)"
                + " VALUES (?, ?)")) {
            ps.setLong(1, accountId);
            ps.setString(2, Tokens.hash(token));
            ps.executeUpdate();
        }
        return token;
    }

    private static long accountId(Connection connection, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM account WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ImportFailure("there is no account named " + name + " (see `accounts list`)");
                }
                return rs.getLong(1);
            }
        }
    }

    private void update(Connection connection, String sql, boolean value) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setBoolean(1, value);
            ps.setString(2, name());
            requireOne(ps.executeUpdate());
        }
    }

    private void requireOne(int updated) {
        if (updated != 1) {
            throw new ImportFailure("nothing changed: no such account or token (see `accounts show " + name() + "`)");
        }
    }

    /** The --max option, checked, or null when absent. */
    private Integer max() {
        String max = arguments.option("max", null);
        return max == null ? null : AccountRules.maxRecords(number(max, "max"), "--max");
    }

    private static int number(String text, String what) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number above 0, got '" + text + "'");
        }
    }
}
