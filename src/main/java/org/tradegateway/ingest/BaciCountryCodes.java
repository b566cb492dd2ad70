package org.tradegateway.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The {@code country_codes} file of a BACI release, in either layout: before 2024
 * {@code country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha}, since then
 * {@code country_code,country_name,country_iso2,country_iso3}. Names of codes the reference list lacks are kept.
 */
final class BaciCountryCodes {
    private BaciCountryCodes() {
    }

    static void read(InputStream in, String name, StageWriter writer) throws IOException {
        CsvReader csv = new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8), ',');
        String[] header = csv.next(name);
        if (header == null) {
            return;
        }
        int code = -1;
        int label = -1;
        int iso3 = -1;
        for (int i = 0; i < header.length; i++) {
            switch (header[i].trim().toLowerCase(Locale.ROOT)) {
                case "country_code" -> code = i;
                case "country_name_abbreviation", "country_name" -> label = i;
                case "iso_3digit_alpha", "country_iso3" -> iso3 = i;
                default -> { }
            }
        }
        if (code < 0 || label < 0) {
            throw new MalformedInputException(name + ":1: not a BACI country_codes header: " + String.join(",", header));
        }
        String[] row;
        while ((row = csv.next(name)) != null) {
            if (row.length <= Math.max(code, label)) {
                continue;
            }
            try {
                writer.area(Integer.parseInt(row[code].trim()), row[label], iso3 >= 0 && iso3 < row.length
                        && !row[iso3].equals("N/A") ? row[iso3] : "");
            } catch (NumberFormatException e) {
                throw new MalformedInputException(name + ":" + csv.recordLine() + ": country_code '"
                        + MalformedInputException.quote(row[code]) + "' is not a number");
            }
        }
    }
}
