package org.tradegateway.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradegateway.ingest.synthetic.GeneratorSource;
import org.tradegateway.ingest.synthetic.GeneratorSource.GeneratorSettings;
import org.tradegateway.refs.Classification;
import org.tradegateway.support.Imports;
import org.tradegateway.support.TestDatabase;

/** {@code TRADE_DATA_CONVERTED=hide}: converted records stay stored but are neither answered nor listed. */
@QuarkusTest
@TestProfile(ConvertedHiddenTest.Hidden.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConvertedHiddenTest {
    private static final String NAME = "synthetic-H5-2059-2059-5000-seed14";

    /** Converted records hidden. */
    public static class Hidden implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trade.data.converted", "hide");
        }
    }

    @BeforeAll
    void load() throws Exception {
        Imports.load(new GeneratorSource(new GeneratorSettings(2059, 2059, 5_000, Classification.H5, 14)));
        try (Connection reader = TestDatabase.connect()) {
            Imports.load(new ConversionSource(reader, NAME, Classification.H0));
        }
    }

    @AfterAll
    void drop() throws Exception {
        Imports.dropNamed(NAME);
    }

    @Test
    void shouldAnswerOnlyAsLoaded() {
        given().get("/api/get?r=842&p=0&ps=2059&px=H5&rg=2&cc=TOTAL").then().statusCode(200)
                .body("validation.count.value", equalTo(1));
        given().get("/api/get?r=842&p=0&ps=2059&px=H0&rg=2&cc=TOTAL").then().statusCode(200)
                .body("validation.count.value", equalTo(0));
        given().get("/api/refs/da/view?r=842&ps=2059").then().statusCode(200).body("size()", equalTo(1))
                .body("[0].px", equalTo("H5"));
        given().get("/public/v1/getDa/C/A/H0?reporterCode=842&period=2059").then().statusCode(200)
                .body("count", equalTo(0));
        given().get("/site/catalog.json").then().statusCode(200)
                .body("datasets.find { it.name == '" + NAME + "-as-H0' }", equalTo(null))
                .body("datasets.find { it.name == '" + NAME + "' }.revisions", equalTo(java.util.List.of("H5")));
    }
}
