package org.tradegateway.dialect.legacy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.tradegateway.core.FactRecord;
import org.tradegateway.output.RowEncoder;
import org.tradegateway.output.Utf8Builder;
import org.tradegateway.output.XlsxStream;

/**
 * {@code fmt=xlsx} (the gateway's own, for people who open answers in a spreadsheet): the CSV answer's columns
 * and values (same {@code head} and {@code IMTS}) as an XLSX workbook streamed row by row, codes and values that
 * are numbers as number cells (commodity codes stay text: {@code 0101}), and a sheet "about" saying what the
 * answer is. Each row is the CSV writer's row read back into cells, so the two formats cannot drift apart.
 */
final class XlsxAnswerWriter implements RowEncoder {
    private static final Set<Field> NUMBERS = EnumSet.of(Field.YR, Field.PERIOD, Field.AGGR_LEVEL, Field.IS_LEAF,
            Field.RG_CODE, Field.RT_CODE, Field.PT_CODE, Field.PT_CODE2, Field.QT_CODE, Field.QT_ALT_CODE,
            Field.TRADE_QUANTITY, Field.ALT_QUANTITY, Field.NET_WEIGHT, Field.GROSS_WEIGHT, Field.TRADE_VALUE,
            Field.CIF_VALUE, Field.FOB_VALUE, Field.EST_CODE);
    private static final List<String[]> ABOUT = List.<String[]>of(
            new String[] {"What", "Records of the legacy UN Comtrade query (/api/get) answered by this gateway"},
            new String[] {"Values", "Trade values in current US dollars; weights in kilograms"},
            new String[] {"Source", "The datasets this gateway's operator loaded: see /llms.txt for their sources,"
                    + " versions and licences"});
    private final CsvAnswerWriter csv;
    private final boolean[] numeric;
    private final XlsxStream xlsx = new XlsxStream();
    private final List<String> cells = new ArrayList<>(40);

    XlsxAnswerWriter(CsvAnswerWriter csv) {
        this.csv = csv;
        List<Field> columns = csv.columns();
        numeric = new boolean[columns.size()];
        for (int i = 0; i < numeric.length; i++) {
            numeric[i] = NUMBERS.contains(columns.get(i));
        }
    }

    @Override
    public byte[] head(Timing timing) {
        return xlsx.begin(csv.headings());
    }

    @Override
    public void row(Utf8Builder sb, FactRecord record) {
        Utf8Builder line = new Utf8Builder(512);
        csv.row(line, record);
        split(line.toString(), cells);
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell.isEmpty()) {
                xlsx.blank();
            } else if (i < numeric.length && numeric[i]) {
                xlsx.number(cell);
            } else {
                xlsx.text(cell);
            }
        }
        xlsx.endRow(sb);
    }

    @Override
    public byte[] tail() {
        return xlsx.finish(ABOUT);
    }

    @Override
    public byte[] empty(Timing timing) {
        byte[] head = xlsx.begin(csv.headings());
        byte[] tail = xlsx.finish(ABOUT);
        byte[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    @Override
    public int rowBytes() {
        return 120;
    }

    /** One CSV line (RFC 4180, ending in CRLF) as its cells. */
    static void split(String line, List<String> into) {
        into.clear();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int end = line.endsWith("\r\n") ? line.length() - 2 : line.length();
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < end && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                into.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        into.add(cell.toString());
    }
}
