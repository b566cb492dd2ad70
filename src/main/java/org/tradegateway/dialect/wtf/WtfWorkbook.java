package org.tradegateway.dialect.wtf;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A view's records as an XLSX workbook, written row by row straight to the response (fastexcel: nothing but the
 * current row and the compressor's window is held): a sheet of the records with a header of their keys, numbers
 * as numbers, and a sheet "about" giving the source, licence, dataset version, revision and caveats.
 */
final class WtfWorkbook {
    private WtfWorkbook() {
    }

    static void write(HttpServerResponse response, JsonNode records, JsonNode meta) throws IOException {
        try (OutputStream out = new BufferedOutputStream(new ResponseStream(response), 1 << 16)) {
            Workbook workbook = new Workbook(out, "Trade Gateway", "1.0");
            Worksheet data = workbook.newWorksheet("data");
            List<String> keys = new ArrayList<>();
            if (records.size() > 0) {
                records.get(0).fieldNames().forEachRemaining(keys::add);
            }
            for (int c = 0; c < keys.size(); c++) {
                data.value(0, c, keys.get(c));
            }
            int row = 1;
            for (JsonNode r : records) {
                for (int c = 0; c < keys.size(); c++) {
                    JsonNode v = r.get(keys.get(c));
                    if (v == null || v.isNull()) {
                        continue;
                    }
                    if (v.isNumber()) {
                        data.value(row, c, v.numberValue());
                    } else {
                        data.value(row, c, v.asText());
                    }
                }
                data.flush(); // the row goes out now, not with the sheet
                row++;
            }
            data.finish();
            Worksheet about = workbook.newWorksheet("about");
            int line = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = meta.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                about.value(line, 0, e.getKey());
                about.value(line++, 1, e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
            }
            line++;
            for (String caveat : CAVEATS) {
                about.value(line++, 0, caveat);
            }
            about.finish();
            workbook.finish();
        }
    }

    static final List<String> CAVEATS = List.of(
            "Values are current US dollars, not adjusted for inflation; shares are fractions of 0 to 1.",
            "Merchandise goods only: services are not included.",
            "BACI-like data is reconciled from both sides' declarations (mirror data): a flow can differ from what"
                    + " one country's customs office published.",
            "Cite the source named above (CEPII BACI: Gaulier and Zignago 2010, CEPII Working Paper 2010-23) and"
                    + " this gateway as the immediate source.");

    /** Hands what the workbook writes to the response as it comes. */
    private static final class ResponseStream extends OutputStream {
        private final HttpServerResponse response;

        ResponseStream(HttpServerResponse response) {
            this.response = response;
        }

        @Override
        public void write(int b) {
            response.write(Buffer.buffer(new byte[] {(byte) b}));
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (len > 0) {
                response.write(Buffer.buffer(java.util.Arrays.copyOfRange(b, off, off + len)));
            }
        }
    }
}
