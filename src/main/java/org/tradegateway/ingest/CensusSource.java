package org.tradegateway.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tradegateway.core.Flow;
import org.tradegateway.core.Period;
import org.tradegateway.refs.Area;
import org.tradegateway.refs.Classification;
import org.tradegateway.refs.ReferenceData;
import org.tradegateway.refs.ScheduleC;

/**
 * A saved answer of the Census International Trade API ({@code exports/hs} or {@code imports/hs}): the JSON array
 * of arrays, header first. Needs {@code CTY_CODE}, a month ({@code time}, or {@code YEAR} and {@code MONTH}) and a
 * value ({@code ALL_VAL_MO} for exports, {@code GEN_VAL_MO} or {@code CON_VAL_MO} for imports); reads the commodity
 * ({@code E_COMMODITY} or {@code I_COMMODITY}, else the total) and the first quantity with its unit when present.
 * Each Schedule C country becomes the gateway's area of the same ISO code, the total ({@code -}) the World partner;
 * grouping rows (sums of countries the file already holds), 10-digit codes and suppressed values are skipped and
 * counted. The HS revision is the one in force in the data's year unless {@code --classification} says otherwise.
 */
public final class CensusSource extends FileSource {
    public static final String LICENCE = "U.S. Census Bureau International Trade API, public domain (CC0)";
    private static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("KG", 8), Map.entry("NO", 5),
            Map.entry("PRS", 6), Map.entry("L", 7), Map.entry("M2", 2), Map.entry("M3", 12), Map.entry("THS", 9),
            Map.entry("DOZ", 11), Map.entry("CAR", 13), Map.entry("M", 4), Map.entry("T", 21), Map.entry("KM", 14),
            Map.entry("G", 15), Map.entry("BBL", 19), Map.entry("KWH", 22), Map.entry("HD", 24));
    private final Classification override;
    private final int reporter;
    private long skipped;

    public CensusSource(Path file, Classification override, int reporter) {
        super(file);
        this.override = override;
        this.reporter = reporter;
        if (override != null && (!override.isHarmonizedSystem() || !override.isStoredRevision())) {
            throw new ImportFailure("Census answers are in an HS revision (H0 to H6), not " + override);
        }
    }

    /** Rows left out: groupings, 10-digit codes, suppressed values. */
    public long skipped() {
        return skipped;
    }

    @Override
    public DatasetInfo dataset() {
        return new DatasetInfo("census", file.getFileName().toString(), "", LICENCE, false, null);
    }

    @Override
    public Shape shape() {
        return Shape.RECORDS;
    }

    /** The column indexes of one answer's header. */
    private record Columns(int country, int time, int year, int month, int value, int commodity, int quantity,
                           int unit, Flow flow) {
        static Columns of(List<String> header, String name) {
            int exports = header.indexOf("ALL_VAL_MO");
            int general = header.indexOf("GEN_VAL_MO");
            int imports = general >= 0 ? general : header.indexOf("CON_VAL_MO");
            if (exports < 0 && imports < 0) {
                throw new MalformedInputException(name + ":1: no value column: ALL_VAL_MO (exports), GEN_VAL_MO or"
                        + " CON_VAL_MO (imports)");
            }
            Flow flow = exports >= 0 ? Flow.EXPORT : Flow.IMPORT;
            int country = header.indexOf("CTY_CODE");
            if (country < 0) {
                throw new MalformedInputException(name + ":1: no CTY_CODE column");
            }
            int time = header.indexOf("time");
            int year = header.indexOf("YEAR");
            int month = header.indexOf("MONTH");
            if (time < 0 && (year < 0 || month < 0)) {
                throw new MalformedInputException(name + ":1: no month: a time column, or YEAR and MONTH");
            }
            int commodity = header.indexOf(flow == Flow.EXPORT ? "E_COMMODITY" : "I_COMMODITY");
            int quantity = header.indexOf(flow == Flow.EXPORT ? "QTY_1_MO" : "GEN_QY1_MO");
            return new Columns(country, time, year, month, exports >= 0 ? exports : imports, commodity, quantity,
                    header.indexOf("UNIT_QY1"), flow);
        }
    }

    @Override
    public void writeTo(StageWriter writer) throws IOException {
        String name = file.getFileName().toString();
        ScheduleC countries = ScheduleC.shipped();
        ReferenceData refs = ReferenceData.get();
        try (InputStream in = Files.newInputStream(file);
             JsonParser parser = new JsonFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY || parser.nextToken() != JsonToken.START_ARRAY) {
                throw new MalformedInputException(name + ":1: not a Census API answer (an array of arrays)");
            }
            Columns columns = Columns.of(row(parser, name), name);
            FactRow row = new FactRow();
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                int line = parser.currentLocation().getLineNr();
                List<String> values = row(parser, name);
                try {
                    if (fill(row, values, columns, countries, refs)) {
                        writer.record(row);
                    } else {
                        skipped++;
                    }
                } catch (MalformedInputException | IndexOutOfBoundsException e) {
                    throw new MalformedInputException(name + ":" + line + ": " + e.getMessage());
                }
            }
        } catch (JsonProcessingException e) {
            throw new MalformedInputException(name + ":" + e.getLocation().getLineNr() + ": invalid JSON: "
                    + MalformedInputException.quote(e.getOriginalMessage()));
        }
    }

    /** One row of strings (a null stays null); the parser stands on its opening bracket. */
    private static List<String> row(JsonParser parser, String name) throws IOException {
        List<String> values = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null || token.isStructStart()) {
                throw new MalformedInputException(name + ":" + parser.currentLocation().getLineNr()
                        + ": a row holds something other than values");
            }
            values.add(token == JsonToken.VALUE_NULL ? null : parser.getText());
        }
        return values;
    }

    /** Fills the record of one row; false for a row that is not stored (a grouping, 10 digits, suppressed). */
    private boolean fill(FactRow row, List<String> v, Columns c, ScheduleC countries, ReferenceData refs) {
        row.clear();
        String country = v.get(c.country());
        if (country == null) {
            throw new MalformedInputException("CTY_CODE is empty");
        }
        if (country.equals(ScheduleC.TOTAL_CODE)) {
            row.partner = 0;
        } else {
            ScheduleC.Country known = countries.country(country);
            if (known == null || known.areas().isEmpty()) {
                return false; // a grouping (or a code no area stands for): its members are rows of their own
            }
            row.partner = preferred(known.areas(), refs);
        }
        String value = v.get(c.value());
        if (value == null || value.equals("(D)") || value.equals("-") || value.isBlank()) {
            return false;
        }
        row.tradeValue = Numbers.decimal(value, "value");
        String commodity = c.commodity() < 0 ? null : v.get(c.commodity());
        if (commodity == null || commodity.equals("-") || commodity.isBlank()) {
            row.commodity = "TOTAL";
            row.aggrLevel = 0;
        } else {
            if (!commodity.chars().allMatch(Character::isDigit) || commodity.length() % 2 == 1) {
                throw new MalformedInputException("commodity '" + MalformedInputException.quote(commodity)
                        + "' is not an HS code");
            }
            if (commodity.length() > 6) {
                return false;
            }
            row.commodity = commodity;
            row.aggrLevel = commodity.length();
            row.leaf = commodity.length() == 6;
        }
        row.period = period(v, c);
        row.freq = 'M';
        row.px = (override != null ? override : revision(Period.year(row.period))).name();
        row.reporter = reporter;
        row.flow = c.flow().code();
        Integer unit = c.unit() < 0 || v.get(c.unit()) == null ? null : UNITS.get(v.get(c.unit()));
        String quantity = c.quantity() < 0 ? null : v.get(c.quantity());
        if (unit != null && quantity != null && !quantity.isBlank() && !quantity.equals("(D)")) {
            row.qtCode = unit;
            row.tradeQuantity = Numbers.decimal(quantity, "quantity");
            if (unit == 8) {
                row.netWeight = row.tradeQuantity;
            }
        }
        return true;
    }

    private static int period(List<String> v, Columns c) {
        String year;
        String month;
        if (c.time() >= 0 && v.get(c.time()) != null && v.get(c.time()).matches("\\d{4}-\\d{2}")) {
            year = v.get(c.time()).substring(0, 4);
            month = v.get(c.time()).substring(5);
        } else if (c.year() >= 0 && c.month() >= 0) {
            year = v.get(c.year());
            month = v.get(c.month());
        } else {
            throw new MalformedInputException("time '" + MalformedInputException.quote(String.valueOf(v.get(c.time())))
                    + "' is not a month (YYYY-MM)");
        }
        int y = Numbers.integer(year, "year");
        int m = Numbers.integer(month, "month");
        if (y < 1900 || y > 2100 || m < 1 || m > 12) {
            throw new MalformedInputException("month " + year + "-" + month + " is not a month");
        }
        return Period.ofMonth(y, m);
    }

    /** The area standing for a country: the current reporter among them (842 rather than 841), else the first. */
    private static int preferred(List<Integer> areas, ReferenceData refs) {
        for (int area : areas) {
            Area a = refs.area(area).orElse(null);
            if (a != null && a.reporter() && a.exitYear() == null) {
                return area;
            }
        }
        return areas.get(0);
    }

    /** The HS revision in force in a year (HS 2022 from 2022, HS 2017 from 2017, ...). */
    static Classification revision(int year) {
        if (year >= 2022) {
            return Classification.H6;
        } else if (year >= 2017) {
            return Classification.H5;
        } else if (year >= 2012) {
            return Classification.H4;
        } else if (year >= 2007) {
            return Classification.H3;
        } else if (year >= 2002) {
            return Classification.H2;
        } else if (year >= 1996) {
            return Classification.H1;
        }
        return Classification.H0;
    }
}
