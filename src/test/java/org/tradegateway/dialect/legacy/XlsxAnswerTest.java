package org.tradegateway.dialect.legacy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradegateway.ingest.synthetic.GeneratorSource;
import org.tradegateway.ingest.synthetic.GeneratorSource.GeneratorSettings;
import org.tradegateway.refs.Classification;
import org.tradegateway.support.Imports;

/**
 * {@code fmt=xlsx}: the same cells as the CSV answer of the same query, read back with a spreadsheet reader,
 * numbers as number cells and commodity codes as text, for an answer sent whole and one streamed through a
 * cursor; an empty answer is its header; a refusal stays the JSON validation block.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XlsxAnswerTest {
    private static final String SMALL = "/api/get?r=392&p=all&ps=2053&px=H3&rg=1,2&cc=TOTAL,01,0101";
    private static final String LARGE = "/api/get?r=all&p=0&ps=2053&px=H3&rg=2&cc=AG2&max=100000";

    @BeforeAll
    void load() throws Exception {
        Imports.load(new GeneratorSource(new GeneratorSettings(2053, 2053, 20_000, Classification.H3, 9)));
    }

    @AfterAll
    void drop() throws Exception {
        Imports.dropNamed("synthetic-H3-2053");
    }

    /** RFC 4180 lines (the test's own reading, not the gateway's). */
    private static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\r\n")) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = !quoted;
                    }
                } else if (c == ',' && !quoted) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            rows.add(cells);
        }
        return rows;
    }

    private static void assertSameCells(String query) throws Exception {
        List<List<String>> expected = csv(given().get(query + "&fmt=csv").then().statusCode(200).extract().asString());
        Response xlsx = given().get(query + "&fmt=xlsx");
        assertEquals(200, xlsx.statusCode());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.contentType());
        assertEquals("attachment; filename=\"comtrade.xlsx\"", xlsx.header("Content-Disposition"));
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
            List<Sheet> sheets = book.getSheets().toList();
            assertEquals(List.of("data", "about"), sheets.stream().map(Sheet::getName).toList());
            List<Row> rows = sheets.get(0).read();
            assertEquals(expected.size(), rows.size(), query);
            List<String> header = expected.get(0);
            int value = header.indexOf("Trade Value (US$)");
            int code = header.indexOf("Commodity Code");
            for (int r = 0; r < rows.size(); r++) {
                List<String> want = expected.get(r);
                for (int c = 0; c < want.size(); c++) {
                    Cell cell = rows.get(r).getCell(c);
                    String text = cell == null || cell.getType() == CellType.EMPTY ? "" : cell.getText();
                    if (r > 0 && c == value) {
                        assertEquals(CellType.NUMBER, cell.getType());
                        assertEquals(0, new BigDecimal(want.get(c)).compareTo(cell.asNumber()), want.get(c));
                    } else {
                        assertEquals(want.get(c), text, "row " + r + " column " + header.get(c));
                    }
                    if (r > 0 && c == code) {
                        assertEquals(CellType.STRING, cell.getType(), text);
                    }
                }
            }
            assertTrue(sheets.get(1).read().get(0).getCellText(1).contains("/api/get"));
        }
    }

    @Test
    void shouldGiveTheCsvAnswersCellsInAWorkbook() throws Exception {
        assertTrue(given().get(SMALL).jsonPath().getInt("validation.count.value") > 100);
        assertSameCells(SMALL);
    }

    @Test
    void shouldStreamALargeAnswerAsAWorkbook() throws Exception {
        int count = given().get(LARGE).jsonPath().getInt("validation.count.value");
        assertTrue(count > 1_000, "rows: " + count);
        assertSameCells(LARGE);
    }

    @Test
    void shouldGiveAnEmptyAnswerItsHeaderAndARefusalItsValidationBlock() throws Exception {
        Response empty = given().get("/api/get?r=392&p=4&ps=1962&px=H3&cc=TOTAL&fmt=xlsx");
        assertEquals(200, empty.statusCode());
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(empty.asByteArray()))) {
            List<Row> rows = book.getFirstSheet().read();
            assertEquals(1, rows.size());
            assertEquals("Classification", rows.get(0).getCellText(0));
        }
        given().get("/api/get?r=all&p=all&ps=2053&fmt=xlsx").then().statusCode(200)
                .contentType("application/json; charset=utf-8").header("Content-Disposition", (String) null)
                .body("validation.status.value", org.hamcrest.Matchers.equalTo(5002));
    }
}
