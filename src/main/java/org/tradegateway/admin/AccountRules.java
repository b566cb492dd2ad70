package org.tradegateway.admin;

import java.util.ArrayList;
import java.util.List;
import org.tradegateway.limits.IpRange;

/**
 * The rules an account's settings follow, the same for the {@code accounts} command and for /admin/accounts: an
 * hourly quota above 0, a record cap between 1 and {@value #MAX_RECORDS_CEILING} (the largest answer the
 * gateway serves to anyone), IP ranges that parse as addresses or CIDR blocks. A broken rule is an
 * {@link IllegalArgumentException} naming the setting as the caller wrote it.
 */
public final class AccountRules {
    public static final int MAX_RECORDS_CEILING = 250_000;

    private AccountRules() {
    }

    public static int hourlyQuota(int quota, String setting) {
        if (quota < 1) {
            throw new IllegalArgumentException(setting + " must be above 0");
        }
        return quota;
    }

    public static int maxRecords(int max, String setting) {
        if (max < 1 || max > MAX_RECORDS_CEILING) {
            throw new IllegalArgumentException(setting + " must be between 1 and " + MAX_RECORDS_CEILING);
        }
        return max;
    }

    /** The ranges as stored (trimmed, comma separated; empty for none), each checked. */
    public static String ipRanges(List<String> ranges) {
        List<String> kept = new ArrayList<>();
        for (String range : ranges) {
            if (!range.isBlank()) {
                IpRange.parse(range);
                kept.add(range.trim());
            }
        }
        return String.join(",", kept);
    }

    /** Ranges as an operator types them: comma separated, or "none" (or nothing) for none. */
    public static String ipRanges(String text) {
        return text == null || text.isBlank() || text.trim().equalsIgnoreCase("none") ? ""
                : ipRanges(List.of(text.split(",")));
    }
}
