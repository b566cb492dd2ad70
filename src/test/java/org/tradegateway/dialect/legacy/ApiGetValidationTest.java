package org.tradegateway.dialect.legacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of the legacy validation: HTTP 200 with the upstream status block and message, never a 500. */
@QuarkusTest
class ApiGetValidationTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            r=all&p=all                              | 5002 | Both 'all' reporters and 'all' partners may not be selected. Select a different reporter or partner.
            R=ALL&P=All                              | 5002 | Both 'all' reporters and 'all' partners may not be selected. Select a different reporter or partner.
            r=all&p=0&ps=all                         | 5002 | Both 'all' reporters and 'all' periods may not be selected. Select a different reporter or period.
            r=826&ps=all                             | 5002 | Both 'all' partners and 'all' periods may not be selected. Select a different partner or period.
            r=4,8,12,20,24,28                        | 5002 | Too many reporters selected.
            p=4,8,12,20,24,28                        | 5002 | Too many partners selected.
            ps=2010,2011,2012,2013,2014,2015         | 5002 | Too many years selected.
            freq=M&ps=2008,2009                      | 5002 | Too many months selected.
            freq=M&ps=201001,201002,201003,201004,201005,201006 | 5002 | Too many months selected.
            cc=01,02,03,04,05,06,07,08,09,10,11,12,13,14,15,16,17,18,19,20,21 | 5002 | Too many commodity codes selected.
            max=100001                               | 5003 | Maximum resultset is: 100000
            max=abc                                  | 5004 | abc is an invalid value for max.
            max=0                                    | 5004 | 0 is an invalid value for max.
            max=-5                                   | 5004 | -5 is an invalid value for max.
            max=1e3                                  | 5004 | 1e3 is an invalid value for max.
            px=SITCrev4                              | 5004 | SITCrev4 is an invalid trade classification
            type=S&px=HS                             | 5004 | Invalid classification for trade type.
            type=C&px=EB02                           | 5004 | Invalid classification for trade type.
            type=X                                   | 5004 | X is an invalid trade type.
            freq=Q                                   | 5004 | Q is an invalid frequency.
            r=9999                                   | 5004 | 9999 is an invalid reporter code.
            r=abc                                    | 5004 | abc is an invalid reporter code.
            r=842%3BDROP%20TABLE%20trade_fact        | 5004 | 842;DROP TABLE trade_fact is an invalid reporter code.
            r=%EF%BC%98%EF%BC%94%EF%BC%92            | 5004 | ８４２ is an invalid reporter code.
            p=1234567                                | 5004 | 1234567 is an invalid partner code.
            p=842,,156                               | 5004 | '842,,156' holds an empty code.
            ps=20                                    | 5004 | 20 is an invalid period.
            ps=201001                                | 5004 | 201001 is an invalid period.
            freq=M&ps=201013                         | 5004 | 201013 is an invalid period.
            ps=2013%27%20OR%20%271%27=%271           | 5004 | 2013' OR '1'='1 is an invalid period.
            rg=5                                     | 5004 | 5 is an invalid trade regime.
            rg=import                                | 5004 | import is an invalid trade regime.
            cc=invalid_codes                         | 5004 | invalid_codes is an invalid commodity code.
            cc=AG3                                   | 5004 | AG3 is an invalid commodity code.
            px=BEC&cc=AG4                            | 5004 | AG4 is an invalid commodity code.
            px=S3&cc=AG6                             | 5004 | AG6 is an invalid commodity code.
            type=S&cc=AG2                            | 5004 | AG2 is an invalid commodity code.
            fmt=xml                                  | 5004 | xml is an invalid format.
            head=X                                   | 5004 | X is an invalid heading style.
            IMTS=2008                                | 5004 | 2008 is an invalid IMTS value.
            """)
    void shouldAnswerWithTheValidationBlock(String query, int status, String message) {
        given().urlEncodingEnabled(false).get("/api/get?" + query).then()
                .statusCode(200)
                .contentType("application/json; charset=utf-8")
                .body("validation.status.value", equalTo(status))
                .body("validation.status.name", equalTo(switch (status) {
                    case 5002 -> "Query complexity";
                    case 5003 -> "Result too large";
                    default -> "Invalid parameter";
                }))
                .body("validation.status.category", equalTo(0))
                .body("validation.status.helpUrl", equalTo(""))
                .body("validation.message", equalTo(message))
                .body("validation.count.value", equalTo(0))
                .body("validation.count.started", equalTo("0001-01-01T00:00:00"))
                .body("validation.count.finished", equalTo("0001-01-01T00:00:00"))
                .body("validation.count.durationSeconds", equalTo(0))
                .body("validation.datasetTimer", nullValue())
                .body("dataset.size()", equalTo(0));
    }

    @ParameterizedTest
    @CsvSource({"cc", "r", "ps", "px"})
    void shouldRefuseAnOverlongValue(String name) {
        given().urlEncodingEnabled(false).get("/api/get?" + name + "=" + "1".repeat(3000)).then()
                .statusCode(200)
                .body("validation.status.value", equalTo(5004))
                .body("validation.message", equalTo("The value of " + name + " is too long."));
    }
}
