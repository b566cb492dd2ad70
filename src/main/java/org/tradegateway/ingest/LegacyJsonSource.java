package org.tradegateway.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.tradegateway.refs.Classification;

/** A saved legacy {@code /api/get} JSON answer: {@code {"validation": {...}, "dataset": [records]}}, keys in any order. */
public final class LegacyJsonSource extends FileSource {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final LegacyRecordMapper mapper;

    public LegacyJsonSource(Path file, Classification override) {
        super(file);
        this.mapper = new LegacyRecordMapper(override);
    }

    @Override
    public DatasetInfo dataset() {
        return new DatasetInfo("legacy-json", file.getFileName().toString(), "", "UN Comtrade", false, null);
    }

    @Override
    public Shape shape() {
        return Shape.RECORDS;
    }

    @Override
    public void writeTo(StageWriter writer) throws IOException {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file);
             JsonParser parser = new JsonFactory(MAPPER).createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedInputException(name + ": not a legacy /api/get answer (expected a JSON object)");
            }
            boolean sawDataset = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if (field.equals("validation") && token == JsonToken.START_OBJECT) {
                    checkValidation(MAPPER.readTree(parser), name);
                } else if (field.equals("dataset") && token == JsonToken.START_ARRAY) {
                    sawDataset = true;
                    readDataset(parser, writer, name);
                } else {
                    parser.skipChildren();
                }
            }
            if (!sawDataset) {
                throw new MalformedInputException(name + ": no \"dataset\" array found");
            }
        } catch (JsonProcessingException e) {
            throw new MalformedInputException(name + ":" + e.getLocation().getLineNr() + ": invalid JSON: "
                    + e.getOriginalMessage());
        }
    }

    private void readDataset(JsonParser parser, StageWriter writer, String name) throws IOException {
        FactRow row = new FactRow();
        Map<LegacyField, String> values = new HashMap<>();
        int index = 0;
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            int line = parser.currentLocation().getLineNr();
            JsonNode record = MAPPER.readTree(parser);
            index++;
            values.clear();
            for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                LegacyField f = LegacyField.ofHeader(e.getKey());
                if (f != null && !e.getValue().isNull()) {
                    values.put(f, e.getValue().asText());
                }
            }
            try {
                mapper.map(values::get, row, writer);
                writer.record(row);
            } catch (MalformedInputException e) {
                throw new MalformedInputException(name + ":" + line + ": record " + index + ": " + e.getMessage());
            }
        }
    }

    private static void checkValidation(JsonNode validation, String name) {
        JsonNode value = validation.path("status").path("value");
        if (value.isNumber() && value.asInt() != 0) {
            throw new MalformedInputException(name + ": the saved answer is a failure (" + value.asInt() + " "
                    + validation.path("status").path("name").asText() + "): it holds no data");
        }
    }
}
