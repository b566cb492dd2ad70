package org.tradegateway.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An XLSX workbook written in the pieces a streamed answer is sent in: {@link #begin} gives the package's fixed
 * parts and the start of the data sheet, each {@link #row} the compressed bytes the compressor let go of, and
 * {@link #finish} the rest, with a second sheet "about" of label-value lines. Nothing but the current row and
 * the compressor's window is held. Cells are numbers or inline strings (no shared-string table to keep).
 */
public final class XlsxStream {
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String OFFICE = "application/vnd.openxmlformats-officedocument.";
    private static final String SHEET_TYPE = OFFICE + "spreadsheetml.worksheet+xml";
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The zip's output, taken away after each piece. */
    private static final class Drain extends ByteArrayOutputStream {
        byte[] take() {
            byte[] out = toByteArray();
            reset();
            return out;
        }
    }

    private final Drain drain = new Drain();
    private final ZipOutputStream zip = new ZipOutputStream(drain, StandardCharsets.UTF_8);
    private final StringBuilder row = new StringBuilder(512);
    /** The current row's number (from 1) and its next cell's column (from 0): cells carry their reference. */
    private int rowNumber = 1;
    private int column;

    /** The package up to the data sheet's first row: a header row of these names. */
    public byte[] begin(List<String> header) {
        try {
            entry("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                    + "content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-"
                    + "package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + OFFICE
                    + "spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/styles.xml\" ContentType=\"" + OFFICE + "spreadsheetml.styles+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"" + SHEET_TYPE + "\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"" + SHEET_TYPE + "\"/></Types>");
            entry("_rels/.rels", "<Relationships xmlns=\"" + RELS + "\"><Relationship Id=\"rId1\" Type=\"" + DOC_RELS
                    + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            entry("xl/workbook.xml", "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + DOC_RELS + "\"><sheets>"
                    + "<sheet name=\"data\" sheetId=\"1\" r:id=\"rId1\"/>"
                    + "<sheet name=\"about\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>");
            entry("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"" + RELS + "\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + DOC_RELS + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId2\" Type=\"" + DOC_RELS + "/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
                    + "<Relationship Id=\"rId3\" Type=\"" + DOC_RELS + "/styles\" Target=\"styles.xml\"/>"
                    + "</Relationships>");
            entry("xl/styles.xml", "<styleSheet xmlns=\"" + MAIN + "\"><fonts count=\"1\"><font/></fonts>"
                    + "<fills count=\"1\"><fill/></fills><borders count=\"1\"><border/></borders>"
                    + "<cellStyleXfs count=\"1\"><xf/></cellStyleXfs><cellXfs count=\"1\"><xf/></cellXfs>"
                    + "</styleSheet>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN
                    + "\"><sheetData>");
            for (String name : header) {
                text(name);
            }
            endRow();
            return drain.take();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A number cell of the current row. */
    public XlsxStream number(CharSequence value) {
        cell("").append("<v>").append(value).append("</v></c>");
        return this;
    }

    /** A text cell of the current row (characters XML cannot hold are left out). */
    public XlsxStream text(CharSequence value) {
        cell(" t=\"inlineStr\"").append("<is><t xml:space=\"preserve\">");
        escape(row, value);
        row.append("</t></is></c>");
        return this;
    }

    /** An empty cell of the current row. */
    public XlsxStream blank() {
        column++;
        return this;
    }

    /** Ends the current row; what the compressor gave out so far goes to {@code out}. */
    public void endRow(Utf8Builder out) {
        endRow();
        out.append(drain.take());
    }

    private StringBuilder cell(String type) {
        row.append("<c r=\"");
        reference(row, column++);
        return row.append(rowNumber).append('"').append(type).append('>');
    }

    /** A column's letters: 0 is A, 25 Z, 26 AA. */
    static void reference(StringBuilder out, int column) {
        if (column >= 26) {
            reference(out, column / 26 - 1);
        }
        out.append((char) ('A' + column % 26));
    }

    private void endRow() {
        row.insert(0, "<row r=\"" + rowNumber + "\">").append("</row>");
        write(row);
        row.setLength(0);
        rowNumber++;
        column = 0;
    }

    /** The rest of the package: the data sheet's end and the sheet "about" of these label-value lines. */
    public byte[] finish(List<String[]> about) {
        try {
            write("</sheetData></worksheet>");
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet2.xml"));
            rowNumber = 1;
            write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN
                    + "\"><sheetData>");
            for (String[] line : about) {
                for (String cell : line) {
                    text(cell);
                }
                endRow();
            }
            write("</sheetData></worksheet>");
            zip.closeEntry();
            zip.finish();
            return drain.take();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void entry(String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + xml);
        zip.closeEntry();
    }

    private void write(CharSequence xml) {
        try {
            zip.write(xml.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void escape(StringBuilder out, CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
    }
}
