package org.tradegateway.dialect.legacy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Names and paths of bulk files as the legacy API published them: the download is
 * {@code type-C_r-251_ps-1994_freq-A_px-HS_pub-20020901_fmt-csv_ex-20150310.zip}, holding one CSV of the same name
 * ending in {@code .csv}.
 */
public final class BulkFiles {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private BulkFiles() {
    }

    /** The name of the download, as the listing gives it and as Content-Disposition sends it. */
    public static String zipName(char type, String reporter, int period, char freq, String px, LocalDate published,
                                 LocalDate extracted) {
        return stem(type, reporter, period, freq, px, published, extracted) + ".zip";
    }

    /** The name of the CSV inside the download. */
    public static String csvName(char type, String reporter, int period, char freq, String px, LocalDate published,
                                 LocalDate extracted) {
        return stem(type, reporter, period, freq, px, published, extracted) + ".csv";
    }

    private static String stem(char type, String reporter, int period, char freq, String px, LocalDate published,
                               LocalDate extracted) {
        return "type-" + type + "_r-" + reporter + "_ps-" + period + "_freq-" + freq + "_px-" + px + "_pub-"
                + DAY.format(published) + "_fmt-csv_ex-" + DAY.format(extracted);
    }

    public static String downloadUri(char type, char freq, int period, String reporter, String px) {
        return "/api/get/bulk/" + type + "/" + freq + "/" + period + "/" + reporter + "/" + px;
    }

    /** The word the listings use for a trade type: COMMODITIES or SERVICES. */
    public static String typeWord(char type) {
        return type == 'S' ? "SERVICES" : "COMMODITIES";
    }

    /** The word the listings use for a frequency: ANNUAL or MONTHLY. */
    public static String freqWord(char freq) {
        return freq == 'M' ? "MONTHLY" : "ANNUAL";
    }
}
