package org.tradegateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tradegateway.core.TradeQuery;
import org.tradegateway.dialect.legacy.QueryParser;
import org.tradegateway.refs.ReferenceData;

/**
 * Which answers go straight to a cursor (likely more rows than one statement's first read) and which are first
 * read in one statement: the whole tree, every reporter or every partner below the total go to the cursor, unless
 * named codes to named partners in named flows bound the answer (a product hub: one code of every reporter to World).
 */
class LikelyLargeTest {

    private static TradeQuery parse(String queryString) {
        Map<String, String> params = new HashMap<>();
        for (String pair : (queryString + "&ps=2021&px=H0&max=100000").split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv[1]);
        }
        return new QueryParser(ReferenceData.get()).parse(params, 100_000).query();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "r=826&p=0&rg=all&cc=ALL | true",
        "r=826&p=0&rg=all&cc=AG6 | false",
        "r=all&p=0&rg=all&cc=TOTAL | false",
        "r=all&p=0&rg=all&cc=AG2 | true",
        "r=all&p=0&rg=all&cc=87 | true",
        "r=all&p=0&rg=1,2&cc=87 | false",
        "r=all&p=0&rg=1,2&cc=87,88 | true",
        "r=all&p=0,842&rg=1&cc=87 | false",
        "r=all&p=0&rg=1,2&cc=AG2 | true",
        "r=826&p=all&rg=2&cc=87 | true"})
    void shouldGoStraightToACursorOnlyWhenTheAnswerMayBeLarge(String query, boolean large) {
        assertEquals(large, QueryPlanner.likelyLarge(parse(query)), query);
    }
}
