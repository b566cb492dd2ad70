package org.tradegateway.dialect.site;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradegateway.ingest.synthetic.GeneratorSource;
import org.tradegateway.ingest.synthetic.GeneratorSource.GeneratorSettings;
import org.tradegateway.refs.Classification;
import org.tradegateway.support.Imports;
import org.tradegateway.support.Sql;

/**
 * {@code /site/catalog.json}: a loaded dataset with its provenance, revisions, years, reporters and records as
 * the database holds them, the loaded periods, the Census reporter and the guest limits; the catalog kept in
 * memory is written again when a dataset is loaded or dropped.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteCatalogTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @BeforeAll
    void load() throws Exception {
        Imports.load(new GeneratorSource(new GeneratorSettings(2054, 2055, 5_000, Classification.H3, 11)));
    }

    @AfterAll
    void drop() throws Exception {
        Imports.dropNamed("synthetic-H3-2054");
    }

    private static JsonNode catalog() throws Exception {
        return MAPPER.readTree(given().get("/site/catalog.json").then().statusCode(200)
                .contentType("application/json; charset=utf-8").header("Cache-Control", "no-cache")
                .extract().asString());
    }

    private static JsonNode dataset(JsonNode catalog, String prefix) {
        for (JsonNode d : catalog.get("datasets")) {
            if (d.get("name").asText().startsWith(prefix)) {
                return d;
            }
        }
        return null;
    }

    @Test
    void shouldDescribeALoadedDatasetAsTheDatabaseHoldsIt() throws Exception {
        JsonNode catalog = catalog();
        JsonNode d = dataset(catalog, "synthetic-H3-2054-2055");
        assertEquals("synthetic", d.get("source").asText());
        assertEquals("synthetic data, no restriction", d.get("licence").asText());
        assertEquals("goods", d.get("type").asText());
        assertEquals("annual", d.get("frequency").asText());
        assertEquals("[\"H3\"]", d.get("revisions").toString());
        assertEquals("[2054,2055]", d.get("years").toString());
        assertEquals("2054-2055", d.get("yearRange").asText());
        String release = "data_availability WHERE px = 'H3' AND period IN (2054, 2055)";
        assertEquals(Sql.count("SELECT count(DISTINCT reporter) FROM " + release), d.get("reporters").asLong());
        assertTrue(d.get("records").asLong() > 5_000, d.toString());
        assertTrue(catalog.at("/periods/annual").toString().contains("2055,2054"), catalog.get("periods").toString());
        assertTrue(catalog.get("revisions").toString().contains("\"H3\""));
        assertEquals(842, catalog.at("/census/reporter").asInt());
        JsonNode limits = catalog.get("guestLimits");
        assertEquals(false, limits.get("enabled").asBoolean());
        assertEquals(1, limits.get("perSecond").asInt());
        assertEquals(100, limits.get("perWindow").asInt());
        assertEquals(100_000, limits.get("maxRecords").asInt());
    }

    /** The catalog once it says what the data now holds (a change is announced when its transaction commits). */
    private static JsonNode until(java.util.function.Predicate<JsonNode> test) throws Exception {
        long end = System.currentTimeMillis() + 10_000;
        JsonNode c = catalog();
        while (!test.test(c) && System.currentTimeMillis() < end) {
            Thread.sleep(50);
            c = catalog();
        }
        assertTrue(test.test(c), c.toString());
        return c;
    }

    @Test
    void shouldSeeANewDatasetAndForgetADroppedOne() throws Exception {
        catalog(); // kept from here until the data changes
        Imports.load(new GeneratorSource(new GeneratorSettings(2056, 2056, 2_000, Classification.H3, 12)));
        JsonNode loaded = until(c -> dataset(c, "synthetic-H3-2056") != null);
        assertEquals("[2056]", dataset(loaded, "synthetic-H3-2056").get("years").toString());
        Imports.dropNamed("synthetic-H3-2056");
        JsonNode dropped = until(c -> dataset(c, "synthetic-H3-2056") == null);
        assertTrue(!dropped.at("/periods/annual").toString().contains("2056"));
    }
}
