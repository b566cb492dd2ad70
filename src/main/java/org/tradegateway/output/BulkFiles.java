package org.tradegateway.output;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Names and paths of bulk files as the legacy API published them. */
public final class BulkFiles {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private BulkFiles() {
    }

    /** {@code type-C_r-251_ps-1994_freq-A_px-HS_pub-20020901_fmt-csv_ex-20150310.csv} */
    public static String name(char type, String reporter, int period, char freq, String px, LocalDate published,
                              LocalDate extracted) {
        return "type-" + type + "_r-" + reporter + "_ps-" + period + "_freq-" + freq + "_px-" + px + "_pub-"
                + DAY.format(published) + "_fmt-csv_ex-" + DAY.format(extracted) + ".csv";
    }

    public static String downloadUri(char type, char freq, int period, String reporter, String px) {
        return "/api/get/bulk/" + type + "/" + freq + "/" + period + "/" + reporter + "/" + px;
    }
}
